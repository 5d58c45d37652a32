package io.relata.core.ingest;

import static io.relata.core.ingest.JsonValueReader.*;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.relata.core.model.Address;
import io.relata.core.model.Biometrics;
import io.relata.core.model.EntityType;
import io.relata.core.model.Event;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.model.Relationship;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;

/**
 * Turns one line of canonical JSONL (record-format.md) into a {@link Record}, straight from Jackson's
 * token stream. Keeps scratch lists between lines (the Record constructor copies them), so it is cheap
 * to call per line but not thread-safe. It fills the lists itself rather than a {@code Record.Builder}
 * because the builder needs source and id first, and JSON may give them last.
 */
final class JsonRecordParser {
    static final String KEYS = "source, id, type, names, dob, gender, nationalities, addresses, phones, "
            + "emails, identifiers, relationships, events, biometrics, attributes";

    private final JsonFactory factory;
    private final ArrayList<Name> names = new ArrayList<>();
    private final ArrayList<String> nationalities = new ArrayList<>();
    private final ArrayList<Address> addresses = new ArrayList<>();
    private final ArrayList<String> phones = new ArrayList<>();
    private final ArrayList<String> emails = new ArrayList<>();
    private final ArrayList<Identifier> identifiers = new ArrayList<>();
    private final ArrayList<Relationship> relationships = new ArrayList<>();
    private final ArrayList<Event> events = new ArrayList<>();

    JsonRecordParser(JsonFactory factory) {
        this.factory = factory;
    }

    /** The record on {@code bytes[off, off+len)}, or a rejection naming the first offending field. */
    Record parse(byte[] bytes, int off, int len) throws RecordRejectedException {
        try (JsonParser p = factory.createParser(bytes, off, len)) {
            JsonToken t = p.nextToken();
            if (t != JsonToken.START_OBJECT) {
                throw reject(Reject.WHOLE_LINE, "expected a JSON object, got " + describe(t));
            }
            Record r = record(p);
            if (p.nextToken() != null) {
                throw reject(Reject.WHOLE_LINE, "unexpected content after the record's closing '}'");
            }
            return r;
        } catch (JsonProcessingException e) {
            String message = String.valueOf(e.getOriginalMessage()).replaceAll("\\s+", " ");
            int column = e.getLocation() == null ? -1 : e.getLocation().getColumnNr();
            throw reject(Reject.WHOLE_LINE, "invalid JSON: " + message + (column > 0 ? " at column " + column : ""));
        } catch (IOException e) {
            throw reject(Reject.WHOLE_LINE, "could not read the line: " + e.getMessage());
        }
    }

