package io.relata.store;

/** Anything the store cannot do, with a message that says what failed and, where it can, what to do. */
public class StoreException extends RuntimeException {
    public StoreException(String message) {
        super(message);
    }

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
