package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.app.Ingest;
import io.relata.app.Workspace;
import io.relata.app.privacy.FoundRecord;
import io.relata.app.privacy.RecordFinder;
import io.relata.app.privacy.Requester;
import io.relata.bench.generate.GeneratorConfig;
import io.relata.bench.generate.PopulationGenerator;
import io.relata.core.ingest.Reject;
import io.relata.core.model.RecordKey;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An access request misses none of a person's records: on a generated population (deterministic by seed, with ground
 * truth of which records are one person, and the generator's name, date, transliteration and typing errors), every
 * record of each of many persons is among the records found for a request made with that person's name and birth
 * date as the person would give them.
 */
class AccessRequestGeneratedPopulationTest {
    static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static Workspace ws;
    /** Per true person, their records as the sources hold them. */
    static final Map<String, List<JsonNode>> persons = new LinkedHashMap<>();

    @BeforeAll
    static void load() throws IOException {
        Path jsonl = dir.resolve("pop.jsonl"), truth = dir.resolve("pop.truth.csv");
        new PopulationGenerator().generate(GeneratorConfig.defaults(11, 3000).withoutPatterns(), jsonl, truth);
        ws = Workspace.open(dir.resolve("store").toString());
        new Ingest(ws, 500).run(List.of(jsonl), null, new Ingest.Listener() {
            @Override
            public void progress(long read, long accepted, long rejected) {
            }

            @Override
            public void rejected(Reject reject) {
            }
        });
        Map<RecordKey, String> personOf = new HashMap<>();
        for (String line : Files.readAllLines(truth, StandardCharsets.UTF_8).subList(1, Files.readAllLines(truth).size())) {
            String[] cells = line.split(",");
            personOf.put(new RecordKey(cells[0], cells[1]), cells[2]);
        }
        for (String line : Files.readAllLines(jsonl, StandardCharsets.UTF_8)) {
            JsonNode r = JSON.readTree(line);
            if (r.path("type").asText("PERSON").equals("PERSON") && ws.resolver().contains(key(r))) {
                persons.computeIfAbsent(personOf.get(key(r)), k -> new ArrayList<>()).add(r);
            }
        }
    }

    @AfterAll
    static void close() {
        ws.close();
    }

    static RecordKey key(JsonNode r) {
        return new RecordKey(r.path("source").asText(), r.path("id").asText());
    }

    /**
     * What the person would write: their full name (the fullest form their records give, the most common among
     * those) and the birth date most of their records give, never a source's placeholder date.
     */
    private static final String PLACEHOLDER_DOB = "1900-01-01";

    static Requester requester(List<JsonNode> records) {
        Function<JsonNode, String> primaryName = r -> {
            JsonNode n = r.path("names").path(0);
            return n.has("full") ? n.path("full").asText() : (n.path("given").asText() + " " + n.path("middle").asText()
                    + " " + n.path("surname").asText()).strip().replaceAll("\\s+", " ");
        };
        int parts = records.stream().mapToInt(r -> primaryName.apply(r).split(" ").length).max().orElse(0);
        String name = mostCommon(records, r -> primaryName.apply(r).split(" ").length == parts ? primaryName.apply(r) : null);
        String dob = mostCommon(records, r -> r.path("dob").isTextual() && !r.path("dob").asText().equals(PLACEHOLDER_DOB)
                ? r.path("dob").asText() : null);
        return Requester.named(name, dob);
    }

    static String mostCommon(List<JsonNode> records, Function<JsonNode, String> value) {
        Map<String, Long> counts = new TreeMap<>();
        for (JsonNode r : records) {
            String v = value.apply(r);
            if (v != null && !v.isBlank()) counts.merge(v, 1L, Long::sum);
        }
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    @Test
    void everyRecordOfEachOfManyPersonsIsFoundDespiteTheSourcesVariants() {
        List<Map.Entry<String, List<JsonNode>>> many = persons.entrySet().stream()
                .filter(e -> e.getValue().size() >= 2)
                .sorted(Comparator.comparing(Map.Entry::getKey)).limit(400).toList();
        assertThat(many).hasSizeGreaterThanOrEqualTo(300);
        RecordFinder finder = new RecordFinder(ws);
        List<String> missed = new ArrayList<>();
        long candidates = 0, variants = 0;
        for (Map.Entry<String, List<JsonNode>> p : many) {
            Requester requester = requester(p.getValue());
            List<FoundRecord> found = finder.find(requester);
            candidates += found.size();
            Set<RecordKey> keys = found.stream().map(FoundRecord::record).collect(Collectors.toSet());
            for (JsonNode r : p.getValue()) {
                if (!keys.contains(key(r))) missed.add(p.getKey() + " " + requester + ": " + r);
            }
            // the person's records differ among themselves: names and dates vary across sources
            if (p.getValue().stream().map(r -> r.path("names").toString() + r.path("dob")).distinct().count() > 1) variants++;
        }
        System.out.printf("access requests for %d persons: %d candidate records in all (%.1f per request), %d persons "
                + "with variant records%n", many.size(), candidates, candidates / (double) many.size(), variants);
        assertThat(missed).isEmpty();
        assertThat(variants).as("persons whose records differ").isGreaterThan(many.size() / 2);
    }
}
