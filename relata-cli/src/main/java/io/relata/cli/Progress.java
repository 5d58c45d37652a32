package io.relata.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reports a long load: on a terminal, a progress bar redrawn in place with records per second and the time
 * left; otherwise (a log, a pipe) a plain line every so often.
 */
abstract class Progress {
    protected final PrintStream out;
    protected final long start = System.nanoTime();

    Progress(PrintStream out) {
        this.out = out;
    }

    static Progress forConsole(PrintStream out, List<Path> files, double logSeconds) {
        return System.console() != null ? new Bar(out, countLines(files)) : new Log(out, logSeconds);
    }

    abstract void update(long read, long accepted, long rejected);

    abstract void done();

    protected double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /** Lines in the files, as an estimate of the records to come (a CSV header counts one too many). */
    private static long countLines(List<Path> files) {
        long lines = 0;
        byte[] buf = new byte[1 << 16];
        for (Path f : files) {
            if (f.toString().endsWith(".gz")) return -1; // no cheap count: the bar shows no end
            try (InputStream in = Files.newInputStream(f)) {
                for (int n; (n = in.read(buf)) > 0; ) {
                    for (int i = 0; i < n; i++) if (buf[i] == '\n') lines++;
                }
            } catch (IOException e) {
                return -1; // the reader reports the file's problem
            }
        }
        return lines;
    }

    private static final class Bar extends Progress {
        private final long total;

        Bar(PrintStream out, long total) {
            super(out);
            this.total = total;
        }

        @Override
        void update(long read, long accepted, long rejected) {
            double rate = read / Math.max(seconds(), 1e-3);
            StringBuilder line = new StringBuilder("\r");
            if (total > 0) {
                double share = Math.min(1, read / (double) total);
                int filled = (int) (share * 30);
                line.append('[').append("#".repeat(filled)).append(" ".repeat(30 - filled)).append("] ")
                        .append(String.format("%3.0f%% ", share * 100));
            }
            line.append(String.format("%,d read, %,d rejected, %,.0f records/s", read, rejected, rate));
            if (total > 0 && rate > 0) line.append(String.format(", ETA %s", duration((total - read) / rate)));
            out.print(line.append("   "));
            out.flush();
        }

        @Override
        void done() {
            out.println();
        }

        private static String duration(double seconds) {
            long s = Math.max(0, Math.round(seconds));
            return s >= 3600 ? String.format("%dh%02dm", s / 3600, s / 60 % 60) : String.format("%dm%02ds", s / 60, s % 60);
        }
    }

    private static final class Log extends Progress {
        private final long intervalNanos;
        private long lastReport = System.nanoTime();

        Log(PrintStream out, double seconds) {
            super(out);
            intervalNanos = (long) (seconds * 1e9);
        }

        @Override
        void update(long read, long accepted, long rejected) {
            long now = System.nanoTime();
            if (now - lastReport < intervalNanos) return;
            lastReport = now;
            out.printf("ingest: %,d read, %,d accepted, %,d rejected, %,.0f records/s%n", read, accepted, rejected,
                    read / Math.max(seconds(), 1e-3));
        }

        @Override
        void done() {
        }
    }
}
