package io.relata.app.report;

/**
 * What a report's relationship chart shows: the network {@code hops} around {@code from}, or the strongest paths
 * between {@code from} and {@code to}. Both ends are entity ids.
 */
public record ChartSpec(Kind kind, long from, long to, int hops) {
    public static final int MAX_HOPS = 3;
    /** A chart stays readable on a page: the network is cut off at this many entities. */
    public static final int MAX_NODES = 40;
    /** Paths: how many, how long at most, and hubs never passed through (as the path route's defaults). */
    public static final int PATHS = 3, MAX_PATH_HOPS = 6, MAX_DEGREE = 50;

    public enum Kind { NETWORK, PATH }

    public ChartSpec {
        if (kind == null) throw new IllegalArgumentException("a chart is a NETWORK or a PATH");
        if (from <= 0) throw new IllegalArgumentException("a chart needs the entity it starts from");
        if (kind == Kind.NETWORK && (hops < 1 || hops > MAX_HOPS)) {
            throw new IllegalArgumentException("a network chart reaches 1 to " + MAX_HOPS + " hops, not " + hops);
        }
        if (kind == Kind.PATH && (to <= 0 || to == from)) {
            throw new IllegalArgumentException("a path chart needs two different entities");
        }
    }

    public static ChartSpec network(long center, int hops) {
        return new ChartSpec(Kind.NETWORK, center, 0, hops);
    }

    public static ChartSpec path(long from, long to) {
        return new ChartSpec(Kind.PATH, from, to, 0);
    }
}
