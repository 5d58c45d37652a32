package io.relata.core.evaluate;

import io.relata.core.model.RecordKey;
import it.unimi.dsi.fastutil.objects.Object2IntOpenHashMap;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The true entity of each record, read from a {@code source,id,entity} CSV file (see record-format.md).
 *
 * <p>Held as source -> id -> dense entity number rather than RecordKey -> String: at 10 million records
 * that saves an object per record, which is most of the load time (garbage collection) and memory.
 */
public final class GroundTruth {
    private static final List<String> HEADER = List.of("source", "id", "entity");

    private final Map<String, Object2IntOpenHashMap<String>> bySource;
    private final List<String> entityNames; // indexed by entity number
    private final int size;

    private GroundTruth(Map<String, Object2IntOpenHashMap<String>> bySource, List<String> entityNames) {
        this.bySource = bySource;
        this.entityNames = entityNames;
        this.size = bySource.values().stream().mapToInt(Map::size).sum();
    }

    /**
     * Reads the file; the header must be {@code source,id,entity} (spaces around names and a byte order
     * mark are ignored). A repeated (source, id) with the same entity is accepted; with a different
     * entity, or any malformed row, the whole load fails, since scores against a half-read truth would be
     * silently wrong.
     *
     * @throws IllegalArgumentException naming the file and line of the first problem
     * @throws UncheckedIOException     if the file cannot be read
     */
    public static GroundTruth load(Path csv) {
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setIgnoreEmptyLines(false) // skipped below, so that line numbers stay exact
                .build();
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8);
             CSVParser parser = CSVParser.parse(in, format)) {
            return read(parser, csv);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read ground truth " + csv + ": " + e.getMessage(), e);
        }
    }

    private static GroundTruth read(CSVParser parser, Path csv) {
        Map<String, Object2IntOpenHashMap<String>> bySource = new HashMap<>();
        var numbers = new Object2IntOpenHashMap<String>(); // entity name -> number
        numbers.defaultReturnValue(-1);
        List<String> names = new ArrayList<>();
        Iterator<CSVRecord> rows = parser.iterator();
        long linesBefore = 0; // line breaks consumed before the current row; a quoted cell may span lines
        boolean header = true;
        while (true) {
            long line = linesBefore + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) break;
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
                throw error(csv, line, "malformed CSV: " + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage()));
            }
            linesBefore = parser.getCurrentLineNumber();
            if (row.size() == 1 && row.get(0).isBlank()) continue;
            if (header) {
                header = false;
                checkHeader(row, csv, line);
                continue;
            }
            if (row.size() != HEADER.size()) {
                throw error(csv, line, "expected 3 fields source,id,entity, got " + row.size());
            }
            String source = row.get(0), id = row.get(1), entity = row.get(2);
            if (source.isEmpty() || id.isEmpty() || entity.isEmpty()) {
                throw error(csv, line, "empty source, id or entity");
            }
            int number = numbers.putIfAbsent(entity, names.size());
            if (number < 0) {
                number = names.size();
                names.add(entity);
            }
            var ids = bySource.computeIfAbsent(source, s -> newIdMap());
            int previous = ids.putIfAbsent(id, number);
            if (previous >= 0 && previous != number) {
                throw error(csv, line, "record " + new RecordKey(source, id) + " is given entity '" + entity
                        + "' but was given '" + names.get(previous) + "' earlier");
            }
        }
        if (header) throw error(csv, 1, "empty file; expected the header source,id,entity");
        bySource.values().forEach(Object2IntOpenHashMap::trim);
        return new GroundTruth(bySource, names);
    }

    private static Object2IntOpenHashMap<String> newIdMap() {
        var ids = new Object2IntOpenHashMap<String>();
        ids.defaultReturnValue(-1);
        return ids;
    }

    private static void checkHeader(CSVRecord row, Path csv, long line) {
        List<String> names = row.toList();
        if (!names.isEmpty() && names.get(0).startsWith("\uFEFF")) { // byte order mark from spreadsheet tools
            names = new ArrayList<>(names);
            names.set(0, names.get(0).substring(1));
        }
        if (!names.stream().map(String::strip).toList().equals(HEADER)) {
            throw error(csv, line, "expected the header source,id,entity, got " + String.join(",", row.toList()));
        }
    }

    private static IllegalArgumentException error(Path csv, long line, String message) {
        return new IllegalArgumentException(csv + " line " + line + ": " + message);
    }

    /** The record's true entity, or null if the truth does not cover it. */
    public String entityOf(RecordKey key) {
        int number = numberOf(key);
        return number < 0 ? null : entityNames.get(number);
    }

    private int numberOf(RecordKey key) {
        var ids = bySource.get(key.source());
        return ids == null ? -1 : ids.getInt(key.id());
    }

    /** Number of records with a true entity. */
    public int size() {
        return size;
    }

    /**
     * Int labels for {@link ClusterMetrics#evaluate}: records of the same entity share a label, and
     * each record the truth does not cover gets a label of its own, so it counts as a singleton entity.
     */
    public int[] labels(List<RecordKey> keys) {
        int[] labels = new int[keys.size()];
        int unknown = entityNames.size(); // entity numbers are 0 .. entities-1, so start above them
        for (int r = 0; r < labels.length; r++) {
            int number = numberOf(keys.get(r));
            labels[r] = number >= 0 ? number : unknown++;
        }
        return labels;
    }
}
