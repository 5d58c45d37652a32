package io.relata.app;

/** A use case was asked about a record, entity or item the store does not hold. */
public final class NotFoundException extends RuntimeException {
    public NotFoundException(String message) {
        super(message);
    }
}
