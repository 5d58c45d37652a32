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
        String suffix,
        boolean orderKnown,
        boolean alias) {

    public static PersonNameFeatures of(StandardName name) {
        String given = name.given().isEmpty() ? null : name.given().get(0);
        String middle = name.given().size() > 1
                ? String.join(" ", name.given().subList(1, name.given().size())) : null;
        String surname = name.surname().isEmpty() ? null : String.join(" ", name.surname());
        return new PersonNameFeatures(
                given,
                middle,
                surname,
                name.surname().toArray(new String[0]),
                given == null ? null : NameStandardizer.nicknameRoot(given),
                given == null ? null : NameStandardizer.phonetic(given),
                surname == null ? null : NameStandardizer.phonetic(surname.replace(" ", "")),
                name.suffix(),
                name.orderKnown(),
                name.alias());
    }

    public boolean isEmpty() {
        return given == null && surname == null;
    }
}
