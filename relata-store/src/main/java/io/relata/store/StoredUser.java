package io.relata.store;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user account as the store keeps it ({@link UserStore}). Roles, permissions and clearances are the
 * application's names, sorted.
 *
 * @param passwordHash      the password's self-describing hash; never the password. Left out of {@link #toString()}
 * @param organization      the outside agency of a partner account; null for the agency's own staff
 * @param trainingCompleted the day the last privacy training was completed; null if never
 * @param failedLogins      failed sign-ins since the last successful one
 * @param lockedUntil       when a lockout ends; null (or past) when the account is not locked
 */
public record StoredUser(String username, String displayName, String passwordHash, String organization,
                         LocalDate trainingCompleted, int failedLogins, Instant lockedUntil, boolean disabled,
                         Instant createdAt, Set<String> roles, Set<String> permissions, Set<String> clearances) {
    public StoredUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(passwordHash, "passwordHash");
        roles = sorted(roles);
        permissions = sorted(permissions);
        clearances = sorted(clearances);
    }

    private static Set<String> sorted(Set<String> names) {
        return names == null ? Collections.emptySortedSet() : Collections.unmodifiableSortedSet(new TreeSet<>(names));
    }

    /** Everything but the password hash: a hash in a log can be attacked offline. */
    @Override
    public String toString() {
        return "StoredUser[username=" + username + ", displayName=" + displayName + ", organization=" + organization
                + ", trainingCompleted=" + trainingCompleted + ", failedLogins=" + failedLogins + ", lockedUntil="
                + lockedUntil + ", disabled=" + disabled + ", createdAt=" + createdAt + ", roles=" + roles
                + ", permissions=" + permissions + ", clearances=" + clearances + "]";
    }
}
