package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineScannerTest {
    private final List<String> seen = new ArrayList<>();

    private final LineScanner.LineSink sink = new LineScanner.LineSink() {
        @Override
        public void line(byte[] buf, int off, int len, long n) {
            seen.add(n + "=" + new String(buf, off, len, StandardCharsets.UTF_8));
        }

        @Override
        public void tooLong(long n) {
            seen.add(n + "=TOO LONG");
        }
    };

    /** Hands out one byte per read, so every line straddles buffer refills. */
    private static InputStream trickle(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void splitsOnNewlinesAcrossRefills() throws IOException {
        LineScanner.scan(trickle("ab\n\ncd\nef"), 100, sink);
        assertThat(seen).containsExactly("1=ab", "2=", "3=cd", "4=ef");
    }

    @Test
    void skipsAndReportsOverlongLinesThenCarriesOn() throws IOException {
        LineScanner.scan(trickle("ok\n" + "x".repeat(50) + "\nfine\n" + "y".repeat(30)), 10, sink);
        assertThat(seen).containsExactly("1=ok", "2=TOO LONG", "3=fine", "4=TOO LONG");
    }

    @Test
    void growsTheBufferForLongLinesUnderTheLimit() throws IOException {
        String longLine = "z".repeat(200_000);
        LineScanner.scan(new ByteArrayInputStream((longLine + "\nnext\n").getBytes(StandardCharsets.UTF_8)), 1 << 20, sink);
        assertThat(seen).containsExactly("1=" + longLine, "2=next");
    }
}
