package io.relata.bench.generate;

/** Naming cultures of the population; the weight is the share of people drawn from each. */
enum Culture {
    ANGLO("anglo", 0.38),
    HISPANIC("hispanic", 0.24),
    ARABIC("arabic", 0.08),
    SLAVIC("slavic", 0.06),
    CHINESE("chinese", 0.08),
    VIETNAMESE("vietnamese", 0.04),
    INDIAN("indian", 0.07),
    WEST_AFRICAN("westafrican", 0.05);

    final String file;
    final double weight;

    Culture(String file, double weight) {
        this.file = file;
        this.weight = weight;
    }

    /** Cultures that write the family name first, so sources disagree about which part is which. */
    boolean familyNameFirst() {
        return this == CHINESE || this == VIETNAMESE;
    }
}
