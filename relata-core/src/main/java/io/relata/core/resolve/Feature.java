package io.relata.core.resolve;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The features two records are compared on, each with its comparison levels from the strongest agreement
 * to the weakest, and {@code MISSING} last (no evidence either way). The levels are fixed by the
 * comparators; their weights live in the {@link MatchModel}, never in code.
 */
public enum Feature {
    GIVEN_NAME("NAME", "EXACT", "NICKNAME", "FUZZY", "PHONETIC", "INITIAL", "MIDDLE", "WEAK", "DIFFERENT", "MISSING"),
    SURNAME("SURNAME", "EXACT", "FUZZY", "PHONETIC", "PARTIAL", "WEAK", "DIFFERENT", "MISSING"),
    MIDDLE_NAME("MIDDLE", "EXACT", "COMPATIBLE", "DIFFERENT", "MISSING"),
    NAME_SUFFIX("SUFFIX", "SAME", "CONFLICT", "MISSING"),
    ORG_NAME("ORGNAME", "EXACT", "FUZZY", "TOKENS", "DIFFERENT", "MISSING"),
    DOB("DOB", "EXACT", "SWAPPED", "CLOSE", "NEAR", "PARTIAL", "PARTIAL_DIFFERENT", "DIFFERENT", "MISSING"),
    GENDER("GENDER", "SAME", "DIFFERENT", "MISSING"),
    NATIONALITY("NATIONALITY", "SHARED", "DIFFERENT", "MISSING"),
    ADDRESS("ADDRESS", "EXACT", "STREET", "LOCALITY", "DIFFERENT", "MISSING"),
    PHONE("PHONE", "EXACT", "CLOSE", "DIFFERENT", "MISSING"),
    EMAIL("EMAIL", "EXACT", "CLOSE", "DIFFERENT", "MISSING"),
    IDENTIFIER("ID", "EXACT", "CLOSE", "DIFFERENT", "CONFLICT", "MISSING");

    static final Feature[] ALL = values();
    /** Features added after models were first saved: an older model file lacks them (see MatchModel). */
    static final Set<Feature> ADDED = EnumSet.of(MIDDLE_NAME);
    /** Levels added after models were first saved: an older model file lacks them (see FeatureParameters). */
    private static final List<String> DOB_ADDED = List.of("NEAR");
    static final int COUNT = ALL.length;

    private final String keyName;
    private final List<String> levels;

    Feature(String keyName, String... levels) {
        this.keyName = keyName;
        this.levels = List.of(levels);
    }

    /** The short name used in match keys such as {@code +NAME+DOB-ADDRESS}. */
    public String keyName() {
        return keyName;
    }

    public List<String> levels() {
        return levels;
    }

    public int levelCount() {
        return levels.size();
    }

    /** The levels this feature gained after models were first saved. */
    public List<String> addedLevels() {
        return this == DOB ? DOB_ADDED : List.of();
    }

    public int missing() {
        return levels.size() - 1;
    }

    public int level(String name) {
        int i = levels.indexOf(name);
        if (i < 0) throw new IllegalArgumentException(this + " has no level " + name + " (levels: " + levels + ")");
        return i;
    }
}
