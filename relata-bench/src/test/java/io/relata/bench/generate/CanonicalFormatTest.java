package io.relata.bench.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashSet;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every line must be canonical JSON as record-format.md defines it, and every link must resolve. */
class CanonicalFormatTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Set<String> TOP = Set.of("source", "id", "type", "names", "dob", "gender", "nationalities",
            "addresses", "phones", "emails", "identifiers", "relationships", "events", "biometrics", "attributes");
    private static final Map<String, Set<String>> OBJECT_ARRAYS = Map.of(
            "names", Set.of("full", "given", "middle", "surname", "use"),
            "addresses", Set.of("full", "line1", "line2", "city", "region", "postcode", "country"),
            "identifiers", Set.of("type", "value", "country"),
            "relationships", Set.of("type", "source", "id", "role"),
            "events", Set.of("type", "date", "place", "ref"));
    private static final Set<String> STRING_ARRAYS = Set.of("nationalities", "phones", "emails");
    private static GeneratedOutput out;

    @BeforeAll
    static void generate() {
        out = GeneratedOutput.run(GeneratorConfig.defaults(2024, 30_000).withChunkRecords(10_000));
    }

    @Test
    void everyLineHasOnlyCanonicalKeysAndTypes() throws Exception {
        Set<String> keys = new HashSet<>();
        for (String line : out.lines()) {
            JsonNode r = MAPPER.readTree(line);
            assertThat(r.isObject()).isTrue();
            assertThat(r.path("source").isTextual()).as(line).isTrue();
            assertThat(r.path("id").isTextual()).as(line).isTrue();
            assertThat(keys.add(r.get("source").asText() + ":" + r.get("id").asText())).as("unique id " + line).isTrue();
            for (Iterator<Map.Entry<String, JsonNode>> it = r.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String key = f.getKey();
                JsonNode v = f.getValue();
                assertThat(TOP).as(line).contains(key);
                if (OBJECT_ARRAYS.containsKey(key)) {
                    assertThat(v.isArray() && v.size() > 0).as(line).isTrue();
                    for (JsonNode element : v) {
                        assertThat(element.isObject()).as(line).isTrue();
                        element.fields().forEachRemaining(e -> {
                            assertThat(OBJECT_ARRAYS.get(key)).as(line).contains(e.getKey());
                            assertThat(e.getValue().isTextual() && !e.getValue().asText().isBlank()).as(line).isTrue();
                        });
                    }
                } else if (STRING_ARRAYS.contains(key)) {
                    assertThat(v.isArray() && v.size() > 0).as(line).isTrue();
                    v.forEach(s -> assertThat(s.isTextual()).as(line).isTrue());
                } else if (key.equals("type")) {
                    assertThat(v.asText()).isIn("PERSON", "ORGANIZATION");
                } else {
                    assertThat(v.isTextual()).as(line).isTrue();
                }
            }
            for (JsonNode n : r.path("names")) {
                boolean full = n.has("full");
                assertThat(full != (n.has("given") || n.has("surname"))).as("full xor parts: " + line).isTrue();
                if (n.has("use")) assertThat(n.get("use").asText()).isIn("PRIMARY", "ALIAS");
            }
            if (r.path("type").asText("PERSON").equals("ORGANIZATION")) {
                r.path("names").forEach(n -> assertThat(n.has("full")).isTrue());
            }
        }
    }

    @Test
    void everyRelationshipTargetExistsAndMatchesItsType() throws Exception {
        Map<String, String> typeOf = new java.util.HashMap<>();
        for (String line : out.lines()) {
            JsonNode r = MAPPER.readTree(line);
            typeOf.put(r.get("source").asText() + "," + r.get("id").asText(), r.path("type").asText("PERSON"));
        }
        int links = 0;
        Set<String> linkTypes = new HashSet<>();
        for (String line : out.lines()) {
            JsonNode r = MAPPER.readTree(line);
            String self = r.get("source").asText() + "," + r.get("id").asText();
            for (JsonNode rel : r.path("relationships")) {
                String target = rel.get("source").asText() + "," + rel.get("id").asText();
                assertThat(typeOf).as(line).containsKey(target);
                String type = rel.get("type").asText();
                linkTypes.add(type);
                if (type.equals("FAMILY")) {
                    assertThat(typeOf.get(target)).isEqualTo("PERSON");
                    assertThat(rel.get("role").asText()).isIn("spouse", "parent", "child", "sibling");
                    assertThat(out.entityOf().get(target)).as("a relative is another entity").isNotEqualTo(out.entityOf().get(self));
                } else {
                    assertThat(type).isIn("EMPLOYER", "SCHOOL", "SPONSOR");
                    assertThat(typeOf.get(target)).isEqualTo("ORGANIZATION");
                }
                links++;
            }
        }
        assertThat(links).isGreaterThan(1_000);
        assertThat(linkTypes).containsExactlyInAnyOrder("FAMILY", "EMPLOYER", "SCHOOL", "SPONSOR");
    }

    @Test
    void sourcesWriteInTheirOwnStyles() {
        String all = String.join("\n", out.lines());
        assertThat(all).containsPattern("\"dob\":\"\\d{2}/\\d{2}/\\d{4}\"")     // US month-first
                .containsPattern("\"dob\":\"\\d{2}\\.\\d{2}\\.\\d{4}\"")             // dotted
                .containsPattern("\"dob\":\"\\d{1,2} [A-Z][a-z]{2} \\d{4}\"")       // 3 May 1980
                .containsPattern("\"dob\":\"\\d{8}\"")                               // compact
                .containsPattern("\"dob\":\"\\d{4}\"")                               // year only
                .containsPattern("\"\\(\\d{3}\\) \\d{3}-\\d{4}\"")
                .containsPattern("\"\\+1 \\d{3} \\d{3} \\d{4}\"")
                .containsPattern("\"\\d{3}\\.\\d{3}\\.\\d{4}\"")
                .containsPattern("\"full\":\"[A-Z'\\- ]+, ")                          // SURNAME, Given
                .containsPattern("\\p{IsCyrillic}{3,}")
                .containsPattern("\\p{IsHan}{2,}")
                .containsPattern("\"(Apt|Apartment|Unit) |#\\d")
                .containsPattern("\"value\":\"A\\d{9}\"");
    }
}
