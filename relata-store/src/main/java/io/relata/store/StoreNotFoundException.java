package io.relata.store;

/** What a change names is not in the store (no case 7, no user 'ana'): the caller's mistake, not the store's. */
public final class StoreNotFoundException extends StoreException {
    public StoreNotFoundException(String message) {
        super(message);
    }
}
