package io.relata.bench.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Draws items with fixed weights; binary search over cumulative weights keeps a draw O(log n). */
final class WeightedPool<T> {
    private final List<T> items;
    private final double[] cumulative;

    WeightedPool(List<T> items, double[] weights) {
        if (items.isEmpty() || items.size() != weights.length) throw new IllegalArgumentException("empty or mismatched pool");
        this.items = List.copyOf(items);
        this.cumulative = new double[weights.length];
        double sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            cumulative[i] = sum;
        }
    }

    /** Weights fall with rank, so the first lines of a frequency-ordered list dominate as real name lists do. */
    static <T> WeightedPool<T> byRank(List<T> items, double exponent) {
        double[] w = new double[items.size()];
        for (int i = 0; i < w.length; i++) w[i] = 1.0 / Math.pow(i + 1.5, exponent);
        return new WeightedPool<>(items, w);
    }

    /**
     * A listed head with a long tail: rank weights fall by one power law through the list and on through the tail,
     * and the list as a whole gets {@code listedShare} of the draws.
     */
    static <T> WeightedPool<T> withTail(List<T> listed, List<T> tail, double exponent, double listedShare) {
        if (tail.isEmpty()) return byRank(listed, exponent);
        double[] w = new double[listed.size() + tail.size()];
        double listedSum = 0, tailSum = 0;
        for (int i = 0; i < w.length; i++) {
            w[i] = 1.0 / Math.pow(i + 1.5, exponent);
            if (i < listed.size()) listedSum += w[i]; else tailSum += w[i];
        }
        for (int i = 0; i < w.length; i++) w[i] *= i < listed.size() ? listedShare / listedSum : (1 - listedShare) / tailSum;
        List<T> items = new ArrayList<>(listed);
        items.addAll(tail);
        return new WeightedPool<>(items, w);
    }

    T pick(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid; else lo = mid + 1;
        }
        return items.get(lo);
    }

    int size() {
        return items.size();
    }

    List<T> items() {
        return items;
    }
}
