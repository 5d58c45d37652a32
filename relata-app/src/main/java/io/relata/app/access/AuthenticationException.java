package io.relata.app.access;

/**
 * A sign-in that did not succeed. Its message is the same whatever the reason (no such user, a wrong password, a
 * disabled or locked account), so that it tells a guesser nothing; the audit trail records the reason.
 */
public final class AuthenticationException extends RuntimeException {
    static final String MESSAGE = "sign-in failed: wrong user name or password, or the account is locked or disabled";

    AuthenticationException() {
        super(MESSAGE);
    }
}
