package io.relata.core.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * The one entry point for loading a source file: JSON Lines for .jsonl, .json and .ndjson, CSV for .csv
 * and .tsv (which need a mapping), each optionally gzip-compressed (.gz).
 */
public final class SourceFileReader {
    private final JsonlReader jsonl = new JsonlReader();
    private final CsvReader csv = new CsvReader();

    public LoadCounts read(Path file, CsvMapping mappingOrNull, RecordHandler handler) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean gzip = name.endsWith(".gz");
        String base = gzip ? name.substring(0, name.length() - 3) : name;
        boolean isJson = base.endsWith(".jsonl") || base.endsWith(".json") || base.endsWith(".ndjson");
        boolean isCsv = base.endsWith(".csv") || base.endsWith(".tsv");
        if (!isJson && !isCsv) {
            throw new IngestException("cannot tell the format of " + file
                    + ": name it .jsonl, .json, .ndjson, .csv or .tsv (optionally with .gz)");
        }
        if (isCsv && mappingOrNull == null) {
            throw new IngestException(file + " is CSV and needs a mapping file saying which column is the id "
                    + "and where the other columns go (see CsvMapping)");
        }
        if (Files.isDirectory(file)) throw new IngestException(file + " is a directory, not a source file");
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = gzip ? new GZIPInputStream(raw, 1 << 16) : new BufferedInputStream(raw, 1 << 16)) {
            return isJson ? jsonl.read(in, file.toString(), handler) : csv.read(in, file.toString(), mappingOrNull, handler);
        } catch (NoSuchFileException e) {
            throw new IngestException("file not found: " + file);
        } catch (IOException e) {
            throw new IngestException("cannot read " + file + (gzip ? " (is it really gzip-compressed?)" : "") + ": " + e.getMessage(), e);
        }
    }
}
