package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationGeneratorTest {

    private static String[] generate(GeneratorConfig config) throws IOException {
        StringWriter jsonl = new StringWriter(), truth = new StringWriter();
        new PopulationGenerator().generate(config, jsonl, truth);
        return new String[] {jsonl.toString(), truth.toString()};
    }

    @Test
    void sameSeedGivesSameBytesAndOtherSeedDiffers() throws IOException {
        GeneratorConfig config = GeneratorConfig.defaults(7, 12_000).withChunkRecords(5_000);
        String[] a = generate(config), b = generate(config), c = generate(config.withSeed(8));
        assertThat(a[0]).isEqualTo(b[0]);
        assertThat(a[1]).isEqualTo(b[1]);
        assertThat(c[0]).isNotEqualTo(a[0]);
        assertThat(c[1]).isNotEqualTo(a[1]);
    }

    @Test
    void writesExactCountAndOneTruthLinePerRecordInTheSameOrder() {
        GeneratedOutput out = GeneratedOutput.run(GeneratorConfig.defaults(1, 7_777).withChunkRecords(1_000));
        assertThat(out.lines()).hasSize(7_777);
        assertThat(out.summary().records()).isEqualTo(7_777);
        assertThat(out.truthLines()).hasSize(7_778);
        assertThat(out.truthLines().get(0)).isEqualTo("source,id,entity");
        assertThat(out.entityOf()).hasSize(7_777);
        for (int i = 0; i < 100; i++) {
            String[] t = out.truthLines().get(i + 1).split(",");
            assertThat(out.lines().get(i)).startsWith("{\"source\":\"" + t[0] + "\",\"id\":\"" + t[1] + "\"");
        }
        assertThat(out.summary().recordsPerSource().values().stream().mapToLong(Long::longValue).sum()).isEqualTo(7_777);
        assertThat(out.entityOf().values().stream().distinct().count()).isEqualTo(out.summary().entities());
    }

    @Test
    void tinyAndEmptyRunsAreExact() {
        for (int n : new int[] {0, 1, 2, 5, 99, 101}) {
            GeneratedOutput out = GeneratedOutput.run(GeneratorConfig.defaults(n, n).withChunkRecords(100));
            assertThat(out.lines()).hasSize(n);
            assertThat(out.truthLines()).hasSize(n + 1);
        }
    }

    @Test
    void pathOverloadWritesUtf8Files(@TempDir Path dir) throws IOException {
        Path jsonl = dir.resolve("p.jsonl"), truth = dir.resolve("t.csv");
        GenerationSummary s = new PopulationGenerator().generate(GeneratorConfig.defaults(3, 2_000), jsonl, truth);
        assertThat(Files.readAllLines(jsonl)).hasSize(2_000);
        assertThat(Files.readAllLines(truth)).hasSize(2_001);
        assertThat(s.recordsPerSecond()).isPositive();
    }

    /** Retained heap stays bounded by the chunk, not the run: measured after GC at every chunk boundary. */
    @Test
    void memoryIsBoundedByTheChunk() throws IOException {
        long[] maxRetained = {0};
        Runtime rt = Runtime.getRuntime();
        Writer probe = new Writer() {
            long lines;

            @Override
            public void write(char[] cbuf, int off, int len) {
                for (int i = off; i < off + len; i++) {
                    if (cbuf[i] == '\n' && ++lines % 50_000 == 0) {
                        System.gc();
                        maxRetained[0] = Math.max(maxRetained[0], rt.totalMemory() - rt.freeMemory());
                    }
                }
            }

            @Override public void flush() {}
            @Override public void close() {}
        };
        GenerationSummary s = new PopulationGenerator().generate(GeneratorConfig.defaults(11, 200_000), probe, Writer.nullWriter());
        assertThat(s.records()).isEqualTo(200_000);
        assertThat(maxRetained[0]).isLessThan(400L << 20);
    }
}
