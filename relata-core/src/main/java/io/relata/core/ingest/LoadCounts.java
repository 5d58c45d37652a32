package io.relata.core.ingest;

/** What a load did: every record read was either accepted or rejected, never both, never neither. */
public record LoadCounts(long read, long accepted, long rejected) {
    public static final LoadCounts ZERO = new LoadCounts(0, 0, 0);

    public LoadCounts {
        if (read < 0 || accepted < 0 || rejected < 0 || read != accepted + rejected) {
            throw new IllegalArgumentException(
                    "counts must satisfy read = accepted + rejected, got read=" + read
                            + " accepted=" + accepted + " rejected=" + rejected);
        }
    }

    /** The counts of two loads together, e.g. over several files. */
    public LoadCounts plus(LoadCounts o) {
        return new LoadCounts(read + o.read, accepted + o.accepted, rejected + o.rejected);
    }
}
