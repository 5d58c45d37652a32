package io.relata.bench.generate;

/** Naming cultures of the population; the weight is the share of people drawn from each. */
enum Culture {
    // Listed shares: ANGLO surnames from the US Census 2010 (its 152 commonest surnames cover 20.8% of people);
    // the others by judgement. Chinese and Vietnamese surnames really are that concentrated (Nguyen, Wang, Li).
    ANGLO("anglo", 0.38, 0.75, 0.21),
    HISPANIC("hispanic", 0.24, 0.75, 0.45),
    ARABIC("arabic", 0.08, 0.85, 0.5),
    SLAVIC("slavic", 0.06, 0.9, 0.35),
    CHINESE("chinese", 0.08, 0.3, 1.0),
    VIETNAMESE("vietnamese", 0.04, 1.0, 1.0),
    INDIAN("indian", 0.07, 0.7, 0.6),
    WEST_AFRICAN("westafrican", 0.05, 0.7, 0.4);

    final String file;
    final double weight;
    /** The share of people whose given name, or surname, is on the culture's list; the rest have a rare name. */
    final double givenListedShare;
    final double surnameListedShare;

    Culture(String file, double weight, double givenListedShare, double surnameListedShare) {
        this.file = file;
        this.weight = weight;
        this.givenListedShare = givenListedShare;
        this.surnameListedShare = surnameListedShare;
    }

    /** Cultures that write the family name first, so sources disagree about which part is which. */
    boolean familyNameFirst() {
        return this == CHINESE || this == VIETNAMESE;
    }
}
