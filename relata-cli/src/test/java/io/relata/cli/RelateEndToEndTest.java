package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.store.EmbeddedPostgresHolder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Relationship discovery end to end through the real command line, on H2 and on PostgreSQL: a small planted
 * population (a shared phone, a shared flat, a disclosed brother, a common employer, two people who flew
 * together twice, a ring sharing identifiers, fifteen strangers at a shelter), queried with network, path,
 * common and patterns, and then changed so that the graph must follow.
 */
class RelateEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private String store(String backend) {
        return backend.equals("h2") ? dir.resolve("store").toString() : EmbeddedPostgresHolder.newDatabase();
    }

    static String person(String id, String given, String surname, String dob, String extra) {
        return "{\"source\":\"S\",\"id\":\"" + id + "\",\"names\":[{\"given\":\"" + given + "\",\"surname\":\"" + surname
                + "\"}],\"dob\":\"" + dob + "\"" + (extra.isEmpty() ? "" : "," + extra) + "}";
    }

    static String address(String line1, String postcode) {
        return "\"addresses\":[{\"line1\":\"" + line1 + "\",\"city\":\"Springfield\",\"region\":\"IL\",\"postcode\":\""
                + postcode + "\",\"country\":\"US\"}]";
    }

    private Path population() throws IOException {
        List<String> lines = new ArrayList<>(List.of(
                person("A", "Anna", "Kowalski", "1980-01-01", "\"phones\":[\"(217) 344-0101\"],"
                        + "\"relationships\":[{\"type\":\"EMPLOYER\",\"source\":\"S\",\"id\":\"ORG\"}]"),
                person("B", "Boris", "Ivanov", "1975-02-02", "\"phones\":[\"217-344-0101\"]," + address("77 Elm St", "62702")),
                person("C", "Carla", "Mendes", "1990-03-03", address("77 Elm Street", "62702")),
                person("D", "Dmitri", "Petrov", "1985-04-04", "\"relationships\":[{\"type\":\"FAMILY\",\"source\":\"S\","
                        + "\"id\":\"C\",\"role\":\"brother\"},{\"type\":\"EMPLOYER\",\"source\":\"S\",\"id\":\"ORG\"}]"),
                "{\"source\":\"S\",\"id\":\"ORG\",\"type\":\"ORGANIZATION\",\"names\":[{\"full\":\"Acme Logistics LLC\"}]}",
                person("E", "Eva", "Lind", "1970-05-05", "\"events\":[{\"type\":\"ENTRY\",\"date\":\"2024-01-05\",\"ref\":\"UA100\"},"
                        + "{\"type\":\"EXIT\",\"date\":\"2024-02-10\",\"ref\":\"UA200\"}]"),
                person("F", "Femi", "Adeyemi", "1971-06-06", "\"events\":[{\"type\":\"ENTRY\",\"date\":\"2024-01-05\",\"ref\":\"UA 100\"},"
                        + "{\"type\":\"EXIT\",\"date\":\"2024-02-10\",\"ref\":\"ua200\"}]"),
                person("R1", "Ruth", "Okafor", "1961-07-07", "\"identifiers\":[{\"type\":\"SSN\",\"value\":\"521-45-6789\"},"
                        + "{\"type\":\"A_NUMBER\",\"value\":\"A123456789\"}]"),
                person("R2", "Marco", "Bellini", "1966-08-08", "\"identifiers\":[{\"type\":\"SSN\",\"value\":\"521456789\"}],"
                        + "\"phones\":[\"312-649-0199\"]"),
                person("R3", "Yuki", "Tanaka", "1969-09-09", "\"identifiers\":[{\"type\":\"A_NUMBER\",\"value\":\"A123456789\"}],"
                        + "\"phones\":[\"(312) 649-0199\"]")));
        String[] given = {"Liam", "Noah", "Olivia", "Emma", "Ava", "Mia", "Lucas", "Ethan", "Amir", "Sofia", "Hana", "Ivan",
                "Pedro", "Zara", "Omar"};
        String[] surname = {"Smith", "Garcia", "Nguyen", "Khan", "Rossi", "Muller", "Silva", "Cohen", "Haddad", "Park",
                "Sato", "Novak", "Costa", "Dubois", "Ali"};
        for (int i = 0; i < given.length; i++) {
            lines.add(person("H" + i, given[i], surname[i], (1950 + i) + "-10-1" + (i % 9), address("1 Shelter Way", "62701")));
        }
        return Files.write(dir.resolve("pop.jsonl"), lines, StandardCharsets.UTF_8);
    }

    private static JsonNode json(Object... args) throws IOException {
        Cli.Run run = Cli.run(args);
        assertThat(run.exit()).as("%s", run).isZero();
        return JSON.readTree(run.out());
    }

    private static Set<String> records(JsonNode entities) {
        Set<String> out = new HashSet<>();
        for (JsonNode e : entities) e.get("records").forEach(r -> out.add(r.asText()));
        return out;
    }

    private static Set<String> evidenceTypes(JsonNode relation) {
        Set<String> out = new HashSet<>();
        relation.get("evidence").forEach(e -> out.add(e.get("type").asText()));
        return out;
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void relations_paths_patterns_and_upkeep(String backend) throws IOException {
        String db = store(backend);
        Cli.Run load = Cli.run("ingest", "--db", db, "--country", "S=US", population());
        assertThat(load.exit()).as("%s", load).isZero();

        JsonNode net = json("network", "--db", db, "S:A", "--hops", "2", "--json");
        assertThat(records(net.get("nodes"))).containsExactlyInAnyOrder("S:A", "S:B", "S:C", "S:D", "S:ORG");
        for (JsonNode edge : net.get("edges")) {
            assertThat(edge.get("strength").asDouble()).isBetween(0.0, 1.0);
            assertThat(edge.get("evidence")).isNotEmpty();
        }
        JsonNode ab = edge(net, "S:A", "S:B");
        assertThat(evidenceTypes(ab)).containsExactly("SHARED_PHONE");
        assertThat(evidenceTypes(edge(net, "S:A", "S:D"))).contains("SHARED_EMPLOYER");
        assertThat(evidenceTypes(edge(net, "S:A", "S:ORG"))).containsExactly("DISCLOSED");

        JsonNode onlyPhones = json("network", "--db", db, "S:A", "--hops", "2", "--types", "SHARED_PHONE", "--json");
        assertThat(records(onlyPhones.get("nodes"))).containsExactlyInAnyOrder("S:A", "S:B");

        JsonNode shelter = json("network", "--db", db, "S:H0", "--json");
        assertThat(shelter.get("edges")).isEmpty();
        assertThat(shelter.get("hidden_generic").size()).isEqualTo(1);
        assertThat(shelter.get("hidden_generic").elements().next().asInt()).isEqualTo(15);

        // D is C's brother (strong), and D and A both name ORG as employer (weaker as a shared value than as
        // two disclosed links), so the 3-hop path through ORG beats the 2-hop one through the shared employer
        JsonNode paths = json("path", "--db", db, "S:D", "S:B", "-k", "3", "--json");
        List<List<String>> routes = new ArrayList<>();
        double previous = 1;
        for (JsonNode p : paths) {
            JsonNode entities = p.get("entities");
            List<String> route = new ArrayList<>();
            entities.forEach(e -> route.add(e.get("records").get(0).asText()));
            routes.add(route);
            assertThat(p.get("length").asInt()).isEqualTo(route.size() - 1);
            for (int i = 0; i < p.get("length").asInt(); i++) { // each hop runs from one entity of the path to the next
                assertThat(p.get("hops").get(i).get("from").asLong()).isEqualTo(entities.get(i).get("entity").asLong());
                assertThat(p.get("hops").get(i).get("to").asLong()).isEqualTo(entities.get(i + 1).get("entity").asLong());
            }
            assertThat(p.get("strength").asDouble()).isLessThanOrEqualTo(previous);
            previous = p.get("strength").asDouble();
        }
        assertThat(routes).containsExactly(List.of("S:D", "S:C", "S:B"), List.of("S:D", "S:ORG", "S:A", "S:B"),
                List.of("S:D", "S:A", "S:B"));
        assertThat(json("path", "--db", db, "S:D", "S:B", "-k", "3", "--max-hops", "2", "--json")).hasSize(2);

        JsonNode common = json("common", "--db", db, "S:A", "S:C", "--json");
        assertThat(common).hasSize(2); // B (phone with A, flat with C) before D (A's co-worker, C's brother)
        assertThat(common.get(0).get("entity").get("records").get(0).asText()).isEqualTo("S:B");
        assertThat(common.get(1).get("entity").get("records").get(0).asText()).isEqualTo("S:D");

        JsonNode rings = json("patterns", "--db", db, "--pattern", "identity-ring", "--json");
        assertThat(rings).hasSize(1);
        assertThat(rings.get(0).get("pattern").asText()).isEqualTo("identity-ring");
        assertThat(records(rings.get(0).get("members"))).containsExactlyInAnyOrder("S:R1", "S:R2", "S:R3");
        assertThat(rings.get(0).get("evidence").toString()).contains("SSN", "A_NUMBER");
        JsonNode travel = json("patterns", "--db", db, "--pattern", "co-travel", "--json");
        assertThat(travel).hasSize(1);
        assertThat(records(travel.get(0).get("members"))).containsExactlyInAnyOrder("S:E", "S:F");
        JsonNode addresses = json("patterns", "--db", db, "--pattern", "shared-address", "--json");
        assertThat(addresses).as("the shelter is generic, not a lead").isEmpty();

        // upkeep: without B, A and C are no longer two hops apart
        assertThat(Cli.run("delete", "--db", db, "--source", "S", "--id", "B").exit()).isZero();
        JsonNode after = json("network", "--db", db, "S:A", "--hops", "2", "--json");
        assertThat(records(after.get("nodes"))).containsExactlyInAnyOrder("S:A", "S:D", "S:ORG", "S:C");
        assertThat(json("path", "--db", db, "S:A", "S:C", "--max-hops", "1", "--json")).isEmpty();
        Cli.Run unknown = Cli.run("network", "--db", db, "S:B");
        assertThat(unknown.exit()).isEqualTo(RelataCommand.INPUT_ERROR);
        assertThat(unknown.err()).contains("no active record S:B");
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void leads_are_stored_and_keep_their_disposition(String backend) throws IOException {
        String db = store(backend);
        Cli.Run load = Cli.run("ingest", "--db", db, "--country", "S=US", population());
        assertThat(load.exit()).as("%s", load).isZero();
        // the load itself scanned what it touched (everything), so the leads are there without a scan
        JsonNode rings = json("leads", "--db", db, "--pattern", "identity-ring", "--json");
        assertThat(rings).hasSize(1);
        assertThat(records(rings.get(0).get("members"))).containsExactlyInAnyOrder("S:R1", "S:R2", "S:R3");
        long id = rings.get(0).get("id").asLong();
        Cli.Run dispose = Cli.run("leads", "dispose", "--db", db, id, "--status", "ESCALATED", "--note", "ring of three",
                "--analyst", "ana");
        assertThat(dispose.exit()).as("%s", dispose).isZero();

        json("patterns", "--db", db, "--json"); // found again: same id, disposition kept
        JsonNode again = json("leads", "--db", db, "--pattern", "identity-ring", "--json");
        assertThat(again.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(again.get(0).get("status").asText()).isEqualTo("ESCALATED");
        assertThat(again.get(0).get("disposed_by").asText()).isEqualTo("ana");

        // R3 withdrawn: two identities sharing an SSN are a shared contact, no longer a ring; the withdrawal's own
        // re-scan retires the ring and keeps the SSN lead
        assertThat(Cli.run("delete", "--db", db, "--source", "S", "--id", "R3").exit()).isZero();
        assertThat(json("leads", "--db", db, "--pattern", "identity-ring", "--status", "RETIRED", "--json")).hasSize(1);
        JsonNode contacts = json("leads", "--db", db, "--pattern", "shared-contact", "--status", "OPEN", "--json");
        assertThat(contacts).anySatisfy(l -> assertThat(records(l.get("members"))).containsExactlyInAnyOrder("S:R1", "S:R2"));
        assertThat(contacts).noneSatisfy(l -> assertThat(records(l.get("members"))).contains("S:R3"));
        // and it comes back when R3 does, from the load's re-scan of what it touched
        Path back = Files.write(dir.resolve("back.jsonl"), List.of(person("R3", "Yuki", "Tanaka", "1969-09-09",
                "\"identifiers\":[{\"type\":\"A_NUMBER\",\"value\":\"A123456789\"}],\"phones\":[\"(312) 649-0199\"]")),
                StandardCharsets.UTF_8);
        Cli.Run reload = Cli.run("ingest", "--db", db, "--country", "S=US", back);
        assertThat(reload.exit()).as("%s", reload).isZero();
        JsonNode revived = json("leads", "--db", db, "--pattern", "identity-ring", "--json");
        assertThat(revived).hasSize(1);
        assertThat(revived.get(0).get("id").asLong()).isEqualTo(id);
        assertThat(records(revived.get(0).get("members"))).containsExactlyInAnyOrder("S:R1", "S:R2", "S:R3");
        assertThat(json("leads", "--db", db, "--pattern", "identity-ring", "--status", "ESCALATED", "--json")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"h2", "postgresql"})
    void a_watched_entity_trips_alerts_during_ingestion(String backend) throws IOException {
        String db = store(backend);
        assertThat(Cli.run("ingest", "--db", db, "--country", "S=US", population()).exit()).isZero();
        assertThat(Cli.run("case", "create", "--db", db, "Harbor", "--analyst", "ana").exit()).isZero();
        Cli.Run watch = Cli.run("watch", "add", "--db", db, "S:A", "--case", "Harbor", "--hops", "2", "--analyst", "ana");
        assertThat(watch.exit()).as("%s", watch).isZero();
        assertThat(json("alerts", "--db", db, "--json")).isEmpty();

        // another record of Anna herself, and a stranger who shares Boris's phone (two hops from Anna)
        Path more = Files.write(dir.resolve("more.jsonl"), List.of(
                person("A2", "Anna", "Kowalski", "01/01/1980", "\"phones\":[\"+1 217 344 0101\"]"),
                person("G", "Gustav", "Berg", "1999-12-12", "\"emails\":[\"gb@example.org\"]"),
                person("B2", "Boris", "Ivanov", "1975-02-02", "\"emails\":[\"gb@example.org\"]")),
                StandardCharsets.UTF_8);
        Cli.Run load = Cli.run("ingest", "--db", db, "--country", "S=US", more);
        assertThat(load.exit()).as("%s", load).isZero();
        assertThat(load.out()).contains("alerts: ");
        JsonNode alerts = json("alerts", "--db", db, "--case", "Harbor", "--json");
        Set<String> seen = new HashSet<>();
        for (JsonNode a : alerts) seen.add(a.get("kind").asText() + " " + a.get("trigger").asText() + " " + a.get("distance").asInt());
        assertThat(seen).contains("RESOLVED_INTO S:A2 0", "NEW_RELATIONSHIP S:B2 1");
        assertThat(seen).noneMatch(x -> x.contains("S:G ")); // G's only relation (to B2's entity) is 2 hops from Anna
        JsonNode first = alerts.get(0);
        Cli.Run ack = Cli.run("alerts", "dispose", "--db", db, first.get("id").asLong(), "--status", "ACKNOWLEDGED",
                "--note", "seen", "--analyst", "ana");
        assertThat(ack.exit()).as("%s", ack).isZero();
        assertThat(json("alerts", "--db", db, "--status", "OPEN", "--json")).hasSize(alerts.size() - 1);
    }

    private static JsonNode edge(JsonNode network, String a, String b) {
        long ea = entityOf(network, a), eb = entityOf(network, b);
        for (JsonNode e : network.get("edges")) {
            long f = e.get("from").asLong(), t = e.get("to").asLong();
            if (f == ea && t == eb || f == eb && t == ea) return e;
        }
        throw new AssertionError("no edge " + a + " -- " + b + " in " + network);
    }

    private static long entityOf(JsonNode network, String record) {
        for (JsonNode n : network.get("nodes")) {
            for (JsonNode r : n.get("records")) if (r.asText().equals(record)) return n.get("entity").asLong();
        }
        throw new AssertionError("no node with " + record);
    }
}
