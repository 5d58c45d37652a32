package io.relata.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.relata.app.Workspace;
import io.relata.app.privacy.AccessRequests;
import io.relata.app.privacy.FoundRecord;
import io.relata.app.privacy.RecordFinder;
import io.relata.app.privacy.Requester;
import io.relata.core.resolve.FeatureEvidence;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code relata access-request}: an individual's request for their records, from the command line for scripted
 * checks. Like the other read commands on a local store ({@code search}, {@code entity}), it reads the store directly:
 * whoever runs it holds the store itself. Requests themselves are worked through the server, which guards and audits.
 */
@Command(name = "access-request", mixinStandardHelpOptions = true,
        description = "Individuals' access requests: find every record that may relate to a requester.",
        subcommands = {AccessRequestCommand.Find.class, AccessRequestCommand.DueDays.class})
final class AccessRequestCommand {
    @Command(name = "find", mixinStandardHelpOptions = true,
            description = "List every record that may relate to the person described, as SOURCE:ID with its score "
                    + "against the description and the explanation (match key, each feature's level and weight), best "
                    + "first. Recall comes first: a person's records are found despite name variants, transliteration, "
                    + "nicknames, swapped day and month or a missing birth date, so some candidates will be others'.")
    static final class Find implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Option(names = "--name", required = true, description = "A full name, in any order (repeat for other names "
                + "the person was known by).")
        List<String> names;
        @Option(names = "--dob", description = "Birth date, in any common form.")
        String dob;
        @Option(names = "--address", description = "An address on one line (repeatable).")
        List<String> addresses = new ArrayList<>();
        @Option(names = "--phone", description = "A phone number (repeatable).")
        List<String> phones = new ArrayList<>();
        @Option(names = "--email", description = "An e-mail address (repeatable).")
        List<String> emails = new ArrayList<>();
        @Option(names = "--id", paramLabel = "TYPE:VALUE", description = "An identifier, e.g. PASSPORT:X1234567 (repeatable).")
        List<String> identifiers = new ArrayList<>();
        @Option(names = "--json", description = "Print a JSON array of {record, entity, score, outcome, match_key, explanation}.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            Requester requester = new Requester(names, dob, addresses, phones, emails, identifiers);
            try (Workspace ws = store.workspace()) {
                List<FoundRecord> found = new RecordFinder(ws).find(requester);
                if (json) {
                    ObjectMapper mapper = new ObjectMapper();
                    ArrayNode out = mapper.createArrayNode();
                    for (FoundRecord f : found) {
                        ObjectNode x = out.addObject().put("record", f.record().toString()).put("entity", f.entity())
                                .put("score", f.score()).put("outcome", f.explanation().outcome().name())
                                .put("match_key", f.matchKey());
                        ArrayNode why = x.putArray("explanation");
                        for (FeatureEvidence e : f.explanation().features()) {
                            why.addObject().put("feature", e.feature().name()).put("level", e.level())
                                    .put("weight", e.weight()).put("conflict", e.conflict());
                        }
                    }
                    System.out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(out));
                } else {
                    if (found.isEmpty()) System.out.println("no record may relate to this person");
                    for (FoundRecord f : found) {
                        List<String> why = new ArrayList<>();
                        for (FeatureEvidence e : f.explanation().features()) {
                            why.add(String.format(Locale.ROOT, "%s %s %+.2f", e.feature(), e.level(), e.weight()));
                        }
                        System.out.printf(Locale.ROOT, "%-28s entity %-8d %+7.2f  %-16s %s  (%s)%n", f.record(), f.entity(),
                                f.score(), f.explanation().outcome(), f.matchKey(), String.join("; ", why));
                    }
                    System.err.printf("%d candidate record(s)%n", found.size());
                }
            }
            return 0;
        }
    }

    @Command(name = "due-days", mixinStandardHelpOptions = true,
            description = "Show, or set, the days from a request's receipt to its due date (default "
                    + AccessRequests.DEFAULT_DUE_DAYS + ").")
    static final class DueDays implements Callable<Integer> {
        @Mixin
        StoreOptions store;
        @Parameters(index = "0", arity = "0..1", paramLabel = "DAYS", description = "The days to respond (1-365).")
        Integer days;

        @Override
        public Integer call() {
            try (Workspace ws = store.workspace()) {
                if (days != null) AccessRequests.setDueDays(ws.store(), days);
                System.out.printf("access requests are due %d days after they are received%n", AccessRequests.dueDays(ws.store()));
            }
            return 0;
        }
    }
}
