package io.relata.core.resolve;

/**
 * One comparison level of a feature: m = P(level | same entity), u = P(level | different entities).
 * Its weight is log2(m/u). {@code termFrequency} levels are weighed by how common the agreed value is;
 * {@code conflict} levels forbid two records from being put in one entity.
 */
public record LevelParameters(String level, double m, double u, boolean termFrequency, boolean conflict) {
    public double weight() {
        return Math.log(m / u) / Math.log(2);
    }

    LevelParameters withM(double newM) {
        return new LevelParameters(level, newM, u, termFrequency, conflict);
    }

    LevelParameters withConflict(boolean isConflict) {
        return new LevelParameters(level, m, u, termFrequency, isConflict);
    }

    LevelParameters withU(double newU) {
        return new LevelParameters(level, m, newU, termFrequency, conflict);
    }
}
