package io.relata.core.ingest;

/**
 * A problem that stops a whole file from loading (missing file, bad mapping, unreadable stream), as
 * opposed to a {@link Reject}, which stops one record only. The message says what to fix.
 */
public class IngestException extends RuntimeException {
    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
