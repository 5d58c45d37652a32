package io.relata.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.core.model.Address;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.standardize.DateStandardizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * What an individual gives to identify themselves in an access request: full names (every name they were known by),
 * birth date, and optionally addresses (one line each), phones, e-mails and identifiers (TYPE:VALUE). It becomes a
 * probe record, standardized like any other, for the search.
 */
public record Requester(List<String> names, String dob, List<String> addresses, List<String> phones,
                        List<String> emails, List<String> identifiers) {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateStandardizer DATES = new DateStandardizer();

    public Requester {
        names = clean(names);
        dob = dob == null || dob.isBlank() ? null : dob.strip();
        addresses = clean(addresses);
        phones = clean(phones);
        emails = clean(emails);
        identifiers = clean(identifiers);
        if (names.isEmpty()) throw new IllegalArgumentException("an access request needs the requester's name");
        if (dob != null) {
            DateStandardizer.StandardDate d = DATES.parse(dob);
            if (d == null || d.implausible()) {
                throw new IllegalArgumentException("the requester's birth date '" + dob + "' is not a date that can be real"
                        + (d == null ? "" : " (" + d.problem() + ")") + "; write it as YYYY-MM-DD, or YYYY or YYYY-MM when partly known");
            }
        }
        for (String id : identifiers) {
            int colon = id.indexOf(':');
            if (colon < 1 || colon == id.length() - 1) {
                throw new IllegalArgumentException("an identifier is TYPE:VALUE, e.g. PASSPORT:X1234567, not '" + id + "'");
            }
        }
    }

    public static Requester named(String name, String dob) {
        return new Requester(List.of(name), dob, List.of(), List.of(), List.of(), List.of());
    }

    private static List<String> clean(List<String> values) {
        List<String> out = new ArrayList<>();
        if (values != null) for (String v : values) if (v != null && !v.isBlank()) out.add(v.strip());
        return List.copyOf(out);
    }

    /** The first name given: how lists show the request. */
    public String displayName() {
        return names.get(0);
    }

    /** A probe with every detail given. */
    Record probe() {
        return probe(names, true, true);
    }

    /**
     * A probe of the request: {@code names} (each a full name, in any order), with the birth date and with the
     * contact details and identifiers when asked for.
     */
    Record probe(List<String> withNames, boolean withDob, boolean withContacts) {
        Record.Builder b = Record.builder("ACCESS_REQUEST", "requester");
        for (String n : withNames) b.name(Name.full(n));
        if (withDob && dob != null) b.dob(dob);
        if (withContacts) {
            for (String a : addresses) b.address(Address.full(a));
            for (String p : phones) b.phone(p);
            for (String e : emails) b.email(e);
            for (String id : identifiers) {
                int colon = id.indexOf(':');
                b.identifier(new Identifier(id.substring(0, colon), id.substring(colon + 1), null));
            }
        }
        return b.build();
    }

    /** One probe per contact detail or identifier alone, for records that give it with a name written otherwise. */
    List<Record> contactProbes() {
        List<Record> out = new ArrayList<>();
        for (String p : phones) out.add(Record.builder("ACCESS_REQUEST", "phone").phone(p).build());
        for (String e : emails) out.add(Record.builder("ACCESS_REQUEST", "email").email(e).build());
        for (String id : identifiers) {
            int colon = id.indexOf(':');
            out.add(Record.builder("ACCESS_REQUEST", "identifier")
                    .identifier(new Identifier(id.substring(0, colon), id.substring(colon + 1), null)).build());
        }
        return out;
    }

    public String toJson() {
        ObjectNode n = JSON.createObjectNode();
        put(n, "names", names);
        if (dob != null) n.put("dob", dob);
        put(n, "addresses", addresses);
        put(n, "phones", phones);
        put(n, "emails", emails);
        put(n, "identifiers", identifiers);
        return n.toString();
    }

    public static Requester fromJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return new Requester(list(n, "names"), n.path("dob").isTextual() ? n.path("dob").asText() : null,
                    list(n, "addresses"), list(n, "phones"), list(n, "emails"), list(n, "identifiers"));
        } catch (IOException e) {
            throw new UncheckedIOException("a stored requester is not JSON", e);
        }
    }

    private static void put(ObjectNode n, String field, List<String> values) {
        if (values.isEmpty()) return;
        ArrayNode a = n.putArray(field);
        values.forEach(a::add);
    }

    private static List<String> list(JsonNode n, String field) {
        List<String> out = new ArrayList<>();
        for (JsonNode v : n.path(field)) out.add(v.asText());
        return out;
    }
}
