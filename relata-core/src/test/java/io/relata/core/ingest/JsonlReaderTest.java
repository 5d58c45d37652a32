package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.model.Address;
import io.relata.core.model.Biometrics;
import io.relata.core.model.EntityType;
import io.relata.core.model.Event;
import io.relata.core.model.Fingerprint;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.model.Record;
import io.relata.core.model.Relationship;
import java.io.ByteArrayInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JsonlReaderTest {
    private final JsonlReader reader = new JsonlReader();

    private CollectingHandler read(String text) {
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = reader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)), "t.jsonl", h);
        assertThat(c.read()).isEqualTo(c.accepted() + c.rejected());
        assertThat(c.accepted()).isEqualTo(h.records.size());
        assertThat(c.rejected()).isEqualTo(h.rejects.size());
        return h;
    }

    private Record one(String line) {
        CollectingHandler h = read(line);
        assertThat(h.rejects).isEmpty();
        assertThat(h.records).hasSize(1);
        return h.records.get(0);
    }

    private Reject rejectOf(String line) {
        CollectingHandler h = read(line);
        assertThat(h.records).isEmpty();
        assertThat(h.rejects).hasSize(1);
        return h.rejects.get(0);
    }

    @Test
    void readsEveryFieldKind() {
        Record r = one("{\"source\":\"VISA\",\"id\":\"A1\",\"type\":\"person\","
                + "\"names\":[{\"given\":\"Ann\",\"middle\":\"M\",\"surname\":\"Lee\"},{\"full\":\"Annie Lee\",\"use\":\"alias\"}],"
                + "\"dob\":\"1980-05\",\"gender\":\"F\",\"nationalities\":[\"US\",\"Canada\"],"
                + "\"addresses\":[{\"full\":\"1 Main St, Springfield\"},{\"line1\":\"2 Oak\",\"line2\":\"Apt 3\",\"city\":\"Reno\","
                + "\"region\":\"NV\",\"postcode\":\"89501\",\"country\":\"US\"}],"
                + "\"phones\":[\"+1 555 0100\"],\"emails\":[\"ann@example.org\"],"
                + "\"identifiers\":[{\"type\":\"PASSPORT\",\"value\":\"X123\",\"country\":\"US\"},{\"type\":\"SSN\",\"value\":\"123-45-6789\"}],"
                + "\"relationships\":[{\"type\":\"EMPLOYER\",\"source\":\"ORGS\",\"id\":\"O9\",\"role\":\"employee\"}],"
                + "\"events\":[{\"type\":\"ENTRY\",\"date\":\"2020-01-02\",\"place\":\"JFK\",\"ref\":\"E1\"},{\"type\":\"EXIT\"}],"
                + "\"biometrics\":{\"fingerprints\":[{\"finger\":\"R1\",\"image\":\"fp/a1.png\"}],\"photos\":[\"ph/a1.jpg\"]},"
                + "\"attributes\":{\"note\":\"x\",\"n\":3,\"ok\":true,\"nil\":null,\"list\":[1,\"a\"],\"obj\":{\"k\":2.5}}}");
        assertThat(r.source()).isEqualTo("VISA");
        assertThat(r.id()).isEqualTo("A1");
        assertThat(r.type()).isEqualTo(EntityType.PERSON);
        assertThat(r.names()).containsExactly(new Name(null, "Ann", "M", "Lee", NameUse.PRIMARY),
                new Name("Annie Lee", null, null, null, NameUse.ALIAS));
        assertThat(r.dob()).isEqualTo("1980-05");
        assertThat(r.gender()).isEqualTo("F");
        assertThat(r.nationalities()).containsExactly("US", "Canada");
        assertThat(r.addresses()).containsExactly(Address.full("1 Main St, Springfield"),
                new Address(null, "2 Oak", "Apt 3", "Reno", "NV", "89501", "US"));
        assertThat(r.phones()).containsExactly("+1 555 0100");
        assertThat(r.emails()).containsExactly("ann@example.org");
        assertThat(r.identifiers()).containsExactly(new Identifier("PASSPORT", "X123", "US"),
                new Identifier("SSN", "123-45-6789", null));
        assertThat(r.relationships()).containsExactly(new Relationship("EMPLOYER", "ORGS", "O9", "employee"));
        assertThat(r.events()).containsExactly(new Event("ENTRY", "2020-01-02", "JFK", "E1"), new Event("EXIT", null, null, null));
        assertThat(r.biometrics()).isEqualTo(new Biometrics(List.of(new Fingerprint("R1", "fp/a1.png")), List.of("ph/a1.jpg")));
        assertThat(r.attributes()).containsEntry("note", "x").containsEntry("n", 3).containsEntry("ok", true)
                .containsEntry("nil", null).containsEntry("list", List.of(1, "a")).containsEntry("obj", Map.of("k", 2.5));
        assertThat(r.attributes().keySet()).containsExactly("note", "n", "ok", "nil", "list", "obj");
    }

    @Test
    void organizationAndDefaults() {
        Record org = one("{\"source\":\"ORGS\",\"id\":\"O9\",\"type\":\"Organization\",\"names\":[{\"full\":\"Acme Ltd\"}]}");
        assertThat(org.type()).isEqualTo(EntityType.ORGANIZATION);
        assertThat(org.names()).containsExactly(Name.full("Acme Ltd"));
        Record bare = one("{\"id\":\"1\",\"source\":\"S\"}");
        assertThat(bare.type()).isEqualTo(EntityType.PERSON);
        assertThat(bare.names()).isEmpty();
        assertThat(bare.biometrics()).isEqualTo(Biometrics.NONE);
        assertThat(bare.attributes()).isEmpty();
    }

    @Test
    void numbersWhereStringsAreExpectedBecomeTheirText() {
        Record r = one("{\"source\":\"S\",\"id\":123,\"dob\":19800101,\"phones\":[5550100, 1.50],"
                + "\"identifiers\":[{\"type\":\"SSN\",\"value\":123456789}],\"names\":[{\"full\":7}]}");
        assertThat(r.id()).isEqualTo("123");
        assertThat(r.dob()).isEqualTo("19800101");
        assertThat(r.phones()).containsExactly("5550100", "1.50");
        assertThat(r.identifiers()).containsExactly(new Identifier("SSN", "123456789", null));
        assertThat(r.names()).containsExactly(Name.full("7"));
    }

    @Test
    void jsonNullMeansAbsent() {
        Record r = one("{\"source\":\"S\",\"id\":\"1\",\"type\":null,\"names\":null,\"dob\":null,\"phones\":[null,\"1\"],"
                + "\"addresses\":[null],\"biometrics\":null,\"attributes\":null,\"identifiers\":[{\"type\":\"T\",\"value\":\"V\",\"country\":null}]}");
        assertThat(r.type()).isEqualTo(EntityType.PERSON);
        assertThat(r.names()).isEmpty();
        assertThat(r.dob()).isNull();
        assertThat(r.phones()).containsExactly("1");
        assertThat(r.addresses()).isEmpty();
        assertThat(r.identifiers()).containsExactly(new Identifier("T", "V", null));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"id\":\"1\"}|source|required 'source' is missing",
        "{\"source\":\"S\"}|id|required 'id' is missing",
        "{\"source\":\"S\",\"id\":\" \"}|id|required 'id' is empty",
        "{\"source\":\"S\",\"id\":null}|id|required 'id' is missing",
        "{\"source\":[\"S\"],\"id\":\"1\"}|source|expected a string, got an array",
        "{\"source\":\"S\",\"id\":\"1\",\"type\":\"COMPANY\"}|type|type must be PERSON or ORGANIZATION, got 'COMPANY'",
        "{\"source\":\"S\",\"id\":\"1\",\"names\":\"Ann\"}|names|expected an array of objects, got a string",
        "{\"source\":\"S\",\"id\":\"1\",\"names\":[\"Ann\"]}|names[0]|expected an object, got a string",
        "{\"source\":\"S\",\"id\":\"1\",\"names\":[{\"full\":\"A\"},{\"full\":\"B\",\"use\":\"NICK\"}]}|names[1].use|use must be PRIMARY or ALIAS, got 'NICK'",
        "{\"source\":\"S\",\"id\":\"1\",\"names\":[{\"first\":\"A\"}]}|names[0].first|unknown key 'first' (allowed: full, given, middle, surname, use)",
        "{\"source\":\"S\",\"id\":\"1\",\"names\":[{\"given\":{\"x\":1}}]}|names[0].given|expected a string, got an object",
        "{\"source\":\"S\",\"id\":\"1\",\"dob\":{\"y\":1980}}|dob|expected a string, got an object",
        "{\"source\":\"S\",\"id\":\"1\",\"gender\":true}|gender|expected a string, got a boolean",
        "{\"source\":\"S\",\"id\":\"1\",\"nationalities\":\"US\"}|nationalities|expected an array of strings, got a string",
        "{\"source\":\"S\",\"id\":\"1\",\"phones\":[\"1\",[\"2\"]]}|phones[1]|expected a string, got an array",
        "{\"source\":\"S\",\"id\":\"1\",\"emails\":{}}|emails|expected an array of strings, got an object",
        "{\"source\":\"S\",\"id\":\"1\",\"addresses\":[{\"street\":\"x\"}]}|addresses[0].street|unknown key 'street' (allowed: full, line1, line2, city, region, postcode, country)",
        "{\"source\":\"S\",\"id\":\"1\",\"identifiers\":[{\"type\":\"SSN\"}]}|identifiers[0].value|required 'value' is missing",
        "{\"source\":\"S\",\"id\":\"1\",\"identifiers\":[{\"value\":\"1\"}]}|identifiers[0].type|required 'type' is missing",
        "{\"source\":\"S\",\"id\":\"1\",\"relationships\":[{\"type\":\"T\",\"source\":\"S\"}]}|relationships[0].id|required 'id' is missing",
        "{\"source\":\"S\",\"id\":\"1\",\"events\":[{\"date\":\"2020\"}]}|events[0].type|required 'type' is missing",
        "{\"source\":\"S\",\"id\":\"1\",\"events\":[{\"type\":\"E\",\"when\":\"2020\"}]}|events[0].when|unknown key 'when' (allowed: type, date, place, ref)",
        "{\"source\":\"S\",\"id\":\"1\",\"biometrics\":{\"iris\":[]}}|biometrics.iris|unknown key 'iris' (allowed: fingerprints, photos)",
        "{\"source\":\"S\",\"id\":\"1\",\"biometrics\":{\"fingerprints\":[{\"finger\":\"R1\",\"img\":\"a\"}]}}|biometrics.fingerprints[0].img|unknown key 'img' (allowed: finger, image)",
        "{\"source\":\"S\",\"id\":\"1\",\"biometrics\":{\"photos\":[{}]}}|biometrics.photos[0]|expected a string, got an object",
        "{\"source\":\"S\",\"id\":\"1\",\"attributes\":[1]}|attributes|expected an object, got an array",
        "{\"source\":\"S\",\"id\":\"1\",\"id\":\"2\"}|id|key 'id' appears more than once",
        "[1,2]|(line)|expected a JSON object, got an array",
        "\"text\"|(line)|expected a JSON object, got a string",
        "{\"source\":\"S\",\"id\":\"1\"} {\"source\":\"S\",\"id\":\"2\"}|(line)|unexpected content after the record's closing '}'",
    })
    void rejectsWithFieldAndReason(String line, String field, String reason) {
        Reject r = rejectOf(line);
        assertThat(r.field()).isEqualTo(field);
        assertThat(r.reason()).isEqualTo(reason);
        assertThat(r.line()).isEqualTo(1);
        assertThat(r.file()).isEqualTo("t.jsonl");
    }

    @Test
    void unknownTopLevelKeyListsTheAllowedKeys() {
        Reject r = rejectOf("{\"source\":\"S\",\"id\":\"1\",\"foo\":1}");
        assertThat(r.field()).isEqualTo("foo");
        assertThat(r.reason()).isEqualTo("unknown key 'foo' (allowed: source, id, type, names, dob, gender, "
                + "nationalities, addresses, phones, emails, identifiers, relationships, events, biometrics, attributes)");
        assertThat(r).hasToString("t.jsonl:1: foo: " + r.reason());
    }

    @Test
    void anEmptyOrOddUnknownKeyIsNamedAsAJsonString() {
        Reject empty = rejectOf("{\"source\":\"S\",\"id\":\"1\",\"\":1}");
        assertThat(empty.field()).isEqualTo("\"\"");
        assertThat(empty.reason()).startsWith("unknown key \"\" (allowed: source, id,");
        Reject control = rejectOf("{\"source\":\"S\",\"id\":\"1\",\"names\":[{\"sur\\bname\":\"X\"}]}");
        assertThat(control.field()).isEqualTo("names[0].\"sur\\bname\"");
    }

    @Test
    void invalidJsonNamesTheColumn() {
        Reject r = rejectOf("{\"source\":\"S\", id:\"1\"}");
        assertThat(r.field()).isEqualTo("(line)");
        assertThat(r.reason()).startsWith("invalid JSON: Unexpected character ('i'").endsWith("at column 16");
        assertThat(rejectOf("{\"source\":\"S\",\"id\":\"1\"").reason()).startsWith("invalid JSON: Unexpected end-of-input");
        assertThat(rejectOf("{\"source\":\"S\",\"id\":\"\u00e9\t\"}").reason()).startsWith("invalid JSON: Illegal unquoted character");
    }

    @Test
    void invalidUtf8IsRejectedNotFatal() {
        byte[] bad = "{\"source\":\"S\",\"id\":\"\u00ff\"}\n{\"source\":\"S\",\"id\":\"2\"}\n".getBytes(StandardCharsets.ISO_8859_1);
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = reader.read(new ByteArrayInputStream(bad), "t", h);
        assertThat(c).isEqualTo(new LoadCounts(2, 1, 1));
        assertThat(h.rejects.get(0).reason()).startsWith("invalid JSON: Invalid UTF-8");
        assertThat(h.records.get(0).id()).isEqualTo("2");
    }

    @Test
    void mixedFileKeepsReadingAfterBadLinesWithPhysicalLineNumbers() throws URISyntaxException {
        Path file = Path.of(getClass().getResource("mixed.jsonl").toURI());
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = reader.read(file, h);
        assertThat(c).isEqualTo(new LoadCounts(8, 3, 5));
        assertThat(h.records).extracting(Record::id).containsExactly("1", "6", "7");
        assertThat(h.lines).containsExactly(1L, 9L, 10L);
        assertThat(h.records.get(1).phones()).containsExactly("5551234", "555-9999");
        assertThat(h.rejects).extracting(Reject::line).containsExactly(3L, 4L, 6L, 7L, 8L);
        assertThat(h.rejects).extracting(Reject::field).containsExactly("(line)", "nickname", "names", "dob", "(line)");
        assertThat(h.rejects.get(0).file()).isEqualTo(file.toString());
    }

    @Test
    void handlesCrLfBomAndMissingFinalNewline() {
        CollectingHandler h = read("\uFEFF{\"source\":\"S\",\"id\":\"1\"}\r\n\r\n{\"source\":\"S\",\"id\":\"2\"}");
        assertThat(h.records).extracting(Record::id).containsExactly("1", "2");
        assertThat(h.lines).containsExactly(1L, 3L);
    }

    @Test
    void missingFileIsFatalWithItsName() {
        assertThatThrownBy(() -> reader.read(Path.of("no/such.jsonl"), new CollectingHandler()))
                .isInstanceOf(IngestException.class).hasMessageContaining("file not found: no/such.jsonl");
    }
}
