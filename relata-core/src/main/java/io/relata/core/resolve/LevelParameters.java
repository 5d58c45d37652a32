package io.relata.core.resolve;

/**
 * One comparison level of a feature: m = P(level | same entity), u = P(level | different entities).
 * Its weight is log2(m/u). {@code termFrequency} levels are weighed by how common the agreed value is;
 * {@code conflict} levels forbid two records from being put in one entity, while the data bear them out
 * ({@link #cannotLink()}).
 */
public record LevelParameters(String level, double m, double u, boolean termFrequency, boolean conflict) {
    /**
     * A conflict level weaker than this (log2; one person's records disagree this way at least a quarter as often
     * as two people's) is noise in the data the model was fitted to, not proof of two people.
     */
    static final double WEAKEST_CANNOT_LINK = -2;

    public double weight() {
        return Math.log(m / u) / Math.log(2);
    }

    /** Whether this level keeps two records apart: a conflict level, strong enough (see WEAKEST_CANNOT_LINK). */
    public boolean cannotLink() {
        return conflict && weight() <= WEAKEST_CANNOT_LINK;
    }

    LevelParameters withM(double newM) {
        return new LevelParameters(level, newM, u, termFrequency, conflict);
    }

    LevelParameters withU(double newU) {
        return new LevelParameters(level, m, newU, termFrequency, conflict);
    }
}
