package io.relata.core.evaluate;

import io.relata.core.model.RecordKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.IntFunction;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes a clustering in the ground-truth format {@code source,id,entity}, so it can be read back as truth. */
public final class ClustersCsv {
    private ClustersCsv() {}

    /**
     * @param keys       the records, in index order
     * @param entity     the cluster label of each record, indexed like {@code keys}
     * @param entityName the entity column's text for a label, e.g. {@code l -> "E" + l}
     */
    public static void write(Path out, List<RecordKey> keys, int[] entity, IntFunction<String> entityName) {
        if (keys.size() != entity.length) {
            throw new IllegalArgumentException(keys.size() + " keys but " + entity.length + " labels");
        }
        // Minimal quoting: only ids with commas, quotes or line breaks are quoted, with quotes doubled.
        CSVFormat format = CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build();
        try (Writer w = Files.newBufferedWriter(Files.createDirectories(out.toAbsolutePath().getParent()).resolve(out.getFileName()), StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(w, format)) {
            printer.printRecord("source", "id", "entity");
            for (int r = 0; r < entity.length; r++) {
                RecordKey key = keys.get(r);
                printer.printRecord(key.source(), key.id(), entityName.apply(entity[r]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + out + ": " + e.getMessage(), e);
        }
    }
}
