package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RejectsWriterTest {
    @TempDir
    Path tmp;

    @Test
    void writesQuotedCsvWithHeader() throws IOException {
        Path out = tmp.resolve("sub/rejects.csv");
        try (RejectsWriter w = new RejectsWriter(out)) {
            w.write(new Reject("a.jsonl", 3, "names[1].use", "use must be PRIMARY or ALIAS, got 'NICK'"));
            w.write(new Reject("b,c.csv", 7, "(line)", "invalid JSON: Unexpected character ('\"' (code 34))"));
            assertThat(w.written()).isEqualTo(2);
        }
        assertThat(Files.readString(out)).isEqualTo("file,line,field,reason\n"
                + "a.jsonl,3,names[1].use,\"use must be PRIMARY or ALIAS, got 'NICK'\"\n"
                + "\"b,c.csv\",7,(line),\"invalid JSON: Unexpected character ('\"\"' (code 34))\"\n");
    }

    @Test
    void loadCountsEnforceTheirInvariant() {
        assertThat(new LoadCounts(3, 2, 1).plus(new LoadCounts(1, 0, 1))).isEqualTo(new LoadCounts(4, 2, 2));
        assertThatThrownBy(() -> new LoadCounts(3, 1, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("read = accepted + rejected");
    }
}
