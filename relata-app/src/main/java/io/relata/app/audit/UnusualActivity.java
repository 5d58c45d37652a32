package io.relata.app.audit;

import io.relata.store.AuditActivity;
import io.relata.store.AuditAlert;
import io.relata.store.AuditAlertKind;
import io.relata.store.AuditEntry;
import io.relata.store.AuditStore;
import io.relata.store.NewAuditAlert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BinaryOperator;

/**
 * Counts each actor's reads and case denials in memory, by minute over the last hour and by hour over the last
 * week, and says which alerts an entry raises ({@link UnusualActivityRules}). Rebuilt from the store's last week
 * when the trail starts. An append costs a sum over 60 minutes, and over 168 hours only once the hour's count
 * passes the minimum, rather than counting queries on every lookup.
 */
final class UnusualActivity {
    static final int HOURS_OF_NORM = 7 * 24;
    private static final Duration ALERT_GAP = Duration.ofHours(1);

    private final UnusualActivityRules rules;
    private final Map<String, Counts> reads = new HashMap<>();
    private final Map<String, Counts> denials = new HashMap<>();
    /** When each (kind, actor) was last alerted: one alert an hour. */
    private final Map<String, Instant> lastAlert = new HashMap<>();

    UnusualActivity(UnusualActivityRules rules) {
        this.rules = rules;
    }

    /** Forgets everything and counts the store's entries and alerts of the week before {@code now}. */
    void rebuild(AuditStore audit, Instant now) {
        reads.clear();
        denials.clear();
        lastAlert.clear();
        Instant since = now.minus(Duration.ofHours(HOURS_OF_NORM + 1));
        audit.forEachActivitySince(since, a -> count(a.actor(), a.action(), a.outcome(), a.at()));
        for (AuditAlert a : audit.alertsSince(now.minus(ALERT_GAP))) lastAlert.merge(key(a.kind(), a.actor()), a.at(), max());
    }

    private static BinaryOperator<Instant> max() {
        return (x, y) -> x.isAfter(y) ? x : y;
    }

    /** The alerts that storing {@code e} raises at {@code now}; nothing is counted until {@link #record}. */
    List<NewAuditAlert> alertsFor(AuditEntry e, Instant now) {
        List<NewAuditAlert> out = new ArrayList<>(0);
        if (isRead(e.action(), e.outcome()) && mayAlert(AuditAlertKind.UNUSUAL_VOLUME, e.actor(), now)) {
            Counts c = reads.get(e.actor());
            long lastHour = (c == null ? 0 : c.lastHour(now)) + (inLastHour(e.at(), now) ? 1 : 0);
            if (lastHour > rules.minimumPerHour()) {
                double norm = c == null ? 0 : c.hourlyNorm(now);
                double threshold = Math.max(rules.minimumPerHour(), rules.factor() * norm);
                if (lastHour > threshold) {
                    out.add(new NewAuditAlert(now, e.actor(), AuditAlertKind.UNUSUAL_VOLUME, String.format(Locale.ROOT,
                            "%d lookups in the last hour, above %s (the minimum %d, or %s times the norm of %.1f an "
                                    + "hour over the previous 7 days); the last was %s", lastHour, number(threshold),
                            rules.minimumPerHour(), number(rules.factor()), norm, e.action())));
                }
            }
        }
        if (isCaseDenial(e.action(), e.outcome()) && mayAlert(AuditAlertKind.OUTSIDE_CASES, e.actor(), now)) {
            Counts c = denials.get(e.actor());
            long lastHour = (c == null ? 0 : c.lastHour(now)) + (inLastHour(e.at(), now) ? 1 : 0);
            if (lastHour >= rules.denialsPerHour()) {
                out.add(new NewAuditAlert(now, e.actor(), AuditAlertKind.OUTSIDE_CASES, lastHour + " lookups denied "
                        + "in the last hour (at least " + rules.denialsPerHour() + " raise this); the last was "
                        + e.action() + (e.detail() == null ? "" : ": " + e.detail())));
            }
        }
        return out;
    }

