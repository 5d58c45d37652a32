package io.relata.bench.generate;

import java.util.ArrayList;
import java.util.List;

/** The truth about one person: what every source record of this entity was derived from. */
final class Person {
    final String entityId;
    final Culture culture;
    final boolean male;
    final Country country;
    NameEntry given;
    String middle;
    NameEntry surname;
    /** Second (maternal) surname of Hispanic people, else null. */
    NameEntry surname2;
    /** "Jr" for a son named after his father. */
    String suffix;
    int dobEpochDay;
    /** Current US address, the previous one (may be null) and the one abroad. */
    PostalAddress address;
    PostalAddress previousAddress;
    PostalAddress abroadAddress;
    /** Ten US digits. */
    String phone;
    String previousPhone;
    String email;
    String aNumber;
    String passport;
    String ssn;
    Organization employer;
    Organization school;
    Organization sponsor;
    /** Household members with their role relative to this person: spouse, parent, child. */
    final List<Person> relatives = new ArrayList<>(0);
    final List<String> relativeRoles = new ArrayList<>(0);
    final List<Draft> records = new ArrayList<>(3);

    Person(String entityId, Culture culture, boolean male, Country country) {
        this.entityId = entityId;
        this.culture = culture;
        this.male = male;
        this.country = country;
    }

    void relate(Person other, String roleOfOther) {
        relatives.add(other);
        relativeRoles.add(roleOfOther);
    }
}
