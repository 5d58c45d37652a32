package io.relata.core.ingest;

/**
 * Thrown inside a reader to abandon one record; caught by the reader and turned into a {@link Reject}.
 * Carries no stack trace: it is control flow on a hot path, not a bug report.
 */
final class RecordRejectedException extends Exception {
    final String field;
    final String reason;

    RecordRejectedException(String field, String reason) {
        super(field + ": " + reason, null, false, false);
        this.field = field;
        this.reason = reason;
    }
}
