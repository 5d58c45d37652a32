package io.relata.app.access;

import java.time.LocalDate;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user as access control sees it: who, with which roles, extra permissions and clearances (the source access
 * labels whose records they may see), for which outside agency if a partner, and when they last completed privacy
 * training. Holds no secret. Read afresh for every session or token check, so a change takes effect at once.
 *
 * @param organization      the outside agency of a {@link Role#PARTNER}; null for the agency's own staff
 * @param trainingCompleted the day the last privacy training was completed; null if never
 */
public record User(String username, String displayName, Set<Role> roles, Set<Permission> permissions,
                   Set<String> clearances, String organization, LocalDate trainingCompleted, boolean disabled) {
    /** Privacy training is annual: valid on the day it was completed and the 365 days after. */
    public static final int TRAINING_VALID_DAYS = 365;

    public User {
        Objects.requireNonNull(username, "username");
        roles = Collections.unmodifiableSet(enumSet(Role.class, roles));
        permissions = Collections.unmodifiableSet(enumSet(Permission.class, permissions));
        clearances = Collections.unmodifiableSortedSet(clearances == null ? new TreeSet<>() : new TreeSet<>(clearances));
    }

    private static <E extends Enum<E>> EnumSet<E> enumSet(Class<E> type, Collection<E> values) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) set.addAll(values);
        return set;
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public boolean hasPermission(Permission permission) {
        return permissions.contains(permission);
    }

    /** Whether the user is cleared for records of sources with this access label. */
    public boolean isClearedFor(String accessLabel) {
        return clearances.contains(accessLabel);
    }

    /**
     * Whether the privacy training counts on {@code day}: from the day it was completed through
     * {@value #TRAINING_VALID_DAYS} days after. Without it the user may not see personal data.
     */
    public boolean trainingValidOn(LocalDate day) {
        return trainingCompleted != null && !day.isBefore(trainingCompleted) && !day.isAfter(trainingValidUntil());
    }

    /** The last day the training counts; null if there was none. */
    public LocalDate trainingValidUntil() {
        return trainingCompleted == null ? null : trainingCompleted.plusDays(TRAINING_VALID_DAYS);
    }
}
