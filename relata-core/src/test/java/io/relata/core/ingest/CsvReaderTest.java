package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.model.Address;
import io.relata.core.model.Event;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.NameUse;
import io.relata.core.model.Record;
import io.relata.core.model.Relationship;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvReaderTest {
    @TempDir
    Path tmp;

    private static Path resource(String name) throws URISyntaxException {
        return Path.of(CsvReaderTest.class.getResource(name).toURI());
    }

    private CollectingHandler readDmv() throws URISyntaxException {
        CsvMapping mapping = CsvMapping.load(resource("dmv-mapping.json"));
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = new CsvReader().read(resource("dmv.csv"), mapping, h);
        assertThat(c).isEqualTo(new LoadCounts(7, 3, 4));
        return h;
    }

    @Test
    void loadsTheMapping() throws URISyntaxException {
        CsvMapping m = CsvMapping.load(resource("dmv-mapping.json"));
        assertThat(m.name()).isEqualTo("dmv-mapping.json");
        assertThat(m.source()).isEqualTo("DMV");
        assertThat(m.idColumn()).isEqualTo("license_no");
        assertThat(m.defaultCountry()).isEqualTo("US");
        assertThat(m.delimiter()).isEqualTo(',');
        assertThat(m.columns()).hasSize(20);
        assertThat(m.columns()).contains(new CsvMapping.Column("aka", CsvTarget.NAMES_FULL, NameUse.ALIAS, ";", null, null, null, null));
        assertThat(m.attributeColumns()).containsExactly("notes", "case_officer");
    }

    @Test
    void mapsEveryKindOfColumn() throws URISyntaxException {
        Record r = readDmv().records.get(0);
        assertThat(r.source()).isEqualTo("DMV");
        assertThat(r.id()).isEqualTo("D1");
        assertThat(r.names()).containsExactly(new Name(null, "Ann", "M", "Lee", NameUse.PRIMARY),
                new Name("Annie Lee", null, null, null, NameUse.ALIAS), new Name("A. Lee", null, null, null, NameUse.ALIAS));
        assertThat(r.dob()).isEqualTo("1980-05-17");
        assertThat(r.gender()).isEqualTo("F");
        assertThat(r.nationalities()).containsExactly("US", "CA");
        assertThat(r.addresses()).containsExactly(new Address(null, "1 Main St", "Apt 2", "Reno", "NV", "89501", "US"));
        assertThat(r.phones()).containsExactly("555-0100", "555-0101");
        assertThat(r.emails()).containsExactly("ann@example.org");
        assertThat(r.identifiers()).containsExactly(new Identifier("SSN", "123-45-6789", "US"), new Identifier("PASSPORT", "X123", null));
        assertThat(r.relationships()).containsExactly(new Relationship("EMPLOYER", "EMPLOYERS", "E77", "employee"));
        assertThat(r.events()).containsExactly(new Event("ENTRY", "2020-01-02", null, null));
        assertThat(r.attributes()).isEqualTo(Map.of("notes", "first line\nsecond line", "case_officer", "Smith"));
    }

    @Test
    void emptyCellsAreAbsentAndPartialDatesStayPartial() throws URISyntaxException {
        Record r = readDmv().records.get(1);
        assertThat(r.id()).isEqualTo("D2");
        assertThat(r.names()).containsExactly(Name.full("Bob Stone"));
        assertThat(r.dob()).isEqualTo("1975");
        assertThat(r.addresses()).isEmpty();
        assertThat(r.identifiers()).isEmpty();
        assertThat(r.attributes()).isEmpty();
    }

    @Test
    void rejectsWithColumnAndPhysicalLineOfTheRowStart() throws URISyntaxException {
        CollectingHandler h = readDmv();
        assertThat(h.records).extracting(Record::id).containsExactly("D1", "D2", "D7");
        // D1 spans lines 2-3 and line 4 is blank, so D2 is on line 5; D7 starts on line 10 and spans two.
        assertThat(h.lines).containsExactly(2L, 5L, 10L);
        assertThat(h.rejects).extracting(Reject::line).containsExactly(6L, 7L, 8L, 9L);
        assertThat(h.rejects).extracting(Reject::field).containsExactly("birth_date", "entry_date", "license_no", "(line)");
        assertThat(h.rejects.get(0).reason()).isEqualTo("'13/45/1980' is not a date in any of the formats "
                + "MM/dd/yyyy, yyyy-MM-dd, yyyy (from dateFormats in dmv-mapping.json)");
        assertThat(h.rejects.get(2).reason()).isEqualTo("required id column 'license_no' is empty");
        assertThat(h.rejects.get(3).reason()).isEqualTo("expected 24 cells as in the header, got 3; check quoting and delimiters");
        Record d7 = h.records.get(2);
        assertThat(d7.names()).containsExactly(Name.of("Fay", null, "Quote\nd"));
        assertThat(d7.dob()).isEqualTo("2000-02-29");
        assertThat(d7.addresses()).containsExactly(new Address(null, "9 Elm", null, null, null, null, "CA"));
    }

    @Test
    void datesPassThroughWithoutDateFormatsAndDefaultCountryFillsOnlyRealAddresses() throws IOException {
        Path mapping = write("m.json", "{\"source\":\"S\",\"id\":\"id\",\"defaultCountry\":\"GB\","
                + "\"columns\":{\"dob\":\"dob\",\"city\":\"addresses.city\"}}");
        Path csv = write("a.csv", "id,dob,city\n1,13/45/1980,Leeds\n2,,\n");
        CollectingHandler h = new CollectingHandler();
        assertThat(new CsvReader().read(csv, CsvMapping.load(mapping), h)).isEqualTo(new LoadCounts(2, 2, 0));
        assertThat(h.records.get(0).dob()).isEqualTo("13/45/1980");
        assertThat(h.records.get(0).addresses()).containsExactly(new Address(null, null, null, "Leeds", null, null, "GB"));
        assertThat(h.records.get(1).addresses()).isEmpty();
    }

    @Test
    void sourceColumnTypeColumnTabsAndBom() throws IOException {
        Path mapping = write("m.json", "{\"sourceColumn\":\"src\",\"typeColumn\":\"kind\",\"id\":\"id\","
                + "\"columns\":{\"name\":\"names.full\"}}");
        Path tsv = write("a.tsv", "\uFEFFsrc\tid\tkind\tname\nA\t1\torganization\tAcme Ltd\nB\t2\t\tBo\nC\t3\tCOMPANY\tX\n\t4\t\tY\n");
        CollectingHandler h = new CollectingHandler();
        assertThat(new CsvReader().read(tsv, CsvMapping.load(mapping), h)).isEqualTo(new LoadCounts(4, 2, 2));
        assertThat(h.records.get(0).key()).hasToString("A:1");
        assertThat(h.records.get(0).type()).isEqualTo(io.relata.core.model.EntityType.ORGANIZATION);
        assertThat(h.records.get(1).type()).isEqualTo(io.relata.core.model.EntityType.PERSON);
        assertThat(h.rejects).extracting(Reject::field).containsExactly("kind", "src");
        assertThat(h.rejects.get(0).reason()).isEqualTo("type must be PERSON or ORGANIZATION, got 'COMPANY'");
    }

    @Test
    void mappedColumnMissingFromHeaderIsFatal() throws IOException, URISyntaxException {
        Path csv = write("short.csv", "license_no,first_name\nD1,Ann\n");
        CsvMapping mapping = CsvMapping.load(resource("dmv-mapping.json"));
        assertThatThrownBy(() -> new CsvReader().read(csv, mapping, new CollectingHandler()))
                .isInstanceOf(IngestException.class)
                .hasMessageContaining("column 'middle' (named in mapping dmv-mapping.json) is not in the header")
                .hasMessageContaining("the header has: license_no, first_name");
    }

    @Test
    void unknownTargetIsFatalAndListsValidTargets() throws IOException {
        Path mapping = write("bad.json", "{\"source\":\"S\",\"id\":\"id\",\"columns\":{\"fn\":\"names.first\"}}");
        assertThatThrownBy(() -> CsvMapping.load(mapping)).isInstanceOf(IngestException.class)
                .hasMessage("mapping bad.json: column 'fn' maps to unknown target 'names.first' (valid targets: "
                        + CsvTarget.allPaths() + ")");
    }

    @Test
    void otherMappingMistakesAreFatalWithTheFileName() throws IOException {
        assertMappingError("{\"source\":\"S\",\"columns\":{}}", "'id' is required");
        assertMappingError("{\"id\":\"id\",\"columns\":{}}", "give exactly one of 'source'");
        assertMappingError("{\"source\":\"S\",\"id\":\"id\",\"columns\":{},\"extra\":1}", "unknown key 'extra'");
        assertMappingError("{\"source\":\"S\",\"id\":\"id\",\"columns\":{\"s\":{\"field\":\"identifiers\"}}}",
                "column 's': identifiers needs a fixed 'type'");
        assertMappingError("{\"source\":\"S\",\"id\":\"id\",\"columns\":{\"d\":{\"field\":\"dob\",\"split\":\";\"}}}",
                "dob holds one value; 'split' is not allowed");
        assertMappingError("{\"source\":\"S\",\"id\":\"id\",\"dateFormats\":[\"qq/bb\"],\"columns\":{}}",
                "invalid date format 'qq/bb'");
        assertMappingError("{\"source\":\"S\",", "is not valid JSON");
        assertThatThrownBy(() -> CsvMapping.load(tmp.resolve("none.json"))).hasMessage("mapping file not found: " + tmp.resolve("none.json"));
    }

    private void assertMappingError(String json, String message) throws IOException {
        Path mapping = write("m.json", json);
        assertThatThrownBy(() -> CsvMapping.load(mapping)).isInstanceOf(IngestException.class)
                .hasMessageContaining("m.json").hasMessageContaining(message);
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(tmp.resolve(name), text, StandardCharsets.UTF_8);
    }
}
