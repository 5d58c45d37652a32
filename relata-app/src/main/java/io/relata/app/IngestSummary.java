package io.relata.app;

/**
 * What a load did. {@code read = accepted + rejected}, and every accepted record was {@code added},
 * {@code changed} or {@code unchanged} (a no-op). {@code alerts} counts what watch lists raised;
 * {@code leadsFound} and {@code leadsRetired} what the re-scan of the touched entities found and retired.
 */
public record IngestSummary(long read, long accepted, long rejected, long added, long changed, long unchanged,
                            long entitiesCreated, long entitiesMerged, long entitiesSplit, long reviewItems,
                            long alerts, long leadsFound, long leadsRetired, double seconds) {
    public double recordsPerSecond() {
        return seconds <= 0 ? 0 : accepted / seconds;
    }

    public String format() {
        return String.format("read %,d: accepted %,d, rejected %,d%n"
                        + "records: %,d new, %,d changed, %,d unchanged%n"
                        + "entities: %,d created, %,d merged, %,d split; %,d possible matches for review%n"
                        + "alerts: %,d raised by watch lists; leads: %,d found where records changed, %,d retired%n"
                        + "%.1f s, %,.0f records/s%n",
                read, accepted, rejected, added, changed, unchanged, entitiesCreated, entitiesMerged, entitiesSplit,
                reviewItems, alerts, leadsFound, leadsRetired, seconds, recordsPerSecond());
    }
}
