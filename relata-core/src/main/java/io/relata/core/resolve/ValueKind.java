package io.relata.core.resolve;

/** The kinds of value whose frequency is counted, for term-frequency weighting and generic-value detection. */
final class ValueKind {
    static final int GIVEN = 1, SURNAME = 2, ADDRESS = 3, PHONE = 4, EMAIL = 5, IDENTIFIER = 6, ORG_NAME = 7;

    private ValueKind() {}
}
