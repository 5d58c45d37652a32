package io.relata.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.relata.core.evaluate.ClusterMetrics.Evaluation;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class ClusterMetricsPropertiesTest {

    record Labeling(int[] predicted, int[] truth) {
        @Override
        public String toString() {
            return "predicted " + Arrays.toString(predicted) + ", truth " + Arrays.toString(truth);
        }
    }

    @Property(tries = 500)
    void matchesBruteForce(@ForAll("labelings") Labeling l) {
        int[] p = l.predicted(), t = l.truth();
        int n = p.length;
        long predictedPairs = 0, truePairs = 0, correctPairs = 0;
        double precisionSum = 0, recallSum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                if (p[i] == p[j]) predictedPairs++;
                if (t[i] == t[j]) truePairs++;
                if (p[i] == p[j] && t[i] == t[j]) correctPairs++;
            }
            int both = 0, samePredicted = 0, sameTrue = 0; // each includes record i itself
            for (int j = 0; j < n; j++) {
                if (p[i] == p[j]) samePredicted++;
                if (t[i] == t[j]) sameTrue++;
                if (p[i] == p[j] && t[i] == t[j]) both++;
            }
            precisionSum += (double) both / samePredicted;
            recallSum += (double) both / sameTrue;
        }

        Evaluation e = ClusterMetrics.evaluate(p, t);

        assertThat(e.records()).isEqualTo(n);
        assertThat(e.predictedEntities()).isEqualTo((int) Arrays.stream(p).distinct().count());
        assertThat(e.trueEntities()).isEqualTo((int) Arrays.stream(t).distinct().count());
        assertThat(e.predictedPairs()).isEqualTo(predictedPairs);
        assertThat(e.truePairs()).isEqualTo(truePairs);
        assertThat(e.correctPairs()).isEqualTo(correctPairs);
        assertThat(e.pairwise()).isEqualTo(PrecisionRecall.ofCounts(correctPairs, predictedPairs, truePairs));
        PrecisionRecall bcubed = n == 0 ? PrecisionRecall.of(1, 1) : PrecisionRecall.of(precisionSum / n, recallSum / n);
        assertThat(e.bcubed().precision()).isCloseTo(bcubed.precision(), within(1e-9));
        assertThat(e.bcubed().recall()).isCloseTo(bcubed.recall(), within(1e-9));
        assertThat(e.bcubed().f1()).isCloseTo(bcubed.f1(), within(1e-9));
        assertThat(BlockingRecall.truePairs(t)).isEqualTo(truePairs);
    }

    @Provide
    Arbitrary<Labeling> labelings() {
        return Arbitraries.integers().between(0, 60).flatMap(n ->
                labels(n).flatMap(p -> labels(n).map(t -> new Labeling(p, t))));
    }

    /** Few distinct labels so clusters form; extremes and negatives to exercise the packing into longs. */
    private static Arbitrary<int[]> labels(int n) {
        return Arbitraries.integers().between(1, 12).flatMap(k -> Arbitraries.frequencyOf(
                        Tuple.of(10, Arbitraries.integers().between(-k, k)),
                        Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE)))
                .array(int[].class).ofSize(n));
    }
}
