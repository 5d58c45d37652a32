package io.relata.app.privacy;

import io.relata.core.model.RecordKey;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/**
 * Who was sent data from these records in an earlier disclosure (a disseminated report), so that they can be told
 * of a correction. The accounting of disclosures answers it ({@link DisseminationRecipients}); corrections only ask.
 */
@FunctionalInterface
public interface DisclosureRecipients {
    /** One disclosure that held data of the records: to whom, what was sent, when. */
    record Recipient(String recipient, String disclosure, Instant disclosedAt) {}

    List<Recipient> holding(Collection<RecordKey> records);
}
