package io.relata.app.access;

import java.util.Objects;

/**
 * A new API token and, this once, the token itself ({@code rlt_...}): only its digest is stored, so it cannot be
 * shown again.
 */
public record IssuedApiToken(ApiToken token, String secret) {
    public IssuedApiToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(secret, "secret");
    }

    /** Without the secret: a token in a log must not be one anyone can use. */
    @Override
    public String toString() {
        return "IssuedApiToken[token=" + token + "]";
    }
}