    private Record record(JsonParser p) throws IOException, RecordRejectedException {
        clearScratch();
        String source = null, id = null, dob = null, gender = null;
        EntityType type = EntityType.PERSON;
        Biometrics biometrics = Biometrics.NONE;
        Map<String, Object> attributes = Map.of();
        int seen = 0;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            p.nextToken();
            int bit;
            switch (key) {
                case "source": bit = 1; source = text(p, null, 0, key); break;
                case "id": bit = 1 << 1; id = text(p, null, 0, key); break;
                case "type": bit = 1 << 2; type = entityType(p); break;
                case "names": bit = 1 << 3; names(p); break;
                case "dob": bit = 1 << 4; dob = text(p, null, 0, key); break;
                case "gender": bit = 1 << 5; gender = text(p, null, 0, key); break;
                case "nationalities": bit = 1 << 6; strings(p, key, nationalities); break;
                case "addresses": bit = 1 << 7; addresses(p); break;
                case "phones": bit = 1 << 8; strings(p, key, phones); break;
                case "emails": bit = 1 << 9; strings(p, key, emails); break;
                case "identifiers": bit = 1 << 10; identifiers(p); break;
                case "relationships": bit = 1 << 11; relationships(p); break;
                case "events": bit = 1 << 12; events(p); break;
                case "biometrics": bit = 1 << 13; biometrics = JsonBiometricsReader.read(p); break;
                case "attributes": bit = 1 << 14; attributes = attributes(p); break;
                default: throw unknownKey(null, 0, key, KEYS);
            }
            // A repeated key would silently merge or overwrite what the source meant; refuse it.
            if ((seen & bit) != 0) throw reject(key, "key '" + key + "' appears more than once");
            seen |= bit;
        }
        required(source, null, 0, "source");
        required(id, null, 0, "id");
        return new Record(new RecordKey(source, id), type, names, dob, gender, nationalities, addresses,
                phones, emails, identifiers, relationships, events, biometrics, attributes);
    }

    private void clearScratch() {
        names.clear();
        nationalities.clear();
        addresses.clear();
        phones.clear();
        emails.clear();
        identifiers.clear();
        relationships.clear();
        events.clear();
    }

    private static EntityType entityType(JsonParser p) throws IOException, RecordRejectedException {
        String s = text(p, null, 0, "type");
        if (s == null) return EntityType.PERSON;
        if (s.equalsIgnoreCase("PERSON")) return EntityType.PERSON;
        if (s.equalsIgnoreCase("ORGANIZATION")) return EntityType.ORGANIZATION;
        throw reject("type", "type must be PERSON or ORGANIZATION, got '" + s + "'");
    }

    private void names(JsonParser p) throws IOException, RecordRejectedException {
        if (!startArrayOfObjects(p, "names")) return;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (!startObject(p, "names", i, null)) continue;
            String full = null, given = null, middle = null, surname = null;
            NameUse use = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "full": full = text(p, "names", i, k); break;
                    case "given": given = text(p, "names", i, k); break;
                    case "middle": middle = text(p, "names", i, k); break;
                    case "surname": surname = text(p, "names", i, k); break;
                    case "use": use = nameUse(text(p, "names", i, k), i); break;
                    default: throw unknownKey("names", i, k, "full, given, middle, surname, use");
                }
            }
            names.add(new Name(full, given, middle, surname, use));
        }
    }

    private static NameUse nameUse(String s, int i) throws RecordRejectedException {
        if (s == null) return null;
        if (s.equalsIgnoreCase("PRIMARY")) return NameUse.PRIMARY;
        if (s.equalsIgnoreCase("ALIAS")) return NameUse.ALIAS;
        throw reject(path("names", i, "use"), "use must be PRIMARY or ALIAS, got '" + s + "'");
    }

    private void addresses(JsonParser p) throws IOException, RecordRejectedException {
        if (!startArrayOfObjects(p, "addresses")) return;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (!startObject(p, "addresses", i, null)) continue;
            String full = null, line1 = null, line2 = null, city = null, region = null, postcode = null, country = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "full": full = text(p, "addresses", i, k); break;
                    case "line1": line1 = text(p, "addresses", i, k); break;
                    case "line2": line2 = text(p, "addresses", i, k); break;
                    case "city": city = text(p, "addresses", i, k); break;
                    case "region": region = text(p, "addresses", i, k); break;
                    case "postcode": postcode = text(p, "addresses", i, k); break;
                    case "country": country = text(p, "addresses", i, k); break;
                    default: throw unknownKey("addresses", i, k, "full, line1, line2, city, region, postcode, country");
                }
            }
            addresses.add(new Address(full, line1, line2, city, region, postcode, country));
        }
    }

    private void identifiers(JsonParser p) throws IOException, RecordRejectedException {
        if (!startArrayOfObjects(p, "identifiers")) return;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (!startObject(p, "identifiers", i, null)) continue;
            String type = null, value = null, country = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "type": type = text(p, "identifiers", i, k); break;
                    case "value": value = text(p, "identifiers", i, k); break;
                    case "country": country = text(p, "identifiers", i, k); break;
                    default: throw unknownKey("identifiers", i, k, "type, value, country");
                }
            }
            identifiers.add(new Identifier(required(type, "identifiers", i, "type"),
                    required(value, "identifiers", i, "value"), country));
        }
    }

    private void relationships(JsonParser p) throws IOException, RecordRejectedException {
        if (!startArrayOfObjects(p, "relationships")) return;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (!startObject(p, "relationships", i, null)) continue;
            String type = null, source = null, id = null, role = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "type": type = text(p, "relationships", i, k); break;
                    case "source": source = text(p, "relationships", i, k); break;
                    case "id": id = text(p, "relationships", i, k); break;
                    case "role": role = text(p, "relationships", i, k); break;
                    default: throw unknownKey("relationships", i, k, "type, source, id, role");
                }
            }
            relationships.add(new Relationship(required(type, "relationships", i, "type"),
                    required(source, "relationships", i, "source"), required(id, "relationships", i, "id"), role));
        }
    }

    private void events(JsonParser p) throws IOException, RecordRejectedException {
        if (!startArrayOfObjects(p, "events")) return;
        for (int i = 0; p.nextToken() != JsonToken.END_ARRAY; i++) {
            if (!startObject(p, "events", i, null)) continue;
            String type = null, date = null, place = null, ref = null;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String k = p.currentName();
                p.nextToken();
                switch (k) {
                    case "type": type = text(p, "events", i, k); break;
                    case "date": date = text(p, "events", i, k); break;
                    case "place": place = text(p, "events", i, k); break;
                    case "ref": ref = text(p, "events", i, k); break;
                    default: throw unknownKey("events", i, k, "type, date, place, ref");
                }
            }
            events.add(new Event(required(type, "events", i, "type"), date, place, ref));
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> attributes(JsonParser p) throws IOException, RecordRejectedException {
        if (!startObject(p, null, 0, "attributes")) return Map.of();
        return (Map<String, Object>) plain(p);
    }
}
