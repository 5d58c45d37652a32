package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * The JSON Lines reader fed bytes rather than text: random bytes (invalid UTF-8 too), valid records mutated byte by
 * byte, deep nesting, huge numbers, wrong types, byte order marks, NULs and every line ending. Whatever comes, no
 * exception leaves the reader, every non-blank line is accepted or rejected exactly once, in order, and every
 * reject says file, line, field and reason. (What {@link JsonlReaderPropertiesTest} does with text.)
 */
class JsonlReaderFuzzPropertiesTest {
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final String VALID = "{\"source\":\"S\",\"id\":\"1\",\"names\":[{\"given\":\"Ann\",\"surname\":\"Lee\"}],"
            + "\"dob\":\"1980-01-02\",\"phones\":[\"555-0100\"],\"identifiers\":[{\"type\":\"SSN\",\"value\":\"123-45-6789\"}],"
            + "\"attributes\":{\"note\":\"x\"}}";

    @Property(tries = 300)
    void every_line_of_any_bytes_is_accepted_or_rejected_once_with_where_and_why(@ForAll("files") List<byte[]> lines,
                                                                                @ForAll("endings") List<String> endings,
                                                                                @ForAll boolean bom) {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        if (bom) file.writeBytes(BOM);
        for (int i = 0; i < lines.size(); i++) {
            file.writeBytes(lines.get(i));
            file.writeBytes(endings.get(i % endings.size()).getBytes(StandardCharsets.US_ASCII));
        }
        byte[] bytes = file.toByteArray();
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = new JsonlReader().read(new ByteArrayInputStream(bytes), "fuzz.jsonl", h);

        List<Long> expected = nonBlankLines(bytes);
        assertThat(c.read()).isEqualTo(c.accepted() + c.rejected()).isEqualTo(expected.size());
        assertThat(c.accepted()).isEqualTo(h.records.size());
        assertThat(c.rejected()).isEqualTo(h.rejects.size());
        List<Long> seen = new ArrayList<>(h.lines);
        h.rejects.forEach(r -> seen.add(r.line()));
        seen.sort(null);
        assertThat(seen).as("each non-blank line once").isEqualTo(expected);
        assertThat(h.rejects).allSatisfy(r -> {
            assertThat(r.file()).isEqualTo("fuzz.jsonl");
            assertThat(r.field()).isNotBlank();
            assertThat(r.reason()).isNotBlank();
        });
        assertThat(h.records).allSatisfy(r -> {
            assertThat(r.source()).isNotBlank();
            assertThat(r.id()).isNotBlank();
        });
    }

    /** The physical lines ('\n'-terminated) that hold more than blanks, as the reader numbers them. */
    private static List<Long> nonBlankLines(byte[] bytes) {
        List<Long> out = new ArrayList<>();
        long line = 0;
        int start = 0;
        for (int i = 0; i <= bytes.length; i++) {
            if (i < bytes.length && bytes[i] != '\n') continue;
            if (i == bytes.length && start == bytes.length) break; // no text after the last line break
            line++;
            int from = start;
            if (line == 1 && i - from >= 3 && bytes[from] == BOM[0] && bytes[from + 1] == BOM[1] && bytes[from + 2] == BOM[2]) {
                from += 3;
            }
            boolean blank = true;
            for (int j = from; j < i; j++) {
                if (bytes[j] != ' ' && bytes[j] != '\t' && bytes[j] != '\r') {
                    blank = false;
                    break;
                }
            }
            if (!blank) out.add(line);
            start = i + 1;
        }
        return out;
    }

