package io.relata.core.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.core.model.EntityType;
import io.relata.core.model.NameUse;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks a CSV mapping file; every mistake fails fast with the file name and what to write. */
final class CsvMappingParser {
    private static final Set<String> KEYS = Set.of("source", "sourceColumn", "type", "typeColumn", "delimiter",
            "encoding", "defaultCountry", "dateFormats", "id", "columns", "attributes");
    private static final Set<String> COLUMN_KEYS = Set.of("field", "use", "split", "type", "country", "source", "role");

    private final String name;

    private CsvMappingParser(String name) {
        this.name = name;
    }

    static CsvMapping parse(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new IngestException("mapping " + file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            if (!Files.exists(file) || e instanceof NoSuchFileException) {
                throw new IngestException("mapping file not found: " + file);
            }
            throw new IngestException("cannot read mapping " + file + ": " + e.getMessage(), e);
        }
        return new CsvMappingParser(file.getFileName().toString()).mapping(root);
    }

    private CsvMapping mapping(JsonNode root) {
        if (root == null || !root.isObject()) throw error("the mapping must be a JSON object");
        root.fieldNames().forEachRemaining(k -> {
            if (!KEYS.contains(k)) throw error("unknown key '" + k + "' (allowed: " + String.join(", ", sorted(KEYS)) + ")");
        });
        String id = text(root, "id");
        if (id == null) throw error("'id' is required: the name of the column holding each record's id");
        if (!root.path("columns").isObject()) throw error("'columns' must be an object of column name -> target");
        List<CsvMapping.Column> columns = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.get("columns").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            columns.add(column(e.getKey(), e.getValue()));
        }
        List<String> dateFormats = strings(root, "dateFormats");
        try {
            new DateNormalizer(dateFormats);
        } catch (IllegalArgumentException e) {
            throw error(e.getMessage());
        }
        return new CsvMapping(name, text(root, "source"), text(root, "sourceColumn"), entityType(text(root, "type")),
                text(root, "typeColumn"), delimiter(text(root, "delimiter")), charset(text(root, "encoding")),
                text(root, "defaultCountry"), dateFormats, id, columns, strings(root, "attributes"));
    }

    private CsvMapping.Column column(String column, JsonNode spec) {
        if (spec.isTextual()) return CsvMapping.Column.of(column, target(column, spec.asText()));
        if (!spec.isObject()) throw error("column '" + column + "': expected a target name or an object with 'field'");
        spec.fieldNames().forEachRemaining(k -> {
            if (!COLUMN_KEYS.contains(k)) {
                throw error("column '" + column + "': unknown key '" + k + "' (allowed: " + String.join(", ", sorted(COLUMN_KEYS)) + ")");
            }
        });
        String field = text(spec, "field");
        if (field == null) throw error("column '" + column + "': 'field' (the target) is required");
        CsvTarget target = target(column, field);
        String use = text(spec, "use");
        String split = text(spec, "split");
        String type = text(spec, "type");
        String source = text(spec, "source");
        if (use != null && !target.isNamePart()) throw error("column '" + column + "': 'use' applies to names only");
        if (split != null && !target.splittable()) throw error("column '" + column + "': " + target.path() + " holds one value; 'split' is not allowed");
        boolean needsType = target == CsvTarget.IDENTIFIERS || target == CsvTarget.RELATIONSHIPS || target == CsvTarget.EVENTS;
        if (needsType && type == null) throw error("column '" + column + "': " + target.path() + " needs a fixed 'type'");
        if (target == CsvTarget.RELATIONSHIPS && source == null) {
            throw error("column '" + column + "': relationships need the target's 'source'");
        }
        return new CsvMapping.Column(column, target, nameUse(column, use), split, type, text(spec, "country"), source, text(spec, "role"));
    }

    private CsvTarget target(String column, String path) {
        CsvTarget t = CsvTarget.ofPath(path);
        if (t == null) {
            throw error("column '" + column + "' maps to unknown target '" + path + "' (valid targets: " + CsvTarget.allPaths() + ")");
        }
        return t;
    }

    private NameUse nameUse(String column, String use) {
        if (use == null) return null;
        try {
            return NameUse.valueOf(use.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("column '" + column + "': use must be PRIMARY or ALIAS, got '" + use + "'");
        }
    }

    private EntityType entityType(String type) {
        if (type == null) return null;
        try {
            return EntityType.valueOf(type.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error("type must be PERSON or ORGANIZATION, got '" + type + "'");
        }
    }

    private Character delimiter(String d) {
        if (d == null) return null;
        if (d.equals("\\t") || d.equalsIgnoreCase("tab")) return '\t';
        if (d.length() != 1) throw error("delimiter must be one character, got '" + d + "'");
        return d.charAt(0);
    }

    private Charset charset(String enc) {
        if (enc == null) return null;
        try {
            return Charset.forName(enc);
        } catch (IllegalArgumentException e) {
            throw error("unknown encoding '" + enc + "' (e.g. UTF-8, ISO-8859-1, windows-1252)");
        }
    }

    private String text(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return null;
        if (!v.isTextual()) throw error("'" + key + "' must be a string, got " + v.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
        return v.asText();
    }

    private List<String> strings(JsonNode node, String key) {
        JsonNode v = node.get(key);
        if (v == null || v.isNull()) return List.of();
        List<String> out = new ArrayList<>();
        if (v.isArray()) v.forEach(e -> out.add(e.isTextual() ? e.asText() : null));
        if (!v.isArray() || out.contains(null)) throw error("'" + key + "' must be an array of strings");
        return out;
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }

    private IngestException error(String message) {
        return new IngestException("mapping " + name + ": " + message);
    }
}
