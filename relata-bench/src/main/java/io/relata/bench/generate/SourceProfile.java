package io.relata.bench.generate;

/**
 * The source systems, each with its id format, share of person records, and how carelessly it is keyed:
 * {@code errorFactor} multiplies the configured error rates, {@code sparsity} is the extra chance that an
 * optional field is simply not captured.
 */
enum SourceProfile {
    VISA_APPS("V", 9, 0.24, 0.6, 0.05),
    ENTRY_EXIT("EX", 10, 0.28, 0.5, 0.05),
    BENEFITS("B", 8, 0.22, 1.0, 0.15),
    ENFORCEMENT("ENF-", 8, 0.12, 2.5, 0.45),
    STUDENT_REG("S", 9, 0.10, 0.8, 0.20),
    WATCHLIST("WL", 6, 0.04, 1.5, 0.60);

    final String idPrefix;
    final int idDigits;
    final double share;
    final double errorFactor;
    final double sparsity;

    SourceProfile(String idPrefix, int idDigits, double share, double errorFactor, double sparsity) {
        this.idPrefix = idPrefix;
        this.idDigits = idDigits;
        this.share = share;
        this.errorFactor = errorFactor;
        this.sparsity = sparsity;
    }

    /** Opaque ids: the sequence number through a bijection mod 10^digits, so ids look random but never repeat. */
    String id(long sequence) {
        long mod = 1;
        for (int i = 0; i < idDigits; i++) mod *= 10;
        long scrambled = Math.floorMod(sequence * 0x2545F493L + 0x9E3779L, mod);
        StringBuilder b = new StringBuilder(idPrefix);
        String digits = Long.toString(scrambled);
        for (int i = digits.length(); i < idDigits; i++) b.append('0');
        return b.append(digits).toString();
    }
}
