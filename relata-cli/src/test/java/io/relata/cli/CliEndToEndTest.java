package io.relata.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.core.resolve.Feature;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Drives the real {@code relata} command line in-process, the way a user would: files in a temporary
 * directory, arguments as typed, and only what the commands print and write is checked.
 */
class CliEndToEndTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int RECORDS = 2000;

    @TempDir
    static Path shared;
    static Path jsonl, truth;
    static Cli.Run generated;

    /** One generated data set for every test that needs realistic data; generation itself is a test subject. */
    @BeforeAll
    static void generate() {
        generated = Cli.run("generate", "-n", RECORDS, "-o", shared.resolve("gen/x"));
        jsonl = shared.resolve("gen/x.jsonl");
        truth = shared.resolve("gen/x.truth.csv");
    }

    @Test
    void helpWorksOnTheRootAndOnEverySubcommand() {
        Cli.Run root = Cli.run("--help");
        assertThat(root.exit()).as("%s", root).isZero();
        CommandLine cli = RelataCommand.commandLine();
        assertThat(cli.getSubcommands().keySet()).contains("demo", "generate", "resolve", "eval", "why", "how", "model");
        assertThat(root.out()).contains("Usage: relata").contains(cli.getSubcommands().keySet());

        for (Map.Entry<String, CommandLine> sub : cli.getSubcommands().entrySet()) {
            Cli.Run help = Cli.run(sub.getKey(), "--help");
            assertThat(help.exit()).as("%s --help: %s", sub.getKey(), help).isZero();
            assertThat(help.out()).as("%s --help", sub.getKey()).contains("Usage: relata " + sub.getKey());
            for (OptionSpec option : sub.getValue().getCommandSpec().options()) {
                String name = option.longestName(), shown = option.negatable() ? "--[no-]" + name.substring(2) : name;
                assertThat(help.out()).as("%s --help mentions %s", sub.getKey(), name).contains(shown);
            }
        }
    }

    @Test
    void generateWritesRecordsAndTruth() throws IOException {
        assertThat(generated.exit()).as("%s", generated).isZero();
        assertThat(generated.out()).contains("wrote 2,000 records");
        assertThat(Files.readAllLines(jsonl)).hasSize(RECORDS).allSatisfy(line -> assertThat(line).startsWith("{"));
        List<String> truthLines = Files.readAllLines(truth);
        assertThat(truthLines).hasSize(RECORDS + 1);
        assertThat(truthLines.get(0)).isEqualTo("source,id,entity");
    }

    @Test
    void evalJsonPrintsOneObjectWithSaneMetricsAndWritesClusters() throws IOException {
        Path clusters = shared.resolve("eval/clusters.csv"); // its directory is created, as generate's is
        Cli.Run run = Cli.run("eval", "--json", "--truth", truth, "--out", clusters, jsonl);
        assertThat(run.exit()).as("%s", run).isZero();

        JsonNode o = onlyJsonObject(run.out());
        assertThat(o.has("records") && o.has("entities") && o.has("pairwise") && o.has("bcubed")
                && o.has("seconds") && o.has("records_per_second")).as("required keys in %s", o).isTrue();
        assertThat(o.get("records").asInt()).isEqualTo(RECORDS);
        assertThat(o.get("rejected").asInt()).isZero();
        assertThat(o.get("entities").asInt()).isBetween(1, RECORDS);
        for (String metric : List.of("pairwise", "bcubed")) {
            for (String measure : List.of("precision", "recall", "f1")) {
                JsonNode v = o.get(metric).get(measure);
                assertThat(v.isNumber()).as("%s.%s is a number", metric, measure).isTrue();
                assertThat(v.asDouble()).as("%s.%s", metric, measure).isBetween(0.0, 1.0);
            }
        }
        // A generated set is easy enough that a working resolver is far from chance.
        assertThat(o.get("pairwise").get("f1").asDouble()).isGreaterThan(0.5);
        assertThat(o.get("seconds").asDouble()).isPositive();
        assertThat(o.get("records_per_second").asDouble()).isPositive();

        Map<String, List<String>> entities = readClusters(clusters);
        assertThat(entities.values().stream().mapToInt(List::size).sum()).isEqualTo(RECORDS);
        assertThat(entities).hasSize(o.get("entities").asInt());
        assertThat(entities.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(RECORDS);
    }

    @Test
    void resolveWritesEveryRecordsEntity() throws IOException {
        Path clusters = shared.resolve("resolve/clusters.csv");
        Cli.Run run = Cli.run("resolve", "-o", clusters, jsonl);
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("read 2,000 records (2,000 accepted, 0 rejected)");
        Map<String, List<String>> entities = readClusters(clusters);
        assertThat(entities.values().stream().flatMap(List::stream).distinct().count()).isEqualTo(RECORDS);
        // resolve names each entity after one of its records, so the name is itself a member.
        entities.forEach((entity, members) -> assertThat(members).contains(entity));
    }

    @Test
    void whyExplainsTwoRecordsOfOneTrueEntity() throws IOException {
        List<String> pair = readClusters(truth).values().stream().filter(m -> m.size() >= 2).findFirst().orElseThrow();
        String a = pair.get(0), b = pair.get(1);
        Cli.Run run = Cli.run("why", "-p", a, b, jsonl);
        assertThat(run.exit()).as("%s", run).isZero();
        // Header with outcome and match key, e.g. "why A ~ B: MATCH  +NAME+SURNAME+DOB  (same entity)".
        assertThat(run.out()).containsPattern("(?m)^why " + Pattern.quote(a + " ~ " + b) + ": [A-Z_]+ +([+-][A-Z]+)+ ");
        String features = String.join("|", Arrays.stream(Feature.values()).map(Enum::name).toList());
        Matcher rows = Pattern.compile("(?m)^ +(" + features + ") +[A-Z_]+ +[+-]\\d+\\.\\d\\d").matcher(run.out());
        int n = 0;
        while (rows.find()) n++;
        assertThat(n).as("feature rows in%n%s", run.out()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void howListsTheRecordsOfTheEntity() throws IOException {
        Path clusters = shared.resolve("how/clusters.csv");
        assertThat(Cli.run("resolve", "-o", clusters, jsonl).exit()).isZero();
        List<String> biggest = readClusters(clusters).values().stream().max((x, y) -> x.size() - y.size()).orElseThrow();
        assertThat(biggest.size()).isGreaterThanOrEqualTo(2);

        Cli.Run run = Cli.run("how", "-r", biggest.get(0), jsonl);
        assertThat(run.exit()).as("%s", run).isZero();
        Matcher m = Pattern.compile("entity of (\\d+) records: \\[([^]]*)]").matcher(run.out());
        assertThat(m.find()).as("%s", run).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(biggest.size());
        assertThat(new TreeSet<>(List.of(m.group(2).split(", ")))).isEqualTo(new TreeSet<>(biggest));
    }

    @Test
    void modelPrintsEveryFeatureAndASavedModelIsUsable(@TempDir Path dir) throws IOException {
        Cli.Run print = Cli.run("model");
        assertThat(print.exit()).as("%s", print).isZero();
        for (Feature f : Feature.values()) assertThat(print.out()).containsPattern("(?m)^" + f.name() + "$");

        assertThat(onlyJsonObject(Cli.run("model", "--json").out()).isObject()).isTrue();

        Path model = dir.resolve("models/m.json"); // a directory that does not exist yet, as with -o
        Cli.Run save = Cli.run("model", "--save", model);
        assertThat(save.exit()).as("%s", save).isZero();
        assertThat(save.err()).contains("saved " + model);
        assertThat(model).isNotEmptyFile();

        // The saved default model must round-trip: resolving with it gives what the built-in one gives.
        JsonNode builtIn = onlyJsonObject(Cli.run("eval", "--json", "--truth", truth, jsonl).out());
        Cli.Run withSaved = Cli.run("eval", "--json", "--model", model, "--truth", truth, jsonl);
        assertThat(withSaved.exit()).as("%s", withSaved).isZero();
        JsonNode o = onlyJsonObject(withSaved.out());
        assertThat(o.get("entities").asInt()).isEqualTo(builtIn.get("entities").asInt());
        assertThat(o.get("pairwise").get("f1").asDouble()).isCloseTo(builtIn.get("pairwise").get("f1").asDouble(), within(1e-12));
    }

    @Test
    void badRecordsAreRejectedOneByOneAndTheRestIsResolved(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mixed.jsonl");
        Files.writeString(file, String.join("\n",
                "{\"source\":\"S\",\"id\":\"1\",\"names\":[{\"given\":\"Anna\",\"surname\":\"Schmidt\"}],\"dob\":\"1980-05-01\"}",
                "{\"source\":\"S\",\"id\":\"2\", this is not JSON",
                "{\"source\":\"S\",\"id\":\"3\",\"names\":[{\"full\":\"Anna Schmidt\"}],\"colour\":\"red\"}",
                "{\"source\":\"S\",\"names\":[{\"given\":\"Peter\",\"surname\":\"Braun\"}],\"dob\":\"1975-01-02\"}",
                "{\"source\":\"S\",\"id\":\"5\",\"names\":[{\"given\":\"Anna\",\"surname\":\"Schmidt\"}],\"dob\":\"1980-05-01\"}",
                "{\"source\":\"S\",\"id\":\"6\",\"names\":[{\"given\":\"Peter\",\"surname\":\"Braun\"}],\"dob\":\"1975-01-02\"}") + "\n");
        Path truthFile = dir.resolve("mixed.truth.csv");
        Files.writeString(truthFile, "source,id,entity\nS,1,anna\nS,5,anna\nS,6,peter\n");
        Path rejects = dir.resolve("rejects.csv");

        Cli.Run run = Cli.run("eval", "--json", "--truth", truthFile, "--rejects", rejects, file);
        assertThat(run.exit()).as("%s", run).isZero();
        String f = Pattern.quote(file.toString());
        assertThat(run.err())
                .containsPattern(f + ":2: \\(line\\): invalid JSON")
                .containsPattern(f + ":3: colour: unknown key 'colour'")
                .containsPattern(f + ":4: id: .*missing");
        JsonNode o = onlyJsonObject(run.out());
        long lines = Files.readAllLines(file).size();
        assertThat(o.get("records").asInt()).isEqualTo(3);
        assertThat(o.get("rejected").asInt()).isEqualTo(3);
        assertThat(o.get("records").asInt() + o.get("rejected").asInt()).isEqualTo(lines);
        assertThat(o.get("pairwise").get("f1").asDouble()).isEqualTo(1.0);

        List<String> rejectRows = Files.readAllLines(rejects);
        assertThat(rejectRows.get(0)).isEqualTo("file,line,field,reason");
        assertThat(rejectRows.subList(1, rejectRows.size())).hasSize(3)
                .anySatisfy(r -> assertThat(r).contains(",2,(line),"))
                .anySatisfy(r -> assertThat(r).contains(",3,colour,"))
                .anySatisfy(r -> assertThat(r).contains(",4,id,"));

        // resolve reports the same accounting: read = accepted + rejected.
        Cli.Run resolve = Cli.run("resolve", "-o", dir.resolve("c.csv"), file);
        assertThat(resolve.out()).contains("read 6 records (3 accepted, 3 rejected)");
    }

    @Test
    void csvWithAMappingResolves(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("people.csv");
        Files.writeString(csv, """
                customer_no,first,last,born,town,phone
                C1,Anna,Schmidt,01.05.1980,Berlin,030 1234567
                C2,ANNA,SCHMIDT,01.05.1980,Berlin,+49 30 1234567
                C3,Peter,Braun,02.01.1975,Hamburg,040 7654321
                C4,Maria,Keller,17.11.1990,München,
                """, StandardCharsets.UTF_8);
        Path mapping = dir.resolve("people.mapping.json");
        Files.writeString(mapping, """
                {"source": "CRM", "id": "customer_no", "defaultCountry": "DE", "dateFormats": ["dd.MM.yyyy"],
                 "columns": {"first": "names.given", "last": "names.surname", "born": "dob",
                             "town": "addresses.city", "phone": "phones"}}
                """);
        Path clusters = dir.resolve("clusters.csv");
        Cli.Run run = Cli.run("resolve", "--mapping", mapping, "-o", clusters, csv);
        assertThat(run.exit()).as("%s", run).isZero();
        assertThat(run.out()).contains("read 4 records (4 accepted, 0 rejected)");
        assertThat(Files.readAllLines(clusters)).containsExactly(
                "source,id,entity", "CRM,C1,CRM:C1", "CRM,C2,CRM:C1", "CRM,C3,CRM:C3", "CRM,C4,CRM:C4");
    }

    @Test
    void anUnknownOptionOrCommandIsAUsageError() {
        Cli.Run run = Cli.run("eval", "--no-such-option", "--truth", truth, jsonl);
        assertThat(run.exit()).isNotZero();
        assertThat(run.err()).contains("Unknown option: '--no-such-option'").contains("Usage: relata eval");
        assertThat(run.out()).isEmpty();

        Cli.Run command = Cli.run("frobnicate");
        assertThat(command.exit()).isNotZero();
        assertThat(command.err()).contains("frobnicate");
    }

    @Test
    void aMissingFileEndsInOneClearLineNotAStackTrace(@TempDir Path dir) {
        Path missing = dir.resolve("missing.jsonl");
        List<Object[]> commands = new ArrayList<>();
        commands.add(new Object[]{"eval", "--truth", truth, missing});
        commands.add(new Object[]{"resolve", "-o", dir.resolve("c.csv"), missing});
        commands.add(new Object[]{"why", "-p", "A:1", "B:2", missing});
        commands.add(new Object[]{"how", "-r", "A:1", missing});
        for (Object[] args : commands) {
            Cli.Run run = Cli.run(args);
            assertThat(run.exit()).as("%s", run).isEqualTo(RelataCommand.INPUT_ERROR);
            assertThat(run.err()).as("%s", run).isEqualTo("relata: file not found: " + missing + System.lineSeparator());
        }
        assertClearError(Cli.run("eval", "--truth", dir.resolve("missing.truth.csv"), jsonl), "ground truth");
        assertClearError(Cli.run("resolve", "--mapping", dir.resolve("missing.json"), "-o", dir.resolve("c.csv"), jsonl),
                "mapping file not found");
        assertClearError(Cli.run("eval", "--model", dir.resolve("missing-model.json"), "--truth", truth, jsonl), "match model");
        // An id the data does not hold is the user's input too.
        assertClearError(Cli.run("why", "-p", "NOPE:1", "NOPE:2", jsonl), "no record NOPE:1");
    }

    private static void assertClearError(Cli.Run run, String mentions) {
        assertThat(run.exit()).as("%s", run).isEqualTo(RelataCommand.INPUT_ERROR);
        assertThat(run.err()).as("%s", run).startsWith("relata: ").contains(mentions)
                .doesNotContain("Exception").doesNotContain("\tat ");
    }

    /** The whole of stdout must be exactly one JSON object: scripts pipe it straight into a parser. */
    private static JsonNode onlyJsonObject(String stdout) throws IOException {
        List<JsonNode> values = new ArrayList<>();
        try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(stdout)) {
            while (it.hasNext()) values.add(it.next());
        }
        assertThat(values).as("JSON values on stdout:%n%s", stdout).hasSize(1);
        assertThat(values.get(0).isObject()).isTrue();
        return values.get(0);
    }

    /** A source,id,entity file (clusters or truth) as entity -> SOURCE:ID of its records, in file order. */
    private static Map<String, List<String>> readClusters(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("source,id,entity");
        Map<String, List<String>> entities = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as(line).hasSize(3); // generated ids hold no commas or quotes
            entities.computeIfAbsent(cells[2], e -> new ArrayList<>()).add(cells[0] + ":" + cells[1]);
        }
        return entities;
    }
}
