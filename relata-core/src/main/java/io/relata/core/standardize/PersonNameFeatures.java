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
        String given = name.given().isEmpty() ? null : tokens.intern(name.given().get(0));
        String middle = name.given().size() > 1
                ? tokens.intern(String.join(" ", name.given().subList(1, name.given().size()))) : null;
        String surname = name.surname().isEmpty() ? null : tokens.intern(String.join(" ", name.surname()));
        String[] surnameTokens = new String[name.surname().size()];
        for (int i = 0; i < surnameTokens.length; i++) surnameTokens[i] = tokens.intern(name.surname().get(i));
        return new PersonNameFeatures(
                given,
                middle,
                surname,
                surnameTokens,
                given == null ? null : tokens.intern(NameStandardizer.nicknameRoot(given)),
                given == null ? null : tokens.intern(NameStandardizer.phonetic(given)),
                surname == null ? null : tokens.intern(NameStandardizer.phonetic(surname.replace(" ", ""))),
                partPhonetics(surnameTokens, tokens),
                tokens.intern(name.suffix()),
                name.orderKnown(),
                name.alias());
    }

    /** Sounds of each part of a compound surname (García López), so that either part alone still meets it. */
    private static String[] partPhonetics(String[] surnameTokens, TokenInterner tokens) {
        if (surnameTokens.length < 2) return NONE;
        String[] sounds = new String[surnameTokens.length];
        for (int i = 0; i < sounds.length; i++) sounds[i] = tokens.intern(NameStandardizer.phonetic(surnameTokens[i]));
        return sounds;
    }

    private static final String[] NONE = new String[0];

    public boolean isEmpty() {
        return given == null && surname == null;
    }
}
