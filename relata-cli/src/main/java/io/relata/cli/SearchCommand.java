package io.relata.cli;

import io.relata.app.Search;
import io.relata.app.Workspace;
import io.relata.core.model.Address;
import io.relata.core.model.Identifier;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.resolve.live.SearchHit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;
import java.util.concurrent.Callable;

/** {@code relata search}: finds entities by attributes, fuzzily, ranked by the model's odds. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = "Find entities by attributes. Values are standardized like records, so a misspelled or "
                + "transliterated name, a swapped date or a reformatted phone still finds its entity. Results are "
                + "ranked possible matches for a person to judge.")
final class SearchCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store;

    @Option(names = "--name", description = "A full name, in any order.")
    String name;
    @Option(names = "--given", description = "Given name.")
    String given;
    @Option(names = "--surname", description = "Surname.")
    String surname;
    @Option(names = "--dob", description = "Birth date, in any common form.")
    String dob;
    @Option(names = "--phone", description = "Phone number.")
    String phone;
    @Option(names = "--email", description = "E-mail address.")
    String email;
    @Option(names = "--id", paramLabel = "TYPE:VALUE", description = "An identifier, e.g. PASSPORT:X1234567.")
    String identifier;
    @Option(names = "--address", description = "A postal address on one line.")
    String address;
    @Option(names = "--organization", description = "Search organizations by this name.")
    String organization;
    @Option(names = "--limit", defaultValue = "10", description = "At most this many entities (default: ${DEFAULT-VALUE}).")
    int limit;

    @Override
    public Integer call() {
        Record.Builder q = Record.builder("SEARCH", "query");
        if (organization != null) {
            q.type(io.relata.core.model.EntityType.ORGANIZATION).name(Name.full(organization));
        }
        if (name != null) q.name(Name.full(name));
        if (given != null || surname != null) q.name(Name.of(given, null, surname));
        if (dob != null) q.dob(dob);
        if (phone != null) q.phone(phone);
        if (email != null) q.email(email);
        if (identifier != null) {
            int colon = identifier.indexOf(':');
            if (colon <= 0) throw new IllegalArgumentException("--id takes TYPE:VALUE, e.g. PASSPORT:X1234567");
            q.identifier(new Identifier(identifier.substring(0, colon), identifier.substring(colon + 1), null));
        }
        if (address != null) q.address(Address.full(address));
        Record query = q.build();
        if (query.names().isEmpty() && query.phones().isEmpty() && query.emails().isEmpty() && query.identifiers().isEmpty()) {
            throw new IllegalArgumentException("give a name, phone, e-mail or identifier to search by");
        }
        try (Workspace ws = store.workspace()) {
            long t0 = System.nanoTime();
            List<SearchHit> hits = new Search(ws).run(query, limit);
            double ms = (System.nanoTime() - t0) / 1e6;
            if (hits.isEmpty()) System.out.println("no entity fits");
            for (SearchHit h : hits) {
                System.out.printf("entity %-8d %-24s %+7.2f  p=%.3f  %s%s%n", h.entityId(), h.record(), h.weight(),
                        h.probability(), h.matchKey(), h.match() ? "  (match)" : "");
            }
            System.err.printf("%d hits in %.1f ms%n", hits.size(), ms);
        }
        return 0;
    }
}
