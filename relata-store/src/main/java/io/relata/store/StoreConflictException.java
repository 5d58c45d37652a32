package io.relata.store;

/** A change that clashes with what the store holds (a name already taken, an alert already reviewed). */
public final class StoreConflictException extends StoreException {
    public StoreConflictException(String message) {
        super(message);
    }
}
