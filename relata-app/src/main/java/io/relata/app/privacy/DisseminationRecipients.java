package io.relata.app.privacy;

import io.relata.app.report.Reports;
import io.relata.core.model.RecordKey;
import io.relata.store.Disclosure;
import io.relata.store.Dissemination;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Who holds records' data from earlier disclosures, as the accounting of disclosures records them: every
 * dissemination whose copy held one of the records, revoked ones too (a revocation does not unsend a copy).
 */
public final class DisseminationRecipients implements DisclosureRecipients {
    private final Reports reports;

    public DisseminationRecipients(Reports reports) {
        this.reports = reports;
    }

    @Override
    public List<Recipient> holding(Collection<RecordKey> records) {
        List<Recipient> out = new ArrayList<>();
        for (Disclosure d : reports.recipientsHolding(records)) {
            Dissemination s = d.dissemination();
            out.add(new Recipient(s.organization(), "report '" + s.title() + "' version " + s.version() + ", dissemination "
                    + s.id() + (s.revoked() ? " (revoked " + s.revokedAt() + ")" : ""), s.sentAt()));
        }
        return out;
    }
}
