package io.relata.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.relata.core.evaluate.ClusterMetrics.Evaluation;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class ClusterMetricsTest {
    private static final Offset<Double> EPS = within(1e-12);
    // truth {a,a,b,b,b}: A = {r0,r1}, B = {r2,r3,r4}
    private static final int[] TRUTH = {0, 0, 1, 1, 1};

    @Test
    void handComputedExample() {
        // predicted {1,1,1,2,2}: P1 = {r0,r1,r2}, P2 = {r3,r4}
        // cells: P1∩A = 2, P1∩B = 1, P2∩B = 2
        // pairs: predicted C(3,2)+C(2,2) = 4, true C(2,2)+C(3,2) = 4, correct C(2,2)+C(1,2)+C(2,2) = 2
        //   -> pairwise precision 2/4, recall 2/4, F1 1/2
        // B-cubed precision per record |P∩T|/|P|: r0 2/3, r1 2/3, r2 1/3, r3 2/2, r4 2/2 -> (11/3)/5 = 11/15
        // B-cubed recall    per record |P∩T|/|T|: r0 2/2, r1 2/2, r2 1/3, r3 2/3, r4 2/3 -> (11/3)/5 = 11/15
        Evaluation e = ClusterMetrics.evaluate(new int[] {1, 1, 1, 2, 2}, TRUTH);

        assertThat(e.records()).isEqualTo(5);
        assertThat(e.predictedEntities()).isEqualTo(2);
        assertThat(e.trueEntities()).isEqualTo(2);
        assertThat(e.predictedPairs()).isEqualTo(4);
        assertThat(e.truePairs()).isEqualTo(4);
        assertThat(e.correctPairs()).isEqualTo(2);
        assertScores(e.pairwise(), 0.5, 0.5, 0.5);
        assertScores(e.bcubed(), 11.0 / 15, 11.0 / 15, 11.0 / 15);
    }

    @Test
    void allSingletonPrediction() {
        // No predicted pairs: precision 1.0 by convention, recall 0/4.
        // B-cubed precision 1 for every record; recall r0,r1 1/2, r2..r4 1/3 -> 2/5; F1 = 2*0.4/1.4 = 4/7
        Evaluation e = ClusterMetrics.evaluate(new int[] {10, 11, 12, 13, 14}, TRUTH);

        assertThat(e.predictedEntities()).isEqualTo(5);
        assertThat(e.predictedPairs()).isZero();
        assertScores(e.pairwise(), 1.0, 0.0, 0.0);
        assertScores(e.bcubed(), 1.0, 0.4, 4.0 / 7);
    }

    @Test
    void allSingletonsOnBothSidesIsPerfect() {
        Evaluation e = ClusterMetrics.evaluate(new int[] {5, 4, 3, 2}, new int[] {1, 2, 3, 4});

        assertThat(e.truePairs()).isZero();
        assertScores(e.pairwise(), 1.0, 1.0, 1.0);
        assertScores(e.bcubed(), 1.0, 1.0, 1.0);
    }

    @Test
    void oneGiantCluster() {
        // 10 predicted pairs, 4 of them true: precision 2/5, recall 1, F1 = 2*0.4/1.4 = 4/7
        // B-cubed precision: r in A 2/5, r in B 3/5 -> (2*2/5 + 3*3/5)/5 = 13/25; F1 = 2*0.52/1.52 = 13/19
        Evaluation e = ClusterMetrics.evaluate(new int[] {7, 7, 7, 7, 7}, TRUTH);

        assertThat(e.predictedEntities()).isEqualTo(1);
        assertScores(e.pairwise(), 0.4, 1.0, 4.0 / 7);
        assertScores(e.bcubed(), 13.0 / 25, 1.0, 13.0 / 19);
    }

    @Test
    void perfectPredictionWithOtherLabelsScoresOne() {
        Evaluation e = ClusterMetrics.evaluate(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE, -3, -3, -3},
                new int[] {Integer.MIN_VALUE, Integer.MIN_VALUE, 0, 0, 0});

        assertThat(e.correctPairs()).isEqualTo(e.truePairs()).isEqualTo(e.predictedPairs()).isEqualTo(4);
        assertScores(e.pairwise(), 1.0, 1.0, 1.0);
        assertScores(e.bcubed(), 1.0, 1.0, 1.0);
    }

    @Test
    void noRecordsIsPerfect() {
        Evaluation e = ClusterMetrics.evaluate(new int[0], new int[0]);

        assertThat(e.records()).isZero();
        assertScores(e.pairwise(), 1.0, 1.0, 1.0);
        assertScores(e.bcubed(), 1.0, 1.0, 1.0);
    }

    @Test
    void pairCountsBeyondIntRangeUseLongs() {
        int n = 100_000; // C(n,2) = 4_999_950_000 > Integer.MAX_VALUE
        int[] truth = new int[n];
        int[] predicted = new int[n];
        for (int r = 0; r < n; r++) predicted[r] = r % 2; // two halves of the one true entity

        Evaluation e = ClusterMetrics.evaluate(predicted, truth);

        assertThat(e.truePairs()).isEqualTo(4_999_950_000L);
        assertThat(e.predictedPairs()).isEqualTo(2 * 1_249_975_000L);
        assertThat(e.correctPairs()).isEqualTo(e.predictedPairs());
        assertThat(e.bcubed().recall()).isCloseTo(0.5, EPS);
    }

    @Test
    void rejectsArraysOfDifferentLength() {
        assertThatThrownBy(() -> ClusterMetrics.evaluate(new int[2], new int[3]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void precisionRecallConventions() {
        assertScores(PrecisionRecall.ofCounts(0, 0, 0), 1.0, 1.0, 1.0);
        assertScores(PrecisionRecall.ofCounts(0, 3, 0), 0.0, 1.0, 0.0);
        assertScores(PrecisionRecall.ofCounts(0, 3, 4), 0.0, 0.0, 0.0);
        assertScores(PrecisionRecall.ofCounts(1, 2, 4), 0.5, 0.25, 1.0 / 3);
        assertThatThrownBy(() -> PrecisionRecall.ofCounts(3, 2, 4)).isInstanceOf(IllegalArgumentException.class);
    }

    static void assertScores(PrecisionRecall s, double precision, double recall, double f1) {
        assertThat(s.precision()).as("precision").isCloseTo(precision, EPS);
        assertThat(s.recall()).as("recall").isCloseTo(recall, EPS);
        assertThat(s.f1()).as("f1").isCloseTo(f1, EPS);
    }
}
