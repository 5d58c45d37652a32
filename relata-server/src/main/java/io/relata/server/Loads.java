package io.relata.server;

import io.relata.app.Ingest;
import io.relata.app.IngestSummary;
import io.relata.app.Workspace;
import io.relata.app.audit.AuditEvent;
import io.relata.core.ingest.Reject;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Source extracts uploaded over the API and loaded in the background, one at a time, by a single worker. An
 * upload is stored under the server's own upload directory as {@code <uuid>.jsonl} (the client's file name is
 * only recorded), then ingested; every step of the load that uses the store runs under the request lock, so
 * requests are served between batches and never at the same time as one. The uploaded file is deleted when its
 * load ends, whatever the outcome (the records are in the store). Loads are remembered in memory only: after a
 * restart their state is gone, not their records.
 */
final class Loads implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Loads.class);
    /** Records committed per batch: how long one batch holds up requests. */
    static final int BATCH = 500;
    /** The rejects a load's status shows; the counts cover all of them. */
    static final int REJECTS_KEPT = 100;
    /** Uploads received or waiting at once; more is refused until some have run. */
    static final int MAX_WAITING = 8;
    /** Ended loads remembered. */
    static final int MAX_KEPT = 500;
    private static final String FILE_GLOB = "glob:[0-9a-f]*-*-*-*-*.jsonl";

    enum State { RECEIVING, QUEUED, RUNNING, DONE, FAILED }

    private final Workspace ws;
    private final RequestLock lock;
    private final Consumer<AuditEvent> audit;
    private final Path dir;
    private final long maxBytes;
    private final Clock clock;
    private final Map<UUID, Load> loads = new LinkedHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "relata-load");
        t.setDaemon(true);
        return t;
    });

    /** One load: what was sent, how far it got, and what it found. Thread-safe. */
    static final class Load {
        final UUID id;
        final String source, filename, submittedBy;
        final Instant submittedAt;
        final Path file;
        private State state = State.RECEIVING;
        private long bytes, read, accepted, rejected;
        private final List<Reject> rejects = new ArrayList<>();
        private IngestSummary summary;
        private String error;
        private Instant startedAt, endedAt;

        Load(UUID id, String source, String filename, String submittedBy, Instant submittedAt, Path file) {
            this.id = id;
            this.source = source;
            this.filename = filename;
            this.submittedBy = submittedBy;
            this.submittedAt = submittedAt;
            this.file = file;
        }

        synchronized State state() {
            return state;
        }

        synchronized long bytes() {
            return bytes;
        }

        synchronized long read() {
            return read;
        }

        synchronized long accepted() {
            return accepted;
        }

        synchronized long rejected() {
            return rejected;
        }

        synchronized List<Reject> rejects() {
            return List.copyOf(rejects);
        }

        synchronized IngestSummary summary() {
            return summary;
        }

        synchronized String error() {
            return error;
        }

        synchronized Instant startedAt() {
            return startedAt;
        }

        synchronized Instant endedAt() {
            return endedAt;
        }

        synchronized boolean waiting() {
            return state == State.RECEIVING || state == State.QUEUED;
        }

        synchronized boolean ended() {
            return state == State.DONE || state == State.FAILED;
        }

        private synchronized void received(long n) {
            bytes = n;
            state = State.QUEUED;
        }

        private synchronized void running(Instant at) {
            state = State.RUNNING;
            startedAt = at;
        }

        private synchronized void progress(long r, long a, long x) {
            read = r;
            accepted = a;
            rejected = x;
        }

        private synchronized void reject(Reject r) {
            if (rejects.size() < REJECTS_KEPT) rejects.add(r);
        }

        private synchronized void done(IngestSummary s, Instant at) {
            summary = s;
            progress(s.read(), s.accepted(), s.rejected());
            state = State.DONE;
            endedAt = at;
        }

        private synchronized void failed(String why, Instant at) {
            error = why;
            state = State.FAILED;
            endedAt = at;
        }
    }

    Loads(Workspace ws, RequestLock lock, Consumer<AuditEvent> audit, Path dir, long maxBytes, Clock clock) {
        this.ws = ws;
        this.lock = lock;
        this.audit = audit;
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.clock = clock;
    }

    long maxBytes() {
        return maxBytes;
    }

    /**
     * Makes the upload directory (readable by this user only, where the file system allows) and removes what an
     * earlier run left there: loads are not remembered across a restart, so such a file would never be loaded.
     */
    void open() {
        try {
            Files.createDirectories(dir);
            try {
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system: its own defaults apply
            }
            var ours = FileSystems.getDefault().getPathMatcher(FILE_GLOB);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path f : files) {
                    if (ours.matches(f.getFileName())) {
                        Files.deleteIfExists(f);
                        LOG.warn("removed {}, an upload an earlier run did not load", f.getFileName());
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot prepare the upload directory " + dir + ": " + e.getMessage(), e);
        }
    }

    /** A new load waiting for its upload; refused (429) while {@value #MAX_WAITING} wait already. */
    synchronized Load reserve(UUID id, String source, String filename, String user) {
        long waiting = loads.values().stream().filter(Load::waiting).count();
        if (waiting >= MAX_WAITING) {
            throw new ProblemException(429, "Too many requests", waiting + " loads are waiting already; "
                    + "send this one when some have run (see GET /api/loads)");
        }
        Load load = new Load(id, source, filename, user, clock.instant(), dir.resolve(id + ".jsonl"));
        loads.put(id, load);
        forgetOld();
        return load;
    }

    /**
     * Stores the upload's body in the load's file, at most {@link #maxBytes} bytes, then queues the load. A body too
     * large (413) or empty (400), or one that breaks off, fails the load and leaves no file.
     */
    void receive(Load load, InputStream body) {
        long n = 0;
        try (InputStream in = body;
             OutputStream out = Files.newOutputStream(load.file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            byte[] buf = new byte[1 << 16];
            for (int r; (r = in.read(buf)) >= 0; ) {
                n += r;
                if (n > maxBytes) {
                    throw new ProblemException(413, "Content too large", "an extract may hold at most " + maxBytes
                            + " bytes; split it into several loads");
                }
                out.write(buf, 0, r);
            }
            if (n == 0) throw ProblemException.badRequest("the extract is empty: nothing to load");
        } catch (ProblemException e) {
            fail(load, e.getMessage());
            throw e;
        } catch (IOException | RuntimeException e) {
            fail(load, "the upload broke off after " + n + " bytes: " + e.getMessage());
            throw ProblemException.badRequest("the upload broke off after " + n + " bytes; send it again");
        }
        load.received(n);
        try {
            worker.execute(() -> run(load));
        } catch (RejectedExecutionException e) {
            fail(load, "the server is stopping");
            throw new ProblemException(503, "Service unavailable", "the server is stopping; send the extract again later");
        }
    }

    synchronized Optional<Load> get(UUID id) {
        return Optional.ofNullable(loads.get(id));
    }

    /** The loads remembered, newest first. */
    synchronized List<Load> list() {
        List<Load> all = new ArrayList<>(loads.values());
        java.util.Collections.reverse(all);
        return all;
    }

    private void run(Load load) {
        if (Thread.currentThread().isInterrupted()) {
            fail(load, "the server stopped before the load ran; send the extract again");
            return;
        }
        load.running(clock.instant());
        try {
            IngestSummary summary = new Ingest(ws, BATCH).through(lock::step).onlySource(load.source)
                    .run(List.of(load.file), null, new Ingest.Listener() {
                        @Override
                        public void progress(long read, long accepted, long rejected) {
                            load.progress(read, accepted, rejected);
                        }

                        @Override
                        public void rejected(Reject r) {
                            // the client's name for the file, never where the server keeps it
                            load.reject(new Reject(load.filename, r.line(), r.field(), r.reason()));
                        }
                    });
            load.done(summary, clock.instant());
            finished(load, AuditEvent.Outcome.ALLOWED, "read " + summary.read() + ": accepted " + summary.accepted()
                    + ", rejected " + summary.rejected() + "; " + summary.added() + " new, " + summary.changed() + " changed");
            delete(load);
        } catch (CancellationException e) {
            fail(load, "the server stopped during the load; the batches committed so far are kept: send the extract "
                    + "again to complete it");
        } catch (RuntimeException e) {
            LOG.error("load {} of {} failed", load.id, load.filename, e);
            fail(load, String.valueOf(e.getMessage()).replace(load.file.toString(), load.filename));
        }
    }

    private void fail(Load load, String why) {
        load.failed(why, clock.instant());
        finished(load, AuditEvent.Outcome.FAILED, why);
        delete(load);
    }

    /** Every load's end is in the audit trail, with its submitter as the actor. */
    private void finished(Load load, AuditEvent.Outcome outcome, String detail) {
        try {
            lock.run(() -> audit.accept(new AuditEvent(clock.instant(), load.submittedBy, null, null, null, "load.finish",
                    outcome, List.of("load:" + load.id, "source:" + load.source), (int) Math.min(Integer.MAX_VALUE,
                    load.accepted()), "'" + load.filename + "': " + detail)));
        } catch (RuntimeException e) {
            LOG.error("cannot record the end of load {} in the audit trail", load.id, e);
        }
    }

    private static void delete(Load load) {
        try {
            Files.deleteIfExists(load.file);
        } catch (IOException e) {
            LOG.warn("cannot delete the upload {}: {}", load.file, e.getMessage());
        }
    }

    /** Keeps the newest {@value #MAX_KEPT} loads that have ended, and every load still under way. */
    private void forgetOld() {
        long ended = loads.values().stream().filter(Load::ended).count();
        var it = loads.values().iterator();
        while (ended > MAX_KEPT && it.hasNext()) {
            if (it.next().ended()) {
                it.remove();
                ended--;
            }
        }
    }

    /** Stops the worker: the running load stops at its next batch, waiting ones never start. */
    @Override
    public void close() {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(30, TimeUnit.SECONDS)) LOG.warn("a load did not stop within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (Load l : list()) {
            if (l.state() == State.QUEUED) fail(l, "the server stopped before the load ran; send the extract again");
        }
    }
}
