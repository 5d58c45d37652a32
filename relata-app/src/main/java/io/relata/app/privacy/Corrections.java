package io.relata.app.privacy;

import io.relata.app.NotFoundException;
import io.relata.core.model.RecordKey;
import io.relata.store.Correction;
import io.relata.store.CorrectionStatus;
import io.relata.store.RelataStore;
import io.relata.store.StoredRecord;

import java.time.Clock;
import java.util.List;

/**
 * Individuals' correction requests: one field of one record, the value asked for and why; the privacy officer
 * accepts or rejects it with a note. An accepted correction annotates the record (profiles show it beside the
 * source's value, with its provenance); the record as the source gave it is never changed. Whoever was sent the
 * record's data earlier is listed, to be told.
 */
public final class Corrections {
    private final RelataStore store;
    private final DisclosureRecipients recipients;
    private final Clock clock;

    public Corrections(RelataStore store, DisclosureRecipients recipients, Clock clock) {
        this.store = store;
        this.recipients = recipients;
        this.clock = clock;
    }

    /** A correction with the value the record gives now and who holds the record's data from earlier disclosures. */
    public record View(Correction correction, String sourceValue, List<DisclosureRecipients.Recipient> recipients) {}

    /** Registers a correction ({@code accessRequestId} 0 for none) of a field the canonical format has. */
    public Correction register(long accessRequestId, RecordKey record, String field, String value, String reason, String by) {
        FieldPath path = FieldPath.parse(field);
        if (store.record(record).isEmpty()) throw new NotFoundException("no record " + record);
        return store.corrections().create(accessRequestId, record, path.text(), value, reason, by, clock.instant());
    }

    public Correction decide(long id, boolean accept, String note, String by) {
        return store.corrections().decide(id, accept, by, note, clock.instant());
    }

    public List<Correction> list(CorrectionStatus status) {
        return store.corrections().list(status);
    }

    public View view(long id) {
        Correction c = store.corrections().get(id).orElseThrow(() -> new NotFoundException("no correction " + id));
        String source = store.record(c.record()).map(StoredRecord::content)
                .map(content -> FieldPath.parse(c.field()).readText(AccessRequests.parse(content))).orElse(null);
        return new View(c, source, recipients.holding(List.of(c.record())));
    }
}
