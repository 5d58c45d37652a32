package io.relata.bench.generate;

/**
 * Probabilities of the variations a source introduces into one record. Each applies per record (or per
 * field where noted) before the source's own multiplier: sparse, hand-keyed sources err more.
 *
 * @param typo            a name part gets an insertion, deletion, substitution, transposition or keyboard slip
 * @param nickname        a nickname replaces the given name, where the name has one
 * @param transliteration another spelling of a name part, where the part has one (Mohammed/Muhammad)
 * @param nameSwap        given name and surname trade places
 * @param middleName      a middle name is dropped or reduced to its initial
 * @param compoundSurname one of two surnames dropped, or hyphenation changed
 * @param diacritics      accents stripped (José/Jose)
 * @param dob             date of birth off by a day or a year, day and month swapped, or only the year
 * @param phone           a digit typo in the phone
 * @param identifier      a digit typo in an identifier (rare in reality)
 * @param missingField    each optional field is left out
 */
public record ErrorRates(double typo, double nickname, double transliteration, double nameSwap, double middleName,
                         double compoundSurname, double diacritics, double dob, double phone, double identifier,
                         double missingField) {

    public ErrorRates {
        for (double r : new double[] {typo, nickname, transliteration, nameSwap, middleName, compoundSurname,
                diacritics, dob, phone, identifier, missingField}) {
            if (r < 0 || r > 1) throw new IllegalArgumentException("rates must be in [0,1]: " + r);
        }
    }

    public static ErrorRates defaults() {
        return new ErrorRates(0.05, 0.05, 0.25, 0.02, 0.30, 0.30, 0.25, 0.05, 0.02, 0.005, 0.08);
    }

    public static ErrorRates none() {
        return new ErrorRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** All rates times {@code factor}, capped at 1: one knob for "cleaner" or "dirtier" data. */
    public ErrorRates scaled(double factor) {
        return new ErrorRates(cap(typo * factor), cap(nickname * factor), cap(transliteration * factor),
                cap(nameSwap * factor), cap(middleName * factor), cap(compoundSurname * factor),
                cap(diacritics * factor), cap(dob * factor), cap(phone * factor), cap(identifier * factor),
                cap(missingField * factor));
    }

    private static double cap(double r) {
        return Math.min(1.0, Math.max(0.0, r));
    }
}
