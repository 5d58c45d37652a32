package io.relata.cli;

import io.relata.app.Workspace;
import io.relata.app.access.Accounts;
import io.relata.app.access.IssuedApiToken;
import io.relata.app.access.Role;
import io.relata.app.access.User;
import io.relata.app.audit.AuditKey;
import io.relata.app.audit.AuditTrail;
import io.relata.core.ingest.JsonlReader;
import io.relata.core.model.Name;
import io.relata.core.model.Record;
import io.relata.core.model.RecordKey;
import io.relata.core.relate.RecordLinks;
import io.relata.server.RelataServer;
import io.relata.server.ServerConfig;
import io.relata.store.AuditEntry;
import io.relata.store.CaseFile;

import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Load on the real server: N analysts at once, over loopback, against a loaded store with the audit trail on.
 * It opens the store, makes sure N analyst accounts exist (with current privacy training and a fresh API token
 * each) and one case per analyst with a few hundred subject entities taken from the store, starts a
 * {@link RelataServer} on a free loopback port with the real {@link AuditTrail} (its key in the store directory,
 * as {@code relata serve} has it), and then runs the analysts for a fixed time after a warm-up. Each analyst is a
 * thread with its own HTTP client that loops, without pause, over: search by name and birth date of a held-out
 * record, the profile of one of its case's subjects, and the 2-hop network of another. Any answer other than 2xx,
 * and any failure to get one, is an error. It prints per operation and overall: requests, throughput, p50, p95, p99
 * and max latency (a request's time from sending to its whole body received), and how many audit entries the run
 * wrote. The tokens it made are revoked at the end; accounts and cases stay, for the next run.
 *
 * <p>{@code java -Xmx6g -cp relata.jar io.relata.cli.ServerLoadBenchmark DB HELD_OUT.jsonl [ANALYSTS] [SECONDS]}
 * (defaults 50 and 60). System properties: {@code relata.load.warmup} (seconds, default 20),
 * {@code relata.load.subjects} (entities per case, default 300), {@code relata.load.think} (milliseconds an
 * analyst waits between requests, default 0).
 */
public final class ServerLoadBenchmark {
    enum Op { SEARCH, ENTITY, NETWORK }

    private static final String PURPOSE = "server load benchmark";
    private static final String ACTOR = "load-benchmark";
    /** No analyst sends more than this, whatever the duration: the loops are bounded. */
    private static final int MAX_REQUESTS_PER_ANALYST = 1_000_000;
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    public static void main(String[] args) throws Exception {
        if (args.length < 2 || args.length > 4) {
            System.err.println("usage: ServerLoadBenchmark DB HELD_OUT.jsonl [ANALYSTS] [SECONDS]");
            System.exit(2);
        }
        int analysts = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        int seconds = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        int warmup = Integer.getInteger("relata.load.warmup", 20);
        int subjectsPerCase = Integer.getInteger("relata.load.subjects", 300);
        int thinkMillis = Integer.getInteger("relata.load.think", 0);
        if (analysts < 1 || analysts > 500 || seconds < 1 || seconds > 3600 || warmup < 0 || warmup > 600) {
            System.err.println("ANALYSTS is 1 to 500, SECONDS 1 to 3600, the warm-up 0 to 600 seconds");
            System.exit(2);
        }
        List<String[]> queries = new ArrayList<>(); // name, dob
        for (String line : Files.readAllLines(Path.of(args[1]))) {
            if (line.isBlank()) continue;
            Record r = JsonlReader.parse(line);
            if (r.names().isEmpty() || r.dob() == null || r.dob().isBlank()) continue;
            Name n = r.names().get(0);
            if (n.display().isBlank()) continue;
            queries.add(new String[] {n.display(), r.dob()});
        }
        if (queries.isEmpty()) throw new IllegalArgumentException(args[1] + " holds no record with a name and a birth date");

        try (Workspace ws = Workspace.open(args[0])) {
            long t0 = System.nanoTime();
            int entities = ws.graph().entityCount();
            System.out.printf("store %s: %,d records, %,d entities loaded in %.1f s%n", ws.store().describe(),
                    ws.resolver().recordCount(), entities, (System.nanoTime() - t0) / 1e9);

            AuditTrail audit = new AuditTrail(ws.store(), AuditKey.loadOrCreate(AuditKey.defaultFile(args[0], System.getenv())));
            Accounts accounts = new Accounts(ws.store(), audit::append);
            long[] all = ws.graph().entities().toLongArray();
            Arrays.sort(all);
            t0 = System.nanoTime();
            List<Analyst> team = new ArrayList<>();
            for (int i = 1; i <= analysts; i++) team.add(prepare(ws, accounts, i, all, subjectsPerCase));
            System.out.printf("%d analysts ready (accounts, training, tokens, cases of %d subjects) in %.1f s%n",
                    analysts, subjectsPerCase, (System.nanoTime() - t0) / 1e9);

            long auditBefore = ws.store().audit().last().map(AuditEntry::seq).orElse(0L);
            Result result;
            try (RelataServer server = new RelataServer(ServerConfig.defaults().withHost("127.0.0.1").withPort(0), ws,
                    audit, Clock.systemUTC())) {
                int port = server.start();
                String base = "http://127.0.0.1:" + port;
                if (!InetAddress.getByName("127.0.0.1").isLoopbackAddress()) throw new IllegalStateException("not loopback");
                System.out.printf("server on %s; %d analysts, %d s warm-up, %d s measured, think time "
                        + "%d ms%n", base, analysts, warmup, seconds, thinkMillis);
                result = run(base, team, queries, warmup, seconds, thinkMillis);
            }
            long auditAfter = ws.store().audit().last().map(AuditEntry::seq).orElse(0L);
            for (Analyst a : team) accounts.revokeToken(a.token.token().id(), ACTOR);
            result.print(auditAfter - auditBefore);
            System.out.printf("store file after the run: %,d bytes%n", ws.store().sizeBytes());
            if (result.errors() > 0) System.exit(1);
        }
    }

    /** An analyst: an account with training and a token, and a case of subjects. */
    record Analyst(String username, IssuedApiToken token, long caseId, long[] subjects) {
    }

    private static Analyst prepare(Workspace ws, Accounts accounts, int i, long[] all, int subjectsPerCase) {
        String username = String.format(Locale.ROOT, "load-analyst-%03d", i);
        if (accounts.user(username).isEmpty()) {
            char[] password = randomPassword();
            accounts.createUser(username, "Load Analyst " + i, Set.of(Role.ANALYST), password, null, ACTOR);
            Arrays.fill(password, ' ');
        }
        User user = accounts.user(username).orElseThrow();
        if (!user.trainingValidOn(LocalDate.now().plusDays(1))) accounts.recordTraining(username, LocalDate.now(), ACTOR);
        IssuedApiToken token = accounts.createApiToken(accounts.user(username).orElseThrow(), "server load benchmark",
                Instant.now().plus(Duration.ofDays(1)), ACTOR);
        String caseName = "load-case-" + username;
        CaseFile c = ws.store().cases().byName(caseName).orElse(null);
        if (c == null) {
            c = ws.store().cases().create(caseName, "subjects for the server load benchmark", username, Instant.now());
        }
        List<Long> subjects = ws.store().cases().subjectEntities(c.id());
        if (subjects.size() < subjectsPerCase) {
            Random random = new Random(1000L + i);
            Set<Long> picked = new LinkedHashSet<>(subjects);
            List<RecordKey> records = new ArrayList<>();
            for (int tries = 0; picked.size() < subjectsPerCase && tries < subjectsPerCase * 10; tries++) {
                long e = all[random.nextInt(all.length)];
                if (!picked.add(e)) continue;
                for (RecordLinks r : ws.graph().records(e)) records.add(r.key());
            }
            ws.store().cases().addSubjects(c.id(), records, username, "subject for the server load benchmark", Instant.now());
            subjects = ws.store().cases().subjectEntities(c.id());
        }
        return new Analyst(username, token, c.id(), subjects.stream().mapToLong(Long::longValue).toArray());
    }

    private static char[] randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b).toCharArray();
    }

    /** Runs every analyst for the warm-up and then the measured time; returns what the measured time saw. */
    private static Result run(String base, List<Analyst> team, List<String[]> queries, int warmup, int seconds,
                              int thinkMillis) throws Exception {
        // the load's garbage collected now, not during the run; and the server answers before the clock starts
        System.gc();
        HttpResponse<String> health = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/health"))
                .timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        if (health.statusCode() != 200) throw new IllegalStateException("the server is not healthy: " + health.statusCode());
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(warmup);
        long measureTo = measureFrom + TimeUnit.SECONDS.toNanos(seconds);
        Result result = new Result(seconds);
        AtomicLong warmupRequests = new AtomicLong();
        AtomicLong warmupErrors = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(team.size());
        for (int t = 0; t < team.size(); t++) {
            Analyst a = team.get(t);
            Random random = new Random(t);
            pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).build();
                Op[] ops = Op.values();
                for (int n = 0; n < MAX_REQUESTS_PER_ANALYST && !Thread.currentThread().isInterrupted(); n++) {
                    long sent = System.nanoTime();
                    if (sent >= measureTo) break;
                    Op op = ops[n % ops.length];
                    String path = switch (op) {
                        case SEARCH -> {
                            String[] q = queries.get(random.nextInt(queries.size()));
                            yield "/api/search?name=" + URLEncoder.encode(q[0], StandardCharsets.UTF_8) + "&dob="
                                    + URLEncoder.encode(q[1], StandardCharsets.UTF_8);
                        }
                        case ENTITY -> "/api/entities/" + a.subjects()[random.nextInt(a.subjects().length)];
                        case NETWORK -> "/api/entities/" + a.subjects()[random.nextInt(a.subjects().length)] + "/network?hops=2";
                    };
                    HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                            .header("Authorization", "Bearer " + a.token().secret())
                            .header("X-Relata-Case", Long.toString(a.caseId()))
                            .header("X-Relata-Purpose", PURPOSE).GET().build();
                    String error = null;
                    try {
                        HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
                        if (r.statusCode() / 100 != 2) {
                            error = r.statusCode() + " " + path.replaceAll("\\?.*", "") + ": "
                                    + r.body().substring(0, Math.min(200, r.body().length()));
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    } catch (Exception e) {
                        error = e.getClass().getSimpleName() + " " + path.replaceAll("\\?.*", "") + ": " + e.getMessage();
                    }
                    long done = System.nanoTime();
                    if (sent >= measureFrom && done <= measureTo) result.add(op, done - sent, error);
                    else if (sent < measureFrom) {
                        warmupRequests.incrementAndGet();
                        if (error != null) {
                            warmupErrors.incrementAndGet();
                            result.warmupError(error);
                        }
                    }
                    if (thinkMillis > 0) {
                        try {
                            Thread.sleep(thinkMillis);
                        } catch (InterruptedException e) {
                            break;
                        }
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        // the process's CPU and GC time over the measured window: is the lock the limit, or the two cores?
        sleepUntil(measureFrom);
        long cpu0 = processCpuNanos(), gc0 = gcMillis(), wall0 = System.nanoTime();
        sleepUntil(measureTo);
        long cpu1 = processCpuNanos(), gc1 = gcMillis(), wall1 = System.nanoTime();
        result.machine((cpu1 - cpu0) / (double) (wall1 - wall0), gc1 - gc0,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long wait = measureTo - System.nanoTime() + REQUEST_TIMEOUT.toNanos() + TimeUnit.SECONDS.toNanos(10);
        if (!pool.awaitTermination(wait, TimeUnit.NANOSECONDS)) {
            System.out.println("analysts still busy after the run: stopping them");
            pool.shutdownNow();
            pool.awaitTermination(30, TimeUnit.SECONDS);
        }
        System.out.printf("warm-up: %,d requests, %,d errors%n", warmupRequests.get(), warmupErrors.get());
        return result;
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static long processCpuNanos() {
        var os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : -1;
    }

    private static long gcMillis() {
        long total = 0;
        for (var gc : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) total += Math.max(0, gc.getCollectionTime());
        return total;
    }

    /** Latencies and errors of the measured time, per operation. */
    static final class Result {
        private final int seconds;
        private final Map<Op, long[]> latencies = new ConcurrentHashMap<>();
        private final Map<Op, Integer> counts = new ConcurrentHashMap<>();
        private final Map<Op, Integer> errors = new ConcurrentHashMap<>();
        private final Map<String, Integer> errorKinds = new TreeMap<>();

        Result(int seconds) {
            this.seconds = seconds;
            for (Op op : Op.values()) {
                latencies.put(op, new long[1024]);
                counts.put(op, 0);
                errors.put(op, 0);
            }
        }

        synchronized void add(Op op, long nanos, String error) {
            int n = counts.get(op);
            long[] a = latencies.get(op);
            if (n == a.length) latencies.put(op, a = Arrays.copyOf(a, n * 2));
            a[n] = nanos;
            counts.put(op, n + 1);
            if (error != null) {
                errors.merge(op, 1, Integer::sum);
                String kind = error.length() > 120 ? error.substring(0, 120) : error;
                if (errorKinds.size() < 20 || errorKinds.containsKey(kind)) errorKinds.merge(kind, 1, Integer::sum);
            }
        }

        private double cores = -1;
        private long gcMillis;
        private double loadAverage;

        synchronized void machine(double cores, long gcMillis, double loadAverage) {
            this.cores = cores;
            this.gcMillis = gcMillis;
            this.loadAverage = loadAverage;
        }

        synchronized void warmupError(String error) {
            String kind = "(warm-up) " + (error.length() > 120 ? error.substring(0, 120) : error);
            if (errorKinds.size() < 20 || errorKinds.containsKey(kind)) errorKinds.merge(kind, 1, Integer::sum);
        }

        synchronized int errors() {
            return errors.values().stream().mapToInt(Integer::intValue).sum();
        }

        synchronized void print(long auditEntries) {
            long[] overall = new long[0];
            int total = 0;
            System.out.printf("%-9s %9s %8s %7s %9s %9s %9s %9s%n", "operation", "requests", "per s", "errors",
                    "p50 ms", "p95 ms", "p99 ms", "max ms");
            for (Op op : Op.values()) {
                long[] a = Arrays.copyOf(latencies.get(op), counts.get(op));
                line(op.name().toLowerCase(Locale.ROOT), a, errors.get(op));
                int from = overall.length;
                overall = Arrays.copyOf(overall, from + a.length);
                System.arraycopy(a, 0, overall, from, a.length);
                total += a.length;
            }
            line("overall", overall, errors());
            System.out.printf("audit entries written during the run (warm-up included): %,d%n", auditEntries);
            System.out.printf("measured time: this process (server and clients) used %.2f cores of %d; GC %,d ms; "
                    + "load average at the end %.2f%n", cores, Runtime.getRuntime().availableProcessors(), gcMillis, loadAverage);
            errorKinds.forEach((k, n) -> System.out.printf("  error x%d: %s%n", n, k));
            if (total == 0) System.out.println("no request completed in the measured time");
        }

        private void line(String what, long[] a, int errors) {
            Arrays.sort(a);
            System.out.printf("%-9s %9d %8.1f %7d %9.1f %9.1f %9.1f %9.1f%n", what, a.length, a.length / (double) seconds,
                    errors, pct(a, 0.50), pct(a, 0.95), pct(a, 0.99), a.length == 0 ? 0 : a[a.length - 1] / 1e6);
        }

        private static double pct(long[] sorted, double p) {
            if (sorted.length == 0) return 0;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)] / 1e6;
        }
    }
}
