package io.relata.bench.generate;

/**
 * A fixed slice (1/64) of every value space is kept for identity rings: ordinary people and organizations redraw
 * a value that falls in it and rings draw only from it. So a ring's SSNs, A-numbers, phones, addresses and
 * e-mails are unique to the ring without remembering what earlier chunks drew. A hash picks the slice, so its
 * values look like any others (no tell-tale number range).
 */
final class RingValueSpace {
    private static final long SLICE_MASK = 63;

    private RingValueSpace() {}

    static boolean reserved(SharedValue.Kind kind, String key) {
        long z = key.hashCode() * 0x9E3779B97F4A7C15L + kind.ordinal();
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return ((z ^ (z >>> 31)) & SLICE_MASK) == 0;
    }

    static boolean reserved(PostalAddress a) {
        return reserved(SharedValue.Kind.ADDRESS, addressKey(a));
    }

    /** House number and postcode only: coarse on purpose, so no ordinary address shares even that with a ring's. */
    static String addressKey(PostalAddress a) {
        return a.house() + " " + a.postcode();
    }
}