    /** 5 as "5", 12.5 as "12.5". */
    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : String.format(Locale.ROOT, "%.2f", d);
    }

    /** Counts a stored entry, and the alerts it raised. */
    void record(AuditEntry e, List<NewAuditAlert> raised) {
        count(e.actor(), e.action(), e.outcome(), e.at());
        for (NewAuditAlert a : raised) lastAlert.merge(key(a.kind(), a.actor()), a.at(), max());
    }

    private void count(String actor, String action, String outcome, Instant at) {
        if (isRead(action, outcome)) reads.computeIfAbsent(actor, k -> new Counts()).add(at);
        else if (isCaseDenial(action, outcome)) denials.computeIfAbsent(actor, k -> new Counts()).add(at);
    }

    private boolean isRead(String action, String outcome) {
        return "ALLOWED".equals(outcome) && rules.isRead(action);
    }

    private boolean isCaseDenial(String action, String outcome) {
        return "DENIED".equals(outcome) && rules.isCaseRelated(action);
    }

    private boolean mayAlert(AuditAlertKind kind, String actor, Instant now) {
        Instant last = lastAlert.get(key(kind, actor));
        return last == null || !now.isBefore(last.plus(ALERT_GAP));
    }

    private static boolean inLastHour(Instant at, Instant now) {
        long minute = Counts.minute(at);
        long nowMinute = Counts.minute(now);
        return minute <= nowMinute && minute > nowMinute - Counts.MINUTES;
    }

    private static String key(AuditAlertKind kind, String actor) {
        return kind.name() + '|' + actor;
    }

    /**
     * One actor's counts in two rings: by minute for the last 60 minutes, by hour for the last 169 hours. A slot
     * remembers which minute or hour it counts, so a stale slot is read as 0 and reset when reused.
     */
    static final class Counts {
        static final int MINUTES = 60;
        static final int HOURS = HOURS_OF_NORM + 1;
        private final long[] minuteOf = new long[MINUTES];
        private final long[] perMinute = new long[MINUTES];
        private final long[] hourOf = new long[HOURS];
        private final long[] perHour = new long[HOURS];

        Counts() {
            Arrays.fill(minuteOf, Long.MIN_VALUE);
            Arrays.fill(hourOf, Long.MIN_VALUE);
        }

        static long minute(Instant at) {
            return Math.floorDiv(at.getEpochSecond(), 60);
        }

        static long hour(Instant at) {
            return Math.floorDiv(at.getEpochSecond(), 3600);
        }

        void add(Instant at) {
            bump(minuteOf, perMinute, minute(at));
            bump(hourOf, perHour, hour(at));
        }

        private static void bump(long[] periodOf, long[] counts, long period) {
            int i = Math.floorMod(period, periodOf.length);
            if (periodOf[i] > period) return; // the slot counts a later period: this one is outside the ring
            if (periodOf[i] < period) {
                periodOf[i] = period;
                counts[i] = 0;
            }
            counts[i]++;
        }

        /** Counted in the 60 minutes up to and including {@code now}'s minute. */
        long lastHour(Instant now) {
            long nowMinute = minute(now);
            long sum = 0;
            for (int i = 0; i < MINUTES; i++) {
                if (minuteOf[i] <= nowMinute && minuteOf[i] > nowMinute - MINUTES) sum += perMinute[i];
            }
            return sum;
        }

        /** The average an hour over the 168 whole hours before {@code now}'s hour. */
        double hourlyNorm(Instant now) {
            long nowHour = hour(now);
            long sum = 0;
            for (int j = 0; j < HOURS; j++) {
                if (hourOf[j] < nowHour && hourOf[j] >= nowHour - HOURS_OF_NORM) sum += perHour[j];
            }
            return sum / (double) HOURS_OF_NORM;
        }
    }
}
