package io.relata.cli;

import io.relata.core.ingest.CsvMapping;
import io.relata.core.ingest.LoadCounts;
import io.relata.core.ingest.RecordHandler;
import io.relata.core.ingest.Reject;
import io.relata.core.ingest.RejectsWriter;
import io.relata.core.ingest.SourceFileReader;
import io.relata.core.model.Record;
import io.relata.core.standardize.BatchStandardizer;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.RecordStandardizer;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The options every command that reads source extracts shares, and the loading they describe. */
final class SourceOptions {
    @Parameters(paramLabel = "FILE", arity = "1..*",
            description = "Source extracts: canonical JSON Lines (.jsonl, .jsonl.gz) or CSV with --mapping.")
    List<Path> files = new ArrayList<>();

    @Option(names = "--mapping", paramLabel = "MAPPING.json", description = "Column mapping for CSV files.")
    Path mapping;

    @Option(names = "--country", paramLabel = "SOURCE=CC",
            description = "Default country (ISO alpha-2) of a source's phones and addresses, e.g. --country DMV=US.")
    Map<String, String> countries = new HashMap<>();

    @Option(names = "--month-first", description = "Read ambiguous dates such as 03/04/1980 as month first (US).")
    boolean monthFirst;

    @Option(names = "--rejects", paramLabel = "FILE", description = "Write rejected records here as CSV.")
    Path rejects;

    private CsvMapping csvMapping;
    private RecordStandardizer standardizer;

    /**
     * Reads every file and standardizes the records as they stream in, keeping only their features; rejects
     * are counted, printed (the first few) and written if asked.
     */
    Loaded load(PrintStream err) {
        CsvMapping csv = csvMapping();
        BatchStandardizer standardizer = new BatchStandardizer(standardizer());
        LoadCounts counts = LoadCounts.ZERO;
        List<Reject> shown = new ArrayList<>();
        try (RejectsWriter writer = rejects == null ? null : new RejectsWriter(rejects)) {
            RecordHandler handler = new RecordHandler() {
                @Override
                public void accept(Record record, long line) {
                    standardizer.accept(record);
                }

                @Override
                public void reject(Reject reject) {
                    if (shown.size() < 10) shown.add(reject);
                    if (writer != null) writer.write(reject);
                }
            };
            SourceFileReader reader = new SourceFileReader();
            for (Path file : files) counts = counts.plus(reader.read(file, csv, handler));
        }
        for (Reject r : shown) err.println("rejected " + r);
        if (counts.rejected() > shown.size()) {
            err.println("... " + (counts.rejected() - shown.size()) + " more rejected"
                    + (rejects == null ? " (use --rejects FILE to keep them all)" : ", all in " + rejects));
        }
        return new Loaded(standardizer.finish(), counts);
    }

    /** One standardizer per command run, so that its token pool is shared by everything it reads. */
    RecordStandardizer standardizer() {
        if (standardizer == null) standardizer = new RecordStandardizer(countries(), monthFirst);
        return standardizer;
    }

    /** Each source's default country: from --country, else from the CSV mapping. */
    Map<String, String> countries() {
        Map<String, String> bySource = new HashMap<>(countries);
        CsvMapping csv = csvMapping();
        if (csv != null && csv.defaultCountry() != null && csv.source() != null) {
            bySource.putIfAbsent(csv.source(), csv.defaultCountry());
        }
        return bySource;
    }

    CsvMapping csvMapping() {
        if (csvMapping == null && mapping != null) csvMapping = CsvMapping.load(mapping);
        return csvMapping;
    }

    record Loaded(RecordFeatures[] features, LoadCounts counts) {}
}
