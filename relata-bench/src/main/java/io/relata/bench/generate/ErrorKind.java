package io.relata.bench.generate;

/** Kinds of variation planted into records; counted in {@link GenerationSummary#plantedErrors()}. */
public enum ErrorKind {
    NAME_TYPO, NICKNAME, TRANSLITERATION, NAME_SWAP, MIDDLE_DROPPED, MIDDLE_INITIAL, SURNAME_DROPPED,
    HYPHENATION, DIACRITICS_STRIPPED, DOB_DAY_MONTH_SWAP, DOB_OFF_BY_DAY, DOB_OFF_BY_YEAR, DOB_YEAR_ONLY,
    PHONE_TYPO, PHONE_CHANGED, OLD_ADDRESS, IDENTIFIER_TYPO, MISSING_FIELD
}
