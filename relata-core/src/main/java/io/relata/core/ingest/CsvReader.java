package io.relata.core.ingest;

import io.relata.core.model.Record;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads a CSV file with a header row through a {@link CsvMapping}. Header problems (a mapped column
 * missing) are fatal; row problems are rejects carrying the physical line where the row starts, which
 * differs from the row number once quoted cells span lines.
 */
public final class CsvReader {

    public LoadCounts read(Path csv, CsvMapping mapping, RecordHandler handler) {
        try (InputStream in = Files.newInputStream(csv)) {
            return read(in, csv.toString(), mapping, handler);
        } catch (NoSuchFileException e) {
            throw new IngestException("file not found: " + csv);
        } catch (IOException e) {
            throw new IngestException("cannot read " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Reads from a stream (not closed here); {@code name} is used in rejects and picks the delimiter. */
    public LoadCounts read(InputStream in, String name, CsvMapping mapping, RecordHandler handler) {
        CountingHandler counter = new CountingHandler(handler);
        CSVFormat format = CSVFormat.DEFAULT.builder()
                .setDelimiter(delimiter(name, mapping))
                .setHeader().setSkipHeaderRecord(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW)
                .setIgnoreEmptyLines(false) // we skip blank rows ourselves, to keep line numbers exact
                .setTrailingData(true) // "Ann"x reads as Annx rather than ending the file
                .build();
        try (CSVParser parser = CSVParser.parse(withoutBom(in, mapping), format)) {
            Map<String, Integer> header = checkedHeader(parser, name, mapping);
            CsvRowMapper mapper = new CsvRowMapper(mapping, header);
            readRows(parser, header.size(), name, mapper, counter);
        } catch (IOException | UncheckedIOException e) {
            throw new IngestException("cannot read " + name + ": " + e.getMessage(), e);
        } catch (IllegalArgumentException e) { // commons-csv: bad or duplicate header
            throw new IngestException(name + ": invalid CSV header: " + e.getMessage(), e);
        }
        return counter.counts();
    }

    private static void readRows(CSVParser parser, int width, String name, CsvRowMapper mapper, CountingHandler counter) {
        long linesBefore = parser.getCurrentLineNumber(); // line breaks consumed so far
        Iterator<CSVRecord> rows = parser.iterator();
        while (true) {
            long line = linesBefore + 1;
            CSVRecord row;
            try {
                if (!rows.hasNext()) return;
                row = rows.next();
            } catch (UncheckedIOException | IllegalStateException | NoSuchElementException e) {
                // The tokenizer cannot resynchronize after this, so report it and stop the file here.
                counter.reject(new Reject(name, line, Reject.WHOLE_LINE, "malformed CSV, reading stopped here: "
                        + (e.getCause() != null ? e.getCause().getMessage() : e.getMessage())));
                return;
            }
            linesBefore = parser.getCurrentLineNumber();
            if (row.size() == 1 && row.get(0).isBlank() && width > 1) continue; // blank line
            if (row.size() != width) {
                counter.reject(new Reject(name, line, Reject.WHOLE_LINE,
                        "expected " + width + " cells as in the header, got " + row.size() + "; check quoting and delimiters"));
                continue;
            }
            Record record;
            try {
                record = mapper.map(row);
            } catch (RecordRejectedException e) {
                counter.reject(new Reject(name, line, e.field, e.reason));
                continue;
            }
            counter.accept(record, line);
        }
    }

    private static Map<String, Integer> checkedHeader(CSVParser parser, String name, CsvMapping mapping) {
        Map<String, Integer> header = parser.getHeaderMap();
        List<String> needed = new ArrayList<>();
        needed.add(mapping.idColumn());
        if (mapping.sourceColumn() != null) needed.add(mapping.sourceColumn());
        if (mapping.typeColumn() != null) needed.add(mapping.typeColumn());
        mapping.columns().forEach(c -> needed.add(c.column()));
        needed.addAll(mapping.attributeColumns());
        for (String column : needed) {
            if (!header.containsKey(column)) {
                throw new IngestException(name + ": column '" + column + "' (named in mapping " + mapping.name()
                        + ") is not in the header; the header has: " + String.join(", ", parser.getHeaderNames()));
            }
        }
        return header;
    }

    private static char delimiter(String name, CsvMapping mapping) {
        if (mapping.delimiter() != null) return mapping.delimiter();
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".tsv") || n.endsWith(".tsv.gz") ? '\t' : ',';
    }

    /** Spreadsheet tools often start UTF-8 files with a byte order mark; it must not join the first column name. */
    private static Reader withoutBom(InputStream in, CsvMapping mapping) throws IOException {
        PushbackReader r = new PushbackReader(new BufferedReader(new InputStreamReader(in, mapping.encoding()), 1 << 16));
        int first = r.read();
        if (first != -1 && first != '\uFEFF') r.unread(first);
        return r;
    }
}
