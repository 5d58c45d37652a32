package io.relata.app.access;

/**
 * Who asks, in which case, for what purpose, from where: what every request carries to the access policy and
 * into the audit trail. {@code caseId} and {@code purpose} are null when the caller declared none.
 */
public record AccessContext(User user, Long caseId, String purpose, String clientAddress) {
    public AccessContext {
        purpose = purpose == null || purpose.isBlank() ? null : purpose.strip();
    }

    public String actor() {
        return user == null ? "anonymous" : user.username();
    }
}
