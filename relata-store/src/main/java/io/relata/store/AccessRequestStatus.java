package io.relata.store;

import java.util.Set;

/**
 * Where an individual's access request stands: registered (OPEN), being decided record by record (IN_REVIEW), its
 * response sent (RESPONDED), done with (CLOSED). A request may be closed without a response (withdrawn by the
 * requester); nothing goes back.
 */
public enum AccessRequestStatus {
    OPEN, IN_REVIEW, RESPONDED, CLOSED;

    public static AccessRequestStatus parse(String text) {
        return Checks.parse(AccessRequestStatus.class, text, "access request status");
    }

    /** Whether a request in this status may move to {@code next}. */
    public boolean canBecome(AccessRequestStatus next) {
        return switch (this) {
            case OPEN -> Set.of(IN_REVIEW, CLOSED).contains(next);
            case IN_REVIEW -> Set.of(RESPONDED, CLOSED).contains(next);
            case RESPONDED -> next == CLOSED;
            case CLOSED -> false;
        };
    }

    /** Whether the officer still decides on its records (and its due date still runs). */
    public boolean pending() {
        return this == OPEN || this == IN_REVIEW;
    }
}
