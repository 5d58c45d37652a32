package io.relata.core.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

class JsonlReaderPropertiesTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A line and whether it is a valid record by construction. */
    record Line(String text, boolean valid) {}

    @Property(tries = 300)
    void everyNonBlankLineIsAcceptedOrRejectedAndNothingEscapes(@ForAll("lines") List<Line> lines) {
        StringBuilder file = new StringBuilder();
        for (Line l : lines) file.append(l.text()).append('\n');
        CollectingHandler h = new CollectingHandler();
        LoadCounts c = new JsonlReader().read(
                new ByteArrayInputStream(file.toString().getBytes(StandardCharsets.UTF_8)), "p.jsonl", h);

        long nonBlank = java.util.Arrays.stream(file.toString().split("\n"))
                .filter(s -> !s.chars().allMatch(ch -> ch == ' ' || ch == '\t' || ch == '\r')).count();
        long valid = lines.stream().filter(Line::valid).count();
        assertThat(c.read()).isEqualTo(c.accepted() + c.rejected()).isEqualTo(nonBlank);
        assertThat(c.accepted()).isEqualTo(h.records.size()).isGreaterThanOrEqualTo(valid);
        assertThat(c.rejected()).isEqualTo(h.rejects.size());
        assertThat(h.rejects).allSatisfy(r -> assertThat(r.line()).isPositive());
    }

    @Provide
    Arbitrary<List<Line>> lines() {
        Arbitrary<String> text = Arbitraries.strings().all().excludeChars('\uFEFF', '\u2028', '\u2029', '\u0085', '\u000B', '\u000C')
                .ofMaxLength(40);
        Arbitrary<Line> garbage = text.map(s -> new Line(s, false));
        Arbitrary<Line> valid = Arbitraries.of("given", "surname", "full").flatMap(part -> text.list().ofMaxSize(3)
                .map(values -> new Line(record(part, values), true)));
        Arbitrary<Line> truncated = valid.flatMap(l -> Arbitraries.integers().between(0, l.text().length())
                .map(n -> new Line(l.text().substring(0, n), false)));
        Arbitrary<Line> jsonish = Arbitraries.of("{", "}", "[", "]", "\"", ":", ",", "null", "1", "\"source\"", "\"id\"",
                "\"names\"", "{\"full\":", "\"x\"", " ").list().ofMaxSize(12).map(t -> new Line(String.join("", t), false));
        return Arbitraries.frequencyOf(
                Tuple.of(3, valid), Tuple.of(2, garbage),
                Tuple.of(2, truncated), Tuple.of(2, jsonish)).list().ofMaxSize(30);
    }

    private static String record(String part, List<String> values) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("source", "S");
        r.put("id", "id" + values.size());
        r.put("names", values.stream().map(v -> Map.of(part, v)).toList());
        r.put("phones", values);
        r.put("attributes", Map.of("raw", values));
        try {
            return JSON.writeValueAsString(r);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
