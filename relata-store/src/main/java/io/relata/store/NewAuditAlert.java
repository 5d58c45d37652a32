package io.relata.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An audit alert to store with {@link AuditStore#append}, in the transaction of the entry that raised it.
 *
 * @param actor  whose activity is unusual
 * @param detail what was seen, for the auditor (such as "412 lookups in the hour to 10:00, norm 3.1 an hour")
 */
public record NewAuditAlert(Instant at, String actor, AuditAlertKind kind, String detail) {
    public NewAuditAlert {
        Objects.requireNonNull(at, "at");
        Checks.text(actor, "an audit alert's actor");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(detail, "detail");
    }
}
