package io.relata.core.evaluate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BlockingRecallTest {

    private static long pair(int i, int j) {
        return (long) i << 32 | j;
    }

    @Test
    void countsCandidatePairsInsideTrueEntities() {
        // truth clusters {0,1}, {2,3,4}, {5}: true pairs C(2,2) + C(3,2) = 4
        int[] truth = {0, 0, 1, 1, 1, 2};
        long[] candidates = {pair(0, 1), pair(2, 3), pair(1, 2), pair(3, 5)}; // the first two are true

        BlockingRecall.Result r = BlockingRecall.of(candidates, truth);

        assertThat(r).isEqualTo(new BlockingRecall.Result(4, 2, 0.5));
    }

    @Test
    void allTruePairsFound() {
        int[] truth = {9, 9, 9};
        BlockingRecall.Result r = BlockingRecall.of(new long[] {pair(0, 1), pair(0, 2), pair(1, 2)}, truth);

        assertThat(r).isEqualTo(new BlockingRecall.Result(3, 3, 1.0));
    }

    @Test
    void nothingToFindIsFullRecall() {
        BlockingRecall.Result r = BlockingRecall.of(new long[] {pair(0, 1)}, new int[] {1, 2});

        assertThat(r).isEqualTo(new BlockingRecall.Result(0, 0, 1.0));
    }

    @Test
    void rejectsMalformedPairs() {
        int[] truth = {0, 0, 0};
        assertThatThrownBy(() -> BlockingRecall.of(new long[] {pair(1, 0)}, truth))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("(1, 0)");
        assertThatThrownBy(() -> BlockingRecall.of(new long[] {pair(1, 1)}, truth))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BlockingRecall.of(new long[] {pair(0, 3)}, truth))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
