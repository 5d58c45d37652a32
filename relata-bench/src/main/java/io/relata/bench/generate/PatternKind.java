package io.relata.bench.generate;

/** The planted relationship patterns, by the name the {@code patterns.csv} ground truth gives them. */
enum PatternKind {
    IDENTITY_RING("identity-ring"),
    CO_TRAVEL("co-travel"),
    ORG_CONCENTRATION("org-concentration");

    final String label;

    PatternKind(String label) {
        this.label = label;
    }
}
