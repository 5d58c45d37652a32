package io.relata.core.relate;

import io.relata.core.model.Event;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.model.Relationship;
import io.relata.core.standardize.AddressFeatures;
import io.relata.core.standardize.IdentifierStandardizer.StandardIdentifier;
import io.relata.core.standardize.RecordFeatures;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What one record contributes to the relationship graph: the values it could share with other entities (each
 * as a key whose first letter says its kind, in the standardized form the matcher uses), the trips it took
 * (event reference and date) and the links it discloses. Keeps the record's features for the patterns.
 */
public record RecordLinks(RecordKey key, RecordFeatures features, String[] values, String[] displays,
                          List<Disclosed> disclosed) {
    static final char ADDRESS = 'A', PHONE = 'P', EMAIL = 'E', IDENTIFIER = 'I', TRAVEL = 'T';

    /** A link the record discloses to another record, with the source's type (upper case) and role. */
    public record Disclosed(String type, String role, RecordKey target) {}

    public static RecordLinks of(Record record, RecordFeatures f) {
        List<String> values = new ArrayList<>(8), displays = new ArrayList<>(8);
        for (AddressFeatures a : f.addresses()) {
            if (a.key() != null) add(values, displays, ADDRESS + a.key(), a.full());
        }
        for (String p : f.phones()) add(values, displays, PHONE + p, p);
        for (String e : f.emails()) add(values, displays, EMAIL + e, e);
        for (StandardIdentifier id : f.identifiers()) {
            if (id.value() == null || id.value().isEmpty()) continue;
            String country = id.country() == null ? "" : id.country();
            add(values, displays, IDENTIFIER + id.type() + '|' + country + '|' + id.value(),
                    id.type() + " " + id.value() + (country.isEmpty() ? "" : " (" + country + ")"));
        }
        for (Event e : record.events()) {
            if (blank(e.ref()) || blank(e.date())) continue;
            String ref = e.ref().strip().toUpperCase(Locale.ROOT).replace(" ", "");
            add(values, displays, TRAVEL + ref + '|' + e.date().strip(), ref + " on " + e.date().strip());
        }
        List<Disclosed> disclosed = new ArrayList<>(record.relationships().size());
        for (Relationship r : record.relationships()) {
            if (blank(r.type()) || blank(r.source()) || blank(r.id())) continue;
            disclosed.add(new Disclosed(r.type().strip().toUpperCase(Locale.ROOT), blank(r.role()) ? null : r.role().strip(),
                    r.target()));
        }
        return new RecordLinks(record.key(), f, values.toArray(String[]::new), displays.toArray(String[]::new),
                List.copyOf(disclosed));
    }

    private static void add(List<String> values, List<String> displays, String value, String display) {
        if (values.contains(value)) return; // a record that lists a value twice shares it once
        values.add(value);
        displays.add(display == null ? value.substring(1) : display);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether a value key (as the graph reports it) is an identifier's. */
    public static boolean isIdentifier(String valueKey) {
        return kind(valueKey) == IDENTIFIER;
    }

    static char kind(String value) {
        return value.charAt(0);
    }
}
