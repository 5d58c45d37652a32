package io.relata.core.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** Writes rejects as CSV {@code file,line,field,reason}, so a user can open them beside the source. */
public final class RejectsWriter implements AutoCloseable {
    private final Path path;
    private final CSVPrinter printer;
    private long written;

    public RejectsWriter(Path path) {
        this.path = path;
        try {
            Path parent = path.toAbsolutePath().getParent();
            if (parent != null) Files.createDirectories(parent);
            this.printer = new CSVPrinter(Files.newBufferedWriter(path, StandardCharsets.UTF_8),
                    CSVFormat.DEFAULT.builder().setHeader("file", "line", "field", "reason").setRecordSeparator('\n').build());
        } catch (IOException e) {
            throw new IngestException("cannot write rejects to " + path + ": " + e.getMessage(), e);
        }
    }

    public void write(Reject r) {
        try {
            printer.printRecord(r.file(), r.line(), r.field(), r.reason());
            written++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write rejects to " + path, e);
        }
    }

    public long written() {
        return written;
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException e) {
            throw new IngestException("cannot finish writing rejects to " + path + ": " + e.getMessage(), e);
        }
    }
}
