package io.relata.app.audit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail on embedded H2 (a store directory), and how fast it appends there. */
class H2AuditTrailTest extends AuditTrailTest {
    private int n;

    @Override
    String newDatabase() {
        return dir.resolve("store" + (n++)).toString();
    }

    @Override
    Connection connect(String db) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + java.nio.file.Path.of(db).resolve("relata"), "sa", "");
    }

    @Test
    void appendsTenThousandEntriesQuickly() {
        String db = newDatabase();
        AuditTrail trail = trail(db);
        for (int i = 0; i < 2_000; i++) trail.append(read("warm", i)); // JIT and H2's caches
        int n = 10_000;
        long start = System.nanoTime();
        for (int i = 0; i < n; i++) {
            trail.append(new AuditEvent(clock.instant(), "user" + (i % 20), "10.1.2." + (i % 200), (long) (i % 7),
                    "case work", i % 3 == 0 ? "search" : "entity.read", AuditEvent.Outcome.ALLOWED,
                    List.of("entity:" + i, "record:DMV:" + i), 1, "name=Smith"));
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        double perSecond = n / (took.toNanos() / 1e9);
        System.out.printf("audit append on H2: %,d entries in %d ms: %,.0f entries/s, %.3f ms each%n", n, took.toMillis(),
                perSecond, took.toNanos() / 1e6 / n);
        long verifyStart = System.nanoTime();
        assertThat(trail.verify().ok()).isTrue();
        System.out.printf("audit verify on H2: %,d entries in %d ms%n", n + 2_000,
                (System.nanoTime() - verifyStart) / 1_000_000);
        // generous: the point is well under a millisecond or two on a shared 2-core machine
        assertThat(took.toNanos() / n).isLessThan(Duration.ofMillis(5).toNanos());
    }

    static AuditEvent read(String actor, int i) {
        return new AuditEvent(Instant.parse("2026-01-01T00:00:00Z"), actor, null, null, null, "entity.read",
                AuditEvent.Outcome.ALLOWED, List.of("entity:" + i), 1, null);
    }
}
