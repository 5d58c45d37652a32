package io.relata.bench.generate;

import io.relata.core.model.Relationship;
import java.util.SplittableRandom;

/**
 * The few small organizations that employ or sponsor an unusual share of ring members. One serves the rings of
 * each stretch of {@value #RECORDS_PER_ORG} records: it is created (and its records written) in the chunk of the
 * first ring that ties to it and stays while later chunks of its stretch link to those records, so only the
 * current one is remembered. Ordinary people never name it, so it stays small.
 */
final class ConcentrationOrgs {
    static final int RECORDS_PER_ORG = 200_000;

    private final RunTally tally;
    private final PersonFactory people;
    private final Placement placement;
    private long stretch = -1;
    private Organization current;
    private String group;

    ConcentrationOrgs(RunTally tally, PersonFactory people, Placement placement) {
        this.tally = tally;
        this.people = people;
        this.placement = placement;
    }

    /** The organization of the current stretch, created in {@code chunk} if it has none yet. */
    Organization current(SplittableRandom rng, Chunk chunk) {
        long s = tally.records() / RECORDS_PER_ORG;
        if (s != stretch) {
            stretch = s;
            current = null;
        }
        if (current == null) {
            // Staffing agencies and cleaning firms employ; churches and family-services charities sponsor.
            Organization.Kind kind = rng.nextDouble() < 0.6 ? Organization.Kind.EMPLOYER : Organization.Kind.SPONSOR;
            Organization o = people.organization(rng, kind);
            placement.addOrganization(rng, chunk, o, chunk.room());
            if (o.records.isEmpty()) return null;
            current = o;
            group = "org-" + (++tally.concentrationOrgs);
            tally.organizations++;
            chunk.pattern(PatternKind.ORG_CONCENTRATION, group, o.records);
        }
        return current;
    }

    /**
     * Every member names the organization on its first record and usually on the others: as employer in
     * BENEFITS, as sponsor (the petitioning employer or charity) in VISA_APPS.
     */
    void link(SplittableRandom rng, Person member, Organization org) {
        for (int i = 0; i < member.records.size(); i++) {
            Draft d = member.records.get(i);
            if (i > 0 && rng.nextDouble() < 0.25) continue;
            boolean employer = d.source() == SourceProfile.BENEFITS;
            Draft target = Placement.targetIn(rng, org.records, d.source());
            if (target == null) target = org.records.get(0);
            d.builder().relationship(new Relationship(employer ? "EMPLOYER" : "SPONSOR", target.source().name(), target.id(), null));
            tally.relationships[employer ? 1 : 3]++;
        }
    }
}
