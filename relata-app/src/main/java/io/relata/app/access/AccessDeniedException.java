package io.relata.app.access;

/**
 * The access policy said no. {@link Reason} tells the caller (and the HTTP status) why without revealing more
 * than it must: an entity outside the caller's case is reported as not found.
 */
public final class AccessDeniedException extends RuntimeException {
    public enum Reason {
        /** Nobody is signed in. */
        UNAUTHENTICATED,
        /** The user's roles do not allow the operation. */
        FORBIDDEN,
        /** Personal data without a case or a purpose. */
        PURPOSE_REQUIRED,
        /** The user's annual privacy training has lapsed. */
        TRAINING_LAPSED,
        /** The entity is not a subject of the case, or the user not a member of it. */
        NOT_IN_CASE,
        /** A dissemination not addressed to the partner's organization, or revoked: answered as not found. */
        NOT_ADDRESSED
    }

    private final Reason reason;

    public AccessDeniedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
