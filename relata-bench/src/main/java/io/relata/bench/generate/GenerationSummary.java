package io.relata.bench.generate;

import java.util.Map;

/**
 * What a run produced, including counts of the planted hard cases so tests and benchmarks can check rates.
 *
 * @param plantedErrors   record-level variations by kind (see {@link ErrorKind})
 * @param genericValues   records carrying a shared generic value, by kind (SHELTER_ADDRESS, LAWYER_ADDRESS, ...)
 * @param relationships   relationships written, by type (FAMILY, EMPLOYER, SCHOOL, SPONSOR)
 * @param patterns        planted relationship patterns: rings, co-travel groups, concentration organizations
 */
public record GenerationSummary(long records, long entities, Map<String, Long> recordsPerSource, long persons,
                                long organizations, long households, long personsInHouseholds, long juniorPairs,
                                long twinPairs, Map<String, Long> genericValues, Map<String, Long> plantedErrors,
                                Map<String, Long> relationships, PlantedPatterns patterns, double seconds) {

    public GenerationSummary {
        recordsPerSource = Map.copyOf(recordsPerSource);
        genericValues = Map.copyOf(genericValues);
        plantedErrors = Map.copyOf(plantedErrors);
        relationships = Map.copyOf(relationships);
    }

    public double recordsPerSecond() {
        return seconds <= 0 ? 0 : records / seconds;
    }
}