    @Provide
    Arbitrary<List<String>> endings() {
        return Arbitraries.of("\n", "\r\n", "\r\r\n", " \n").list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<List<byte[]>> files() {
        Arbitrary<byte[]> random = Arbitraries.bytes().array(byte[].class).ofMaxSize(60)
                .map(b -> strip(b)); // a line break inside would only make two lines: the count is checked anyway
        Arbitrary<byte[]> valid = Arbitraries.just(VALID).map(JsonlReaderFuzzPropertiesTest::utf8);
        Arbitrary<byte[]> mutated = Combinators.combine(Arbitraries.integers().between(0, VALID.length() - 1),
                Arbitraries.bytes(), Arbitraries.of("flip", "insert", "delete", "truncate"))
                .as((at, b, how) -> strip(mutate(utf8(VALID), at, b, how)));
        Arbitrary<byte[]> nested = Arbitraries.integers().between(100, 5000).map(depth -> utf8(
                "{\"source\":\"S\",\"id\":\"n\",\"attributes\":{\"x\":" + "[".repeat(depth) + "]".repeat(depth) + "}}"));
        Arbitrary<byte[]> nestedObjects = Arbitraries.integers().between(100, 3000).map(depth -> utf8(
                "{\"source\":\"S\",\"id\":\"o\",\"attributes\":" + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}"));
        Arbitrary<byte[]> huge = Combinators.combine(Arbitraries.of("1e999999999", "-1e-999999999", "9".repeat(900),
                        "9".repeat(5000), "123456789012345678901234567890", "NaN", "Infinity", "0x1F", "1.5e308", "-0"),
                Arbitraries.of("\"id\":\"1\"", "\"dob\":\"1980-01-02\"", "\"phones\":[\"555-0100\"]", "\"source\":\"S\""))
                .as((n, field) -> utf8(VALID.replace(field, field.substring(0, field.indexOf(':') + 1) + n)));
        Arbitrary<byte[]> wrongTypes = Arbitraries.of(
                "{\"source\":\"S\",\"id\":\"w\",\"names\":\"Ann Lee\"}",
                "{\"source\":\"S\",\"id\":\"w\",\"names\":[\"Ann\"]}",
                "{\"source\":\"S\",\"id\":\"w\",\"names\":[{\"given\":[\"Ann\"]}]}",
                "{\"source\":\"S\",\"id\":\"w\",\"phones\":5}",
                "{\"source\":\"S\",\"id\":\"w\",\"phones\":[{}]}",
                "{\"source\":\"S\",\"id\":{\"x\":1}}",
                "{\"source\":null,\"id\":\"w\"}",
                "{\"source\":\"S\",\"id\":\"\"}",
                "{\"source\":\"S\",\"id\":\"w\",\"type\":\"ROBOT\"}",
                "{\"source\":\"S\",\"id\":\"w\",\"identifiers\":[{\"type\":5,\"value\":true}]}",
                "{\"source\":\"S\",\"id\":\"w\",\"identifiers\":[{\"value\":\"X\"}]}",
                "{\"source\":\"S\",\"id\":\"w\",\"events\":[{\"type\":\"ENTRY\",\"date\":[]}]}",
                "{\"source\":\"S\",\"id\":\"w\",\"relationships\":[{\"type\":\"EMPLOYER\"}]}",
                "{\"source\":\"S\",\"id\":\"w\",\"biometrics\":\"yes\"}",
                "{\"source\":\"S\",\"id\":\"w\",\"source\":\"T\"}",
                "{\"source\":\"S\",\"id\":\"w\"}{\"source\":\"S\",\"id\":\"v\"}",
                "[{\"source\":\"S\",\"id\":\"w\"}]", "\"just a string\"", "null", "true", "{}", "{\"\":\"\"}",
                "{\"source\":\"S\",\"id\":\"w\",\"attributes\":[1,2,3]}",
                "{\"source\":\"S\u0000\",\"id\":\"w\"}", "{\"source\":\"S\",\"id\":\"w\\u0000\"}",
                "{\"source\":\"S\",\"id\":\"\\ud800\"}", "{'source':'S','id':'w'}", "{source:S,id:w}")
                .map(JsonlReaderFuzzPropertiesTest::utf8);
        Arbitrary<byte[]> boms = valid.map(v -> concat(BOM, v));
        Arbitrary<byte[]> blanks = Arbitraries.of("", " ", "\t", "\r", " \t \r").map(JsonlReaderFuzzPropertiesTest::utf8);
        Arbitrary<byte[]> invalidUtf8 = Arbitraries.of(new byte[] {(byte) 0xC3, 0x28}, new byte[] {(byte) 0xF0, (byte) 0x28, (byte) 0x8C},
                new byte[] {(byte) 0xFF, (byte) 0xFE}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80})
                .map(bad -> concat(utf8("{\"source\":\"S\",\"id\":\""), concat(bad, utf8("\"}"))));
        return Arbitraries.frequencyOf(Tuple.of(3, valid), Tuple.of(3, random), Tuple.of(4, mutated), Tuple.of(1, nested),
                Tuple.of(1, nestedObjects), Tuple.of(2, huge), Tuple.of(3, wrongTypes), Tuple.of(1, boms),
                Tuple.of(1, blanks), Tuple.of(2, invalidUtf8)).list().ofMaxSize(25);
    }

    private static byte[] mutate(byte[] v, int at, byte b, String how) {
        return switch (how) {
            case "flip" -> {
                byte[] c = v.clone();
                c[at] = b;
                yield c;
            }
            case "insert" -> concat(java.util.Arrays.copyOf(v, at), concat(new byte[] {b}, java.util.Arrays.copyOfRange(v, at, v.length)));
            case "delete" -> concat(java.util.Arrays.copyOf(v, at), java.util.Arrays.copyOfRange(v, at + 1, v.length));
            default -> java.util.Arrays.copyOf(v, at);
        };
    }

    /** Without '\n': each generated line stays one line, so the expected line numbers can be worked out. */
    private static byte[] strip(byte[] b) {
        byte[] c = b.clone();
        for (int i = 0; i < c.length; i++) if (c[i] == '\n') c[i] = ' ';
        return c;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] c = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
