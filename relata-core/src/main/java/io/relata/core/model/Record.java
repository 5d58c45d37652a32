package io.relata.core.model;

import java.util.List;
import java.util.Map;

/**
 * One record as a source system holds it, in the canonical format of {@code record-format.md}.
 * Values are kept as written; standardization happens downstream. Lists are never null.
 */
public record Record(
        RecordKey key,
        EntityType type,
        List<Name> names,
        String dob,
        String gender,
        List<String> nationalities,
        List<Address> addresses,
        List<String> phones,
        List<String> emails,
        List<Identifier> identifiers,
        List<Relationship> relationships,
        List<Event> events,
        Biometrics biometrics,
        Map<String, Object> attributes) {

    public Record {
        type = type == null ? EntityType.PERSON : type;
        names = copy(names);
        nationalities = copy(nationalities);
        addresses = copy(addresses);
        phones = copy(phones);
        emails = copy(emails);
        identifiers = copy(identifiers);
        relationships = copy(relationships);
        events = copy(events);
        biometrics = biometrics == null ? Biometrics.NONE : biometrics;
        attributes = attributes == null ? Map.of() : attributes;
    }

    private static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    public String source() {
        return key.source();
    }

    public String id() {
        return key.id();
    }

    /** A builder, for readers and tests that fill a record field by field. */
    public static Builder builder(String source, String id) {
        return new Builder(new RecordKey(source, id));
    }

    public static final class Builder {
        private final RecordKey key;
        private EntityType type = EntityType.PERSON;
        private final java.util.ArrayList<Name> names = new java.util.ArrayList<>(2);
        private String dob;
        private String gender;
        private final java.util.ArrayList<String> nationalities = new java.util.ArrayList<>(1);
        private final java.util.ArrayList<Address> addresses = new java.util.ArrayList<>(1);
        private final java.util.ArrayList<String> phones = new java.util.ArrayList<>(1);
        private final java.util.ArrayList<String> emails = new java.util.ArrayList<>(1);
        private final java.util.ArrayList<Identifier> identifiers = new java.util.ArrayList<>(1);
        private final java.util.ArrayList<Relationship> relationships = new java.util.ArrayList<>(0);
        private final java.util.ArrayList<Event> events = new java.util.ArrayList<>(0);
        private Biometrics biometrics = Biometrics.NONE;
        private Map<String, Object> attributes = Map.of();

        private Builder(RecordKey key) {
            this.key = key;
        }

        public Builder type(EntityType t) { this.type = t; return this; }
        public Builder name(Name n) { names.add(n); return this; }
        public Builder dob(String d) { this.dob = d; return this; }
        public Builder gender(String g) { this.gender = g; return this; }
        public Builder nationality(String n) { nationalities.add(n); return this; }
        public Builder address(Address a) { addresses.add(a); return this; }
        public Builder phone(String p) { phones.add(p); return this; }
        public Builder email(String e) { emails.add(e); return this; }
        public Builder identifier(Identifier i) { identifiers.add(i); return this; }
        public Builder relationship(Relationship r) { relationships.add(r); return this; }
        public Builder event(Event e) { events.add(e); return this; }
        public Builder biometrics(Biometrics b) { this.biometrics = b; return this; }
        public Builder attributes(Map<String, Object> a) { this.attributes = a; return this; }

        public Record build() {
            return new Record(key, type, names, dob, gender, nationalities, addresses, phones, emails,
                    identifiers, relationships, events, biometrics, attributes);
        }
    }
}
