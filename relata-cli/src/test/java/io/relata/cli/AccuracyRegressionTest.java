package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code relata eval --json} on public benchmark sets with ground truth and fails if pairwise F1 drops.
 *
 * <p>The floors are regression guards, not targets: each is what the resolver measured when the floor was
 * set, minus 0.005, rounded down to 3 decimals, so a change that costs accuracy is caught while run-to-run
 * noise is not. Accuracy targets belong in docs/benchmarks.md. When a change improves a figure, raise its
 * floor the same way. The data are copies (test resources, with their licences) so the build reads nothing
 * outside the repository.
 */
class AccuracyRegressionTest {
    @ParameterizedTest(name = "{0}: pairwise F1 >= {3}")
    @CsvSource({
            // set,      records,                    truth,                            floor  (measured 2026-11-25)
            "febrl3,     febrl/febrl3.jsonl,         febrl/febrl3.truth.csv,           0.997", // 0.9982 (2026-12-01, a name alone matches at 1,000 to 1)
            "febrl4,     febrl/febrl4.jsonl,         febrl/febrl4.truth.csv,           0.995", // 0.9951 (2026-11-30)
            "fake_1000,  splink-fake1000/fake_1000.jsonl, splink-fake1000/fake_1000.truth.csv, 0.93", // 0.9361 (2026-12-01, every pair of a small file compared)
    })
    void pairwiseF1StaysAboveItsFloor(String set, String records, String truth, double floor) throws Exception {
        Cli.Run run = Cli.run("eval", "--json", "--truth", resource(truth), resource(records));
        assertThat(run.exit()).as("%s", run).isZero();
        JsonNode o = new ObjectMapper().readTree(run.out());
        JsonNode pairwise = o.get("pairwise"), bcubed = o.get("bcubed");
        System.out.printf("%-10s records %,6d  entities %,6d (truth %,6d)  pairwise P %.4f R %.4f F1 %.4f  "
                        + "b-cubed F1 %.4f  floor %.3f  %.1f s%n", set, o.get("records").asInt(),
                o.get("entities").asInt(), o.get("true_entities").asInt(), pairwise.get("precision").asDouble(),
                pairwise.get("recall").asDouble(), pairwise.get("f1").asDouble(), bcubed.get("f1").asDouble(),
                floor, o.get("seconds").asDouble());
        assertThat(o.get("rejected").asInt()).as("%s: rejected records", set).isZero();
        assertThat(pairwise.get("f1").asDouble()).as("%s pairwise F1", set).isGreaterThanOrEqualTo(floor);
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = AccuracyRegressionTest.class.getResource("/data/" + name);
        assertThat(url).as("test resource data/%s", name).isNotNull();
        return Path.of(url.toURI());
    }
}
