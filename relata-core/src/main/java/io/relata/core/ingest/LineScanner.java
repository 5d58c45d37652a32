package io.relata.core.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into physical lines ('\n'-terminated) on a reused buffer, so that each line can
 * be parsed on its own: a broken line then cannot swallow the next one. Memory is bounded by the
 * longest line, and lines over {@code maxLineBytes} are skipped and reported rather than buffered.
 */
final class LineScanner {
    interface LineSink {
        /** One line without its '\n'; the bytes are only valid during the call. */
        void line(byte[] buf, int off, int len, long lineNumber);

        void tooLong(long lineNumber);
    }

    private LineScanner() {}

    static void scan(InputStream in, int maxLineBytes, LineSink sink) throws IOException {
        byte[] buf = new byte[1 << 16];
        int start = 0, end = 0, scanFrom = 0;
        long line = 0;
        boolean skipping = false;
        while (true) {
            int nl = indexOfNewline(buf, scanFrom, end);
            if (nl >= 0) {
                line++;
                if (skipping) skipping = false;
                else sink.line(buf, start, nl - start, line);
                start = scanFrom = nl + 1;
                continue;
            }
            if (!skipping && end - start > maxLineBytes) {
                sink.tooLong(line + 1);
                skipping = true;
            }
            if (skipping) {
                start = scanFrom = end = 0;
            } else {
                if (start > 0) {
                    System.arraycopy(buf, start, buf, 0, end - start);
                    end -= start;
                    start = 0;
                }
                scanFrom = end;
                if (end == buf.length) buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = in.read(buf, end, buf.length - end);
            if (n < 0) {
                if (end > start) sink.line(buf, start, end - start, line + 1);
                return;
            }
            end += n;
        }
    }

    private static int indexOfNewline(byte[] buf, int from, int to) {
        for (int i = from; i < to; i++) {
            if (buf[i] == '\n') return i;
        }
        return -1;
    }
}
