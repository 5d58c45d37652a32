package io.relata.app.audit;

/**
 * The audit trail could not record an action (the database is down, the table is gone, the key cannot be read):
 * the caller must fail the request, so that nothing is ever done or returned unaudited.
 */
public class AuditUnavailableException extends RuntimeException {
    public AuditUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public AuditUnavailableException(String message) {
        super(message);
    }
}
