package io.relata.app.audit;

import java.util.Objects;
import java.util.Set;

/**
 * When the trail raises an alert for auditors.
 *
 * <ul>
 * <li>UNUSUAL_VOLUME: an ALLOWED read-type action (its name ends with one of {@code readActionSuffixes}) brings
 * the actor's count of them in the last hour above max({@code minimumPerHour}, {@code factor} × the actor's
 * average hourly count over the 7 days before that hour).</li>
 * <li>OUTSIDE_CASES: a DENIED action whose name starts with one of {@code caseDenialActionPrefixes} (a lookup of
 * something outside the user's cases) makes {@code denialsPerHour} or more of them in the last hour.</li>
 * </ul>
 * Each is raised at most once an hour per actor.
 */
public record UnusualActivityRules(Set<String> readActionSuffixes, Set<String> caseDenialActionPrefixes,
                                   int minimumPerHour, double factor, int denialsPerHour) {
    public UnusualActivityRules {
        readActionSuffixes = Set.copyOf(Objects.requireNonNull(readActionSuffixes, "readActionSuffixes"));
        caseDenialActionPrefixes = Set.copyOf(Objects.requireNonNull(caseDenialActionPrefixes, "caseDenialActionPrefixes"));
        if (minimumPerHour < 1) throw new IllegalArgumentException("the minimum lookups an hour must be at least 1");
        if (!(factor >= 1)) throw new IllegalArgumentException("the factor over a user's norm must be at least 1");
        if (denialsPerHour < 1) throw new IllegalArgumentException("the denials an hour must be at least 1");
    }

    public static UnusualActivityRules defaults() {
        return new UnusualActivityRules(Set.of(".read", ".search", ".network", ".path"),
                Set.of("entity.", "record.", "network", "path", "search"), 200, 5, 3);
    }

    boolean isRead(String action) {
        for (String suffix : readActionSuffixes) {
            if (action.endsWith(suffix)) return true;
        }
        return false;
    }

    boolean isCaseRelated(String action) {
        for (String prefix : caseDenialActionPrefixes) {
            if (action.startsWith(prefix)) return true;
        }
        return false;
    }
}
