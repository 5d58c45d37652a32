package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * The CSV reader under the DMV mapping (every kind of column: names, dates with formats, identifiers, splits,
 * relationships, events, attributes), fed rows of anything: quotes, delimiters and line breaks inside cells, byte
 * order marks, NULs, control characters, non-Latin scripts, huge numbers, invalid UTF-8, rows too short or too
 * long, unbalanced quotes, every line ending. No exception leaves the reader, read = accepted + rejected, every
 * reject says file, line, field and reason, and rows written as CSV should be are each read exactly once.
 */
class CsvReaderPropertiesTest {
    private static final String[] HEADER = ("license_no,first_name,middle,last_name,full_name,aka,birth_date,sex,citizenship,"
            + "street,apt,city,state,zip,country,phone,email,ssn,passport,employer_id,entry_date,notes,case_officer,ignored")
            .split(",");
    private static CsvMapping mapping;

    @BeforeContainer
    static void mapping() throws URISyntaxException {
        mapping = CsvMapping.load(Path.of(CsvReaderPropertiesTest.class.getResource("dmv-mapping.json").toURI()));
    }

    /** Rows quoted as RFC 4180 says, whatever they hold: each is one record read, accepted or rejected. */
    @Property(tries = 300)
    void well_quoted_rows_of_anything_are_each_read_once(@ForAll("rows") List<List<String>> rows,
                                                         @ForAll("endings") List<String> endings, @ForAll boolean bom) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (bom) file.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        file.writeBytes(utf8(String.join(",", HEADER) + endings.get(0)));
        for (int i = 0; i < rows.size(); i++) {
            List<String> quoted = new ArrayList<>();
            for (String cell : rows.get(i)) quoted.add('"' + cell.replace("\"", "\"\"") + '"');
            file.writeBytes(utf8(String.join(",", quoted) + endings.get((i + 1) % endings.size())));
        }
        CollectingHandler h = read(file.toByteArray());
        assertThat(h.records.size() + h.rejects.size()).isEqualTo(rows.size());
        checkLinesAndRejects(h);
    }

    /** Lines of anything at all: no exception, and everything read is accounted for. */
    @Property(tries = 300)
    void any_lines_are_accepted_or_rejected_never_thrown(@ForAll("lines") List<byte[]> lines,
                                                         @ForAll("endings") List<String> endings) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes(utf8(String.join(",", HEADER) + endings.get(0)));
        for (int i = 0; i < lines.size(); i++) {
            file.writeBytes(lines.get(i));
            file.writeBytes(utf8(endings.get((i + 1) % endings.size())));
        }
        checkLinesAndRejects(read(file.toByteArray()));
    }

    private static CollectingHandler read(byte[] bytes) {
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = new CsvReader().read(new ByteArrayInputStream(bytes), "fuzz.csv", mapping, h);
        assertThat(c.read()).isEqualTo(c.accepted() + c.rejected());
        assertThat(c.accepted()).isEqualTo(h.records.size());
        assertThat(c.rejected()).isEqualTo(h.rejects.size());
        return h;
    }

    /** Rows are reported in file order, after the header, each where it starts; rejects say where and why. */
    private static void checkLinesAndRejects(CollectingHandler h) {
        List<Long> lines = new ArrayList<>(h.lines);
        h.rejects.forEach(r -> lines.add(r.line()));
        assertThat(lines).allSatisfy(l -> assertThat(l).isGreaterThanOrEqualTo(2)).doesNotHaveDuplicates();
        assertThat(h.rejects).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("fuzz.csv");
            assertThat(r.field()).isNotBlank();
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(h.records).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("DMV");
            assertThat(r.id()).isNotBlank();
        });
    }

    @Provide
    Arbitrary<List<String>> endings() {
        return Arbitraries.of("\n", "\r\n", "\r").list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<List<String>>> rows() {
        Arbitrary<String> any = Arbitraries.strings().all().ofMaxLength(20);
        Arbitrary<String> tricky = Arbitraries.of("", " ", "\"", "\"\"", ",", ";", "|", "\n", "\r\n", "\r", "\u0000",
                "\u001B[31m", "\uFEFF", "' OR 1=1 --", "<script>alert(1)</script>", "${jndi:ldap://x/a}",
                "Дмитрий", "王小明", "محمد", "🙂", "9".repeat(400), "1e999999", "-0", "02/30/2001", "13/45/1980", "0000",
                "1980", "05/17/1980", "555-0100;555-0101;", "US|CA||", "123-45-6789", "X".repeat(3000));
        Arbitrary<String> cell = Arbitraries.frequencyOf(Tuple.of(2, any), Tuple.of(3, tricky));
        // the id is present in most rows, so that rows reach the other columns' checks
        Arbitrary<String> id = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.strings().alpha().numeric().ofMinLength(1).ofMaxLength(8)),
                Tuple.of(2, tricky));
        return id.flatMap(first -> cell.list().ofSize(HEADER.length - 1).map(rest -> {
            List<String> row = new ArrayList<>();
            row.add(first);
            row.addAll(rest);
            return row;
        })).list().ofMaxSize(20);
    }

    @Provide
    Arbitrary<List<byte[]>> lines() {
        Arbitrary<byte[]> bytes = Arbitraries.bytes().array(byte[].class).ofMaxSize(80);
        Arbitrary<byte[]> text = Arbitraries.strings().all().ofMaxLength(80).map(CsvReaderPropertiesTest::utf8);
        Arbitrary<byte[]> cells = Arbitraries.of("a", "\"a\"", "\"a", "a\"b", "\"a\"b", "", ",", "\"\"\"", "\uFEFF",
                        "\u0000", "05/17/1980", "Дмитрий", "\"x\ny\"")
                .list().ofMinSize(1).ofMaxSize(30).map(c -> utf8(String.join(",", c)));
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xFF, (byte) 0xFE, 0x41},
                new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80});
        return Arbitraries.frequencyOf(Tuple.of(2, bytes), Tuple.of(2, text), Tuple.of(4, cells), Tuple.of(1, invalidUtf8))
                .list().ofMaxSize(20);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
