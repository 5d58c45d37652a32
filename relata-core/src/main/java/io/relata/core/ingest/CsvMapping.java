package io.relata.core.ingest;

import io.relata.core.model.EntityType;
import io.relata.core.model.NameUse;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * How the columns of one CSV layout map onto the canonical record. Usually loaded from a JSON mapping
 * file with {@link #load(Path)}; {@code name} is that file's name, used in error messages.
 *
 * @param source fixed source code, or null when {@code sourceColumn} names a column holding it
 * @param typeColumn optional column holding PERSON/ORGANIZATION per row; {@code type} is the default
 * @param delimiter null to choose by file extension (tab for .tsv, else comma)
 * @param defaultCountry fills addresses.country when an address has other parts but no country
 * @param dateFormats java.time patterns for dob and event dates; empty to pass dates through unchanged
 * @param attributeColumns unmapped columns kept in {@code attributes}
 */
public record CsvMapping(
        String name,
        String source,
        String sourceColumn,
        EntityType type,
        String typeColumn,
        Character delimiter,
        Charset encoding,
        String defaultCountry,
        List<String> dateFormats,
        String idColumn,
        List<Column> columns,
        List<String> attributeColumns) {

    /**
     * One mapped column. {@code use} applies to names; {@code split} separates several values in one
     * cell; {@code type}, {@code country}, {@code source}, {@code role} are the fixed parts of
     * identifiers, relationships and events, whose cell holds the value, target id or date.
     */
    public record Column(String column, CsvTarget target, NameUse use, String split,
                         String type, String country, String source, String role) {
        public Column {
            Objects.requireNonNull(column, "column");
            Objects.requireNonNull(target, "target");
            use = use == null ? NameUse.PRIMARY : use;
        }

        public static Column of(String column, CsvTarget target) {
            return new Column(column, target, null, null, null, null, null, null);
        }
    }

    public CsvMapping {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(idColumn, "idColumn");
        if ((source == null) == (sourceColumn == null)) {
            throw new IngestException("mapping " + name + ": give exactly one of 'source' (a fixed source code) "
                    + "or 'sourceColumn' (the column holding it)");
        }
        type = type == null ? EntityType.PERSON : type;
        encoding = encoding == null ? java.nio.charset.StandardCharsets.UTF_8 : encoding;
        dateFormats = dateFormats == null ? List.of() : List.copyOf(dateFormats);
        columns = List.copyOf(columns);
        attributeColumns = attributeColumns == null ? List.of() : List.copyOf(attributeColumns);
    }

    /** Reads a JSON mapping file; any mistake in it is an {@link IngestException} naming the file. */
    public static CsvMapping load(Path jsonFile) {
        return CsvMappingParser.parse(jsonFile);
    }
}
