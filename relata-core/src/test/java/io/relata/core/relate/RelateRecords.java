package io.relata.core.relate;

import io.relata.core.model.Address;
import io.relata.core.model.EntityType;
import io.relata.core.model.Event;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.model.Relationship;
import io.relata.core.standardize.RecordStandardizer;

import java.util.Map;

/**
 * Test fixture for the relationship graph: builds real {@link Record}s, runs them through the real
 * {@link RecordStandardizer} and puts {@link RecordLinks#of} into a {@link RelationGraph} under an entity id,
 * so that the graph and the patterns are tested on what production gives them, never on hand-made features.
 * Sources S, T, P and O assume US phones and addresses. Public so that the pattern tests can use it.
 */
public final class RelateRecords {
    public static final RecordStandardizer STANDARDIZER =
            new RecordStandardizer(Map.of("S", "US", "T", "US", "P", "US", "O", "US"), false);

    private RelateRecords() {}

    public static Builder person(String source, String id) {
        return new Builder(source, id, EntityType.PERSON);
    }

    public static Builder org(String source, String id, String name) {
        return new Builder(source, id, EntityType.ORGANIZATION).fullName(name);
    }

    public static RecordKey key(String source, String id) {
        return new RecordKey(source, id);
    }

    public static RecordLinks links(Record r) {
        return RecordLinks.of(r, STANDARDIZER.standardize(r));
    }

    /** A fluent record builder; {@link #in} standardizes the record and puts it into a graph. */
    public static final class Builder {
        private final Record.Builder b;
        private final RecordKey key;
        private String given, surname;

        private Builder(String source, String id, EntityType type) {
            b = Record.builder(source, id).type(type);
            key = new RecordKey(source, id);
        }

        public Builder given(String g) { given = g; return this; }
        public Builder surname(String s) { surname = s; return this; }
        /** A person's given name and surname. */
        public Builder name(String g, String s) { given = g; surname = s; return this; }
        public Builder fullName(String full) { b.name(Name.full(full)); return this; }
        public Builder dob(String d) { b.dob(d); return this; }
        public Builder nationality(String n) { b.nationality(n); return this; }
        public Builder phone(String p) { b.phone(p); return this; }
        public Builder email(String e) { b.email(e); return this; }
        public Builder id(String type, String value) { b.identifier(new Identifier(type, value, null)); return this; }
        public Builder id(String type, String value, String country) {
            b.identifier(new Identifier(type, value, country));
            return this;
        }
        /** An address in parts: street line, city, postcode. */
        public Builder address(String line1, String city, String postcode) {
            b.address(new Address(null, line1, null, city, null, postcode, null));
            return this;
        }
        /** A trip: a flight (or crossing) reference on a date. */
        public Builder trip(String ref, String date) {
            b.event(new Event("FLIGHT", date, null, ref));
            return this;
        }
        /** A link this record discloses to another record: type (FAMILY, EMPLOYER, ...) and optional role. */
        public Builder discloses(String type, RecordKey target, String role) {
            b.relationship(new Relationship(type, target.source(), target.id(), role));
            return this;
        }

        public RecordKey key() {
            return key;
        }

        public Record record() {
            if (given != null || surname != null) b.name(Name.of(given, null, surname));
            given = surname = null;
            return b.build();
        }

        public RecordLinks links() {
            return RelateRecords.links(record());
        }

        /** Standardizes the record, puts it into {@code graph} as a record of {@code entity}; returns its key. */
        public RecordKey in(RelationGraph graph, long entity) {
            graph.put(links(), entity);
            return key;
        }
    }
}
