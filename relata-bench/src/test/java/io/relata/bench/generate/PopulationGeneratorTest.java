package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PopulationGeneratorTest {

    private static String[] generate(GeneratorConfig config) throws IOException {
        StringWriter jsonl = new StringWriter(), truth = new StringWriter(), patterns = new StringWriter();
        new PopulationGenerator().generate(config, jsonl, truth, patterns);
        return new String[] {jsonl.toString(), truth.toString(), patterns.toString()};
    }

    @Test
    void sameSeedGivesSameBytesAndOtherSeedDiffers() throws IOException {
        // Higher pattern rates so that every chunk holds rings, co-travel groups and a concentration organization.
        GeneratorConfig config = GeneratorConfig.defaults(7, 12_000).withChunkRecords(5_000).withRingRate(5).withCoTravelRate(5);
        String[] a = generate(config), b = generate(config), c = generate(config.withSeed(8));
        assertThat(a[2].lines().count()).isGreaterThan(100);
        assertThat(a[2]).contains("identity-ring,").contains("co-travel,").contains("org-concentration,");
        for (int i = 0; i < 3; i++) {
            assertThat(a[i]).isEqualTo(b[i]);
            assertThat(c[i]).isNotEqualTo(a[i]);
        }
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
        Path jsonl = dir.resolve("p.jsonl"), truth = dir.resolve("t.csv"), patterns = dir.resolve("p.patterns.csv");
        GeneratorConfig config = GeneratorConfig.defaults(3, 2_000).withRingRate(10);
        GenerationSummary s = new PopulationGenerator().generate(config, jsonl, truth, patterns);
        assertThat(Files.readAllLines(jsonl)).hasSize(2_000);
        assertThat(Files.readAllLines(truth)).hasSize(2_001);
        List<String> planted = Files.readAllLines(patterns);
        assertThat(planted.get(0)).isEqualTo(PopulationGenerator.PATTERNS_HEADER);
        assertThat(planted.size() - 1L).isGreaterThanOrEqualTo(s.patterns().ringMembers()).isPositive();
        assertThat(s.recordsPerSecond()).isPositive();
        // The older overload writes the same records and truth, and no patterns file.
        Path jsonl2 = dir.resolve("p2.jsonl"), truth2 = dir.resolve("t2.csv");
        new PopulationGenerator().generate(config, jsonl2, truth2);
        assertThat(Files.readAllLines(jsonl2)).isEqualTo(Files.readAllLines(jsonl));
        assertThat(Files.readAllLines(truth2)).isEqualTo(Files.readAllLines(truth));
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
