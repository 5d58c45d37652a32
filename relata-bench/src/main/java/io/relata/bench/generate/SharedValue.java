package io.relata.bench.generate;

/**
 * One value of an identity ring's shared pool (or the own address of a member that uses none of the ring's). Addresses keep their parts so that each source writes them in
 * its own style; every other kind is its plain text (SSN and phone as digits, A-number as A and nine digits).
 */
record SharedValue(Kind kind, String text, PostalAddress address) {
    enum Kind { SSN, A_NUMBER, PHONE, ADDRESS, EMAIL }

    /** What makes two values the same, and what {@link RingValueSpace} reserves. */
    String key() {
        return kind == Kind.ADDRESS ? RingValueSpace.addressKey(address) : text;
    }
}
