package io.relata.core.standardize;

import io.relata.core.standardize.NameStandardizer.StandardName;
/**
 * One person name reduced to what the matcher compares: the first given name, the other given names,
 * the surname (compound parts joined by a space), and keys derived from them once so that comparing
 * two records never recomputes them.
 */
public record PersonNameFeatures(
        String given,
        String middle,
        String surname,
        String[] surnameTokens,
        String givenRoot,
        String givenPhonetic,
        String surnamePhonetic,
        String[] surnamePartPhonetics,
        String suffix,
        boolean orderKnown,
        boolean alias) {

    public static PersonNameFeatures of(StandardName name, TokenInterner tokens) {
        TokenInterner.NameToken given = name.given().isEmpty() ? null : tokens.name(name.given().get(0));
        String middle = name.given().size() > 1
                ? tokens.intern(String.join(" ", name.given().subList(1, name.given().size()))) : null;
        TokenInterner.NameToken surname = name.surname().isEmpty() ? null : tokens.name(String.join(" ", name.surname()));
        String[] surnameTokens = new String[name.surname().size()];
        // sounds of each part of a compound surname (García López), so that either part alone still meets it
        String[] partPhonetics = surnameTokens.length < 2 ? NONE : new String[surnameTokens.length];
        for (int i = 0; i < surnameTokens.length; i++) {
            TokenInterner.NameToken part = tokens.name(name.surname().get(i));
            surnameTokens[i] = part.name();
            if (partPhonetics != NONE) partPhonetics[i] = part.phonetic();
        }
        return new PersonNameFeatures(
                given == null ? null : given.name(),
                middle,
                surname == null ? null : surname.name(),
                surnameTokens,
                given == null ? null : given.root(),
                given == null ? null : given.phonetic(),
                surname == null ? null : surname.phonetic(),
                partPhonetics,
                tokens.intern(name.suffix()),
                name.orderKnown(),
                name.alias());
    }

    private static final String[] NONE = new String[0];

    public boolean isEmpty() {
        return given == null && surname == null;
    }
}
