package io.relata.cli;

import io.relata.app.Workspace;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import io.relata.server.RelataServer;
import io.relata.server.ServerConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code relata demo}: the whole system on generated data. A multi-source population is resolved into a fresh
 * embedded store, accounts and a case with a watch are made, a second extract trips the watch, the pattern scan
 * stores its leads, and the server starts with the web application.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Generate a multi-source population, load it into a fresh demo store, make one account per role "
                + "(random passwords, printed), a case with subjects and a watch, load a second extract that trips the "
                + "watch, scan for leads, then serve the web application until stopped (Ctrl-C).")
final class DemoCommand implements Callable<Integer> {
    @Option(names = {"-n", "--records"}, defaultValue = "20000", description = "How many records (default: ${DEFAULT-VALUE}).")
    int records;

    @Option(names = "--seed", defaultValue = "7", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", defaultValue = "relata-data/demo", description = "Where the generated files go (default: ${DEFAULT-VALUE}).")
    Path dir;

    @Option(names = "--store", defaultValue = "relata-data/demo-store",
            description = "The demo's embedded store, emptied first (only a directory an earlier demo made is; default: ${DEFAULT-VALUE}).")
    Path store;

    @Option(names = "--port", defaultValue = "8080", description = "The port to serve on (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "The address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--no-serve", description = "Set everything up and print the summary, but do not start the server.")
    boolean noServe;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        long t0 = System.nanoTime();
        DemoSetup.freshStore(store);
        try (Workspace ws = Workspace.open(store.toString())) {
            AuditTrail audit = new AuditTrail(ws.store(), AuditKey.loadOrCreate(AuditKey.defaultFile(store.toString(), System.getenv())));
            DemoSetup.Result r = DemoSetup.run(ws, audit, dir, records, seed, System.err);
            print(out, r, (System.nanoTime() - t0) / 1e9);
            if (noServe) return 0;
            ServerConfig config = ServerConfig.defaults().withDb(store.toString()).withHost(host).withPort(port);
            try (RelataServer server = new RelataServer(config, ws, audit, Clock.systemUTC())) {
                int p = server.start();
                out.printf("%nRelata serves the demo on http://%s:%d/  (Ctrl-C stops it; the store stays in %s:%n"
                        + "  ./relata serve --db %s  serves it again, with the same accounts)%n", host, p, store, store);
                out.printf("Sign in as analyst with the password above to start.%n");
                out.flush();
                CountDownLatch stop = new CountDownLatch(1);
                Runtime.getRuntime().addShutdownHook(new Thread(stop::countDown));
                stop.await();
            }
        }
        return 0;
    }

    private static void print(PrintStream out, DemoSetup.Result r, double seconds) {
        var g = r.generated();
        out.printf("Generated %,d records of %,d real people and organizations in %d source systems:%n",
                g.records(), g.entities(), g.recordsPerSource().size());
        new java.util.TreeMap<>(g.recordsPerSource()).forEach((s, n) -> out.printf("  %-12s %,7d records%n", s, n));
        var p = g.patterns();
        out.printf("  planted: %d identity rings (%d fabricated identities), %d co-travel groups, %d concentration organizations%n%n",
                p.identityRings(), p.ringMembers(), p.coTravelGroups(), p.concentrationOrgs());
        var first = r.firstLoad();
        out.printf("First load: %,d records resolved into the store in %.1f s: %,d entities created, %,d merged, %,d split; "
                + "%,d possible matches for review.%n", first.accepted(), first.seconds(), first.entitiesCreated(),
                first.entitiesMerged(), first.entitiesSplit(), first.reviewItems());
        out.printf("  Against the generator's truth: pairwise precision %.3f, recall %.3f, F1 %.3f.%n",
                r.accuracy().pairwise().precision(), r.accuracy().pairwise().recall(), r.accuracy().pairwise().f1());
        out.printf("Case '%s' (id %d): %d subjects (members of a planted identity ring and of a co-travel group); watching entity %d within %d hops.%n",
                r.demoCase().name(), r.demoCase().id(), r.subjects().size(), r.watch().entityId(), r.watch().hops());
        out.printf("Second extract (%s): %,d records; the watch raised %,d alerts.%n", r.secondExtract(),
                r.secondLoad().accepted(), r.alerts());
        out.printf("Leads from the pattern scan: %s%n", r.leadsByPattern().isEmpty() ? "none" : r.leadsByPattern());
        out.printf("Report '%s': composed by the analyst, approved by the supervisor, disseminated to %s.%n",
                DemoSetup.REPORT_TITLE, DemoSetup.PARTNER_AGENCY);
        out.println("Every connection shown is a possible connection for a person to judge, with its evidence; never a finding.");
        out.printf("%nAccounts (random passwords, shown only now; only their Argon2id hashes are stored):%n");
        for (DemoSetup.Account a : r.accounts()) {
            out.printf("  %-11s %-16s %s   %s%n", a.username(), a.role(), a.password(), a.note());
        }
        out.printf("Set up in %.1f s.%n", seconds);
    }
}
