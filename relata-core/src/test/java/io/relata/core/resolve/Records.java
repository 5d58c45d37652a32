package io.relata.core.resolve;

import io.relata.core.model.Address;
import io.relata.core.model.EntityType;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.standardize.RecordFeatures;
import io.relata.core.standardize.RecordStandardizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Test fixture: builds real {@link Record}s and runs them through the real {@link RecordStandardizer}, so
 * that the matcher is tested on the features production would give it, never on hand-made feature objects.
 * Sources S, T and P assume US phones and addresses.
 */
final class Records {
    static final RecordStandardizer STANDARDIZER =
            new RecordStandardizer(Map.of("S", "US", "T", "US", "P", "US"), false);

    private Records() {}

    static Builder person(String source, String id) {
        return new Builder(source, id, EntityType.PERSON);
    }

    static Builder org(String source, String id) {
        return new Builder(source, id, EntityType.ORGANIZATION);
    }

    static RecordFeatures standardize(Record r) {
        return STANDARDIZER.standardize(r);
    }

    static RecordFeatures[] features(List<Record> records) {
        return records.stream().map(Records::standardize).toArray(RecordFeatures[]::new);
    }

    /** A fluent record builder; {@link #features()} standardizes the built record. */
    static final class Builder {
        private final Record.Builder b;
        private String given, middle, surname;
        private final List<Name> extraNames = new ArrayList<>();

        private Builder(String source, String id, EntityType type) {
            b = Record.builder(source, id).type(type);
        }

        Builder given(String g) { given = g; return this; }
        Builder middle(String m) { middle = m; return this; }
        Builder surname(String s) { surname = s; return this; }
        /** A person name written in one piece, or an organization's name. */
        Builder fullName(String full) { extraNames.add(Name.full(full)); return this; }
        Builder dob(String d) { b.dob(d); return this; }
        Builder gender(String g) { b.gender(g); return this; }
        Builder nationality(String n) { b.nationality(n); return this; }
        Builder phone(String p) { b.phone(p); return this; }
        Builder email(String e) { b.email(e); return this; }
        Builder id(String type, String value) { b.identifier(new Identifier(type, value, null)); return this; }
        Builder id(String type, String value, String country) {
            b.identifier(new Identifier(type, value, country));
            return this;
        }
        /** An address in parts: street line, city, postcode. */
        Builder address(String line1, String city, String postcode) {
            b.address(new Address(null, line1, null, city, null, postcode, null));
            return this;
        }

        Record record() {
            if (given != null || middle != null || surname != null) b.name(Name.of(given, middle, surname));
            extraNames.forEach(b::name);
            return b.build();
        }

        RecordFeatures features() {
            return standardize(record());
        }
    }

    private static final String[] SYLLABLES = {"ka", "lo", "mi", "ren", "tu", "sa", "vor", "del", "pi", "gan",
            "ho", "zu", "ber", "na", "qui", "ix", "ol", "fen", "dra", "mo"};

    /**
     * Background people: distinct invented names, birth dates, phones and addresses, so that value
     * frequencies and u estimates behave as on a real data set rather than on a handful of records.
     */
    static List<Record> background(int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Record> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            String given = word(random, 2), surname = word(random, 3);
            out.add(person("P", "bg" + i)
                    .given(given).surname(surname)
                    .dob(String.format("%d-%02d-%02d", 1930 + random.nextInt(80), 1 + random.nextInt(12),
                            1 + random.nextInt(28)))
                    .gender(random.nextBoolean() ? "M" : "F")
                    .phone(String.format("+1 312 %03d %04d", 200 + i / 10_000, i % 10_000))
                    .address((10 + i) + " " + capitalize(word(random, 2)) + " Street", "Chicago",
                            String.valueOf(60600 + random.nextInt(90)))
                    .record());
        }
        return out;
    }

    private static RecordFeatures[] backgroundFeatures;

    /** 2,000 standardized background people, built once and shared (read-only). */
    static synchronized RecordFeatures[] backgroundFeatures() {
        if (backgroundFeatures == null) backgroundFeatures = features(background(2_000, 7));
        return backgroundFeatures;
    }

    /** Value frequencies of the background people plus {@code extra}. */
    static ValueFrequencies frequencies(RecordFeatures... extra) {
        ValueFrequencies f = ValueFrequencies.of(backgroundFeatures());
        for (RecordFeatures r : extra) f.add(r, 1);
        return f;
    }

    private static String word(SplittableRandom random, int syllables) {
        StringBuilder b = new StringBuilder();
        for (int k = 0; k < syllables; k++) b.append(SYLLABLES[random.nextInt(SYLLABLES.length)]);
        return capitalize(b.toString());
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
