package io.relata.core.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;
import io.relata.core.model.Record;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Reads canonical JSON Lines (UTF-8, one record per line, record-format.md). Streams with memory
 * bounded by the longest line; each line is parsed on its own, so a bad line is rejected and the next
 * one reads normally. Blank lines are skipped and not counted. Thread-safe: state lives per call.
 */
public final class JsonlReader {
    /** Lines longer than this are rejected unparsed, so one runaway line cannot exhaust memory. */
    public static final int MAX_LINE_BYTES = 16 << 20;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /**
     * One record from its canonical JSON text (as {@link JsonlWriter#toJson} writes it).
     *
     * @throws IllegalArgumentException naming the offending field when the text is not a valid record
     */
    public static Record parse(String json) {
        byte[] bytes = json.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        try {
            return new JsonRecordParser(FACTORY).parse(bytes, 0, bytes.length);
        } catch (RecordRejectedException e) {
            throw new IllegalArgumentException(e.field + ": " + e.reason);
        }
    }

    public LoadCounts read(Path file, RecordHandler handler) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString(), handler);
        } catch (NoSuchFileException e) {
            throw new IngestException("file not found: " + file);
        } catch (IOException e) {
            throw new IngestException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads from a stream (not closed here); {@code name} is the file name used in rejects. */
    public LoadCounts read(InputStream in, String name, RecordHandler handler) {
        CountingHandler counter = new CountingHandler(handler);
        JsonRecordParser parser = new JsonRecordParser(FACTORY);
        long[] lastLine = {0};
        LineScanner.LineSink sink = new LineScanner.LineSink() {
            @Override
            public void line(byte[] buf, int off, int len, long line) {
                lastLine[0] = line;
                if (line == 1 && len >= 3 && buf[off] == (byte) 0xEF && buf[off + 1] == (byte) 0xBB
                        && buf[off + 2] == (byte) 0xBF) { // UTF-8 byte order mark, written by some tools
                    off += 3;
                    len -= 3;
                }
                if (len > 0 && buf[off + len - 1] == '\r') len--;
                if (isBlank(buf, off, len)) return;
                Record record;
                try {
                    record = parser.parse(buf, off, len);
                } catch (RecordRejectedException e) {
                    counter.reject(new Reject(name, line, e.field, e.reason));
                    return;
                } catch (RuntimeException e) {
                    // A parser failure we did not foresee must still cost one record, not the load.
                    counter.reject(new Reject(name, line, Reject.WHOLE_LINE, "could not read the record: " + e));
                    return;
                }
                counter.accept(record, line); // outside the try: a failing handler is the caller's error

            }

            @Override
            public void tooLong(long line) {
                lastLine[0] = line;
                counter.reject(new Reject(name, line, Reject.WHOLE_LINE,
                        "line is longer than " + (MAX_LINE_BYTES >> 20) + " MiB; split the record or check the file is JSON Lines"));
            }
        };
        try {
            LineScanner.scan(in, MAX_LINE_BYTES, sink);
        } catch (IOException e) {
            throw new IngestException("cannot read " + name + " after line " + lastLine[0] + ": " + e.getMessage(), e);
        }
        return counter.counts();
    }

    private static boolean isBlank(byte[] buf, int off, int len) {
        for (int i = off, end = off + len; i < end; i++) {
            byte b = buf[i];
            if (b != ' ' && b != '\t' && b != '\r') return false;
        }
        return true;
    }
}
