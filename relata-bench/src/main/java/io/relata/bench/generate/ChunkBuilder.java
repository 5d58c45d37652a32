package io.relata.bench.generate;

import io.relata.core.model.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the records of one chunk: a few organizations, then households and single people until the
 * chunk's record budget is met exactly. All records of an entity, and every relationship target, stay
 * inside the chunk, so a chunk can be shuffled and written on its own.
 */
final class ChunkBuilder {
    private static final double MEAN_HOUSEHOLD_SIZE = 3.1;
    private static final SourceProfile[] SOURCES = SourceProfile.values();

    private final GeneratorConfig config;
    private final RunTally tally;
    private final PersonFactory people;
    private final RecordRenderer renderer;
    private final WeightedPool<SourceProfile> sourcePool;
    /** Chance that a new unit is a household, chosen so that {@code householdShare} of persons live in one. */
    private final double householdUnitChance;

    ChunkBuilder(GeneratorConfig config, RunTally tally, RecordRenderer renderer) {
        this.config = config;
        this.tally = tally;
        this.people = new PersonFactory(tally::nextEntityId);
        this.renderer = renderer;
        double[] shares = new double[SOURCES.length];
        for (int i = 0; i < shares.length; i++) shares[i] = SOURCES[i].share;
        this.sourcePool = new WeightedPool<>(List.of(SOURCES), shares);
        double s = config.householdShare();
        this.householdUnitChance = s >= 1 ? 1 : s / (MEAN_HOUSEHOLD_SIZE - s * (MEAN_HOUSEHOLD_SIZE - 1));
    }

    List<Draft> build(SplittableRandom rng, int budget) {
        List<Draft> drafts = new ArrayList<>(budget);
        List<Organization> employers = new ArrayList<>(), schools = new ArrayList<>(), sponsors = new ArrayList<>();
        int orgCount = (int) Math.round(budget / config.meanRecordsPerEntity() * config.orgShare());
        for (int i = 0; i < orgCount && drafts.size() < budget; i++) {
            double kind = rng.nextDouble();
            Organization.Kind k = kind < 0.6 ? Organization.Kind.EMPLOYER : kind < 0.85 ? Organization.Kind.SCHOOL : Organization.Kind.SPONSOR;
            Organization o = people.organization(rng, k);
            renderOrganization(rng, o, budget - drafts.size(), drafts);
            (k == Organization.Kind.EMPLOYER ? employers : k == Organization.Kind.SCHOOL ? schools : sponsors).add(o);
            if (!o.records.isEmpty()) tally.organizations++;
        }
        while (drafts.size() < budget) {
            int remaining = budget - drafts.size();
            List<Person> unit;
            int[] counts;
            boolean household = rng.nextDouble() < householdUnitChance;
            if (household) {
                boolean junior = rng.nextDouble() < config.juniorRate();
                boolean twins = rng.nextDouble() < config.twinRate();
                int size = 2 + rng.nextInt(4);
                size = Math.max(size, 1 + (junior ? 1 : 0) + (twins ? 2 : 0));
                unit = people.household(rng, size, junior, twins);
                counts = recordCounts(rng, unit.size());
                if (sum(counts) > remaining) {
                    household = false;
                    unit = List.of(people.single(rng));
                    counts = new int[] {Math.min(remaining, recordCounts(rng, 1)[0])};
                } else {
                    tally.households++;
                    tally.personsInHouseholds += unit.size();
                    if (junior) tally.juniorPairs++;
                    if (twins) tally.twinPairs++;
                }
            } else {
                unit = List.of(people.single(rng));
                counts = new int[] {Math.min(remaining, recordCounts(rng, 1)[0])};
            }
            for (int i = 0; i < unit.size(); i++) {
                Person p = unit.get(i);
                assignOrganizations(rng, p, employers, schools, sponsors);
                for (int r = 0; r < counts[i]; r++) {
                    SourceProfile s = sourceFor(rng, p);
                    Draft d = renderer.person(rng, p, s, tally.nextRecordId(s));
                    p.records.add(d);
                    drafts.add(d);
                }
                tally.persons++;
            }
            for (Person p : unit) link(rng, p);
        }
        return drafts;
    }

    private void renderOrganization(SplittableRandom rng, Organization o, int room, List<Draft> drafts) {
        SourceProfile home = switch (o.kind) {
            case SCHOOL -> SourceProfile.STUDENT_REG;
            case EMPLOYER -> SourceProfile.BENEFITS;
            case SPONSOR -> SourceProfile.VISA_APPS;
        };
        List<SourceProfile> sources = new ArrayList<>(3);
        sources.add(home);
        if (home != SourceProfile.VISA_APPS && rng.nextDouble() < 0.5) sources.add(SourceProfile.VISA_APPS);
        if (home != SourceProfile.BENEFITS && rng.nextDouble() < 0.3) sources.add(SourceProfile.BENEFITS);
        for (int i = 0; i < sources.size() && i < room; i++) {
            Draft d = renderer.organization(rng, o, sources.get(i), tally.nextRecordId(sources.get(i)));
            o.records.add(d);
            drafts.add(d);
        }
    }

    /** Records per person: one plus a geometric tail, so most people have one record and a few have many. */
    private int[] recordCounts(SplittableRandom rng, int persons) {
        int[] counts = new int[persons];
        double q = 1.0 / config.meanRecordsPerEntity();
        for (int i = 0; i < persons; i++) {
            int extra = q >= 1 ? 0 : (int) (Math.log(1 - rng.nextDouble()) / Math.log(1 - q));
            counts[i] = 1 + Math.min(extra, 24);
        }
        return counts;
    }

    private static int sum(int[] counts) {
        int s = 0;
        for (int c : counts) s += c;
        return s;
    }

    /** Students are young; everyone else can be in any source. */
    private SourceProfile sourceFor(SplittableRandom rng, Person p) {
        int age = (PersonFactory.REFERENCE_DAY - p.dobEpochDay) / 365;
        for (;;) {
            SourceProfile s = sourcePool.pick(rng);
            if (s == SourceProfile.STUDENT_REG && (age < 14 || age > 40)) continue;
            return s;
        }
    }

    private static void assignOrganizations(SplittableRandom rng, Person p, List<Organization> employers,
                                            List<Organization> schools, List<Organization> sponsors) {
        int age = (PersonFactory.REFERENCE_DAY - p.dobEpochDay) / 365;
        if (age >= 18 && age <= 70 && !employers.isEmpty() && rng.nextDouble() < 0.5) p.employer = popular(rng, employers);
        if (age >= 14 && age <= 40 && !schools.isEmpty()) p.school = popular(rng, schools);
        if (!sponsors.isEmpty() && rng.nextDouble() < 0.3) p.sponsor = popular(rng, sponsors);
    }

    /** A few big employers and schools take most people. */
    private static Organization popular(SplittableRandom rng, List<Organization> orgs) {
        return orgs.get((int) (Math.pow(rng.nextDouble(), 2.5) * orgs.size()));
    }

    /** Disclosed links: family members (same source where possible) and the person's employer, school, sponsor. */
    private void link(SplittableRandom rng, Person p) {
        for (Draft d : p.records) {
            for (int i = 0; i < p.relatives.size(); i++) {
                if (rng.nextDouble() >= 0.35) continue;
                Draft target = targetIn(rng, p.relatives.get(i).records, d.source());
                if (target == null) continue;
                d.builder().relationship(new Relationship("FAMILY", target.source().name(), target.id(), p.relativeRoles.get(i)));
                tally.relationships[0]++;
            }
            Organization org = switch (d.source()) {
                case BENEFITS -> p.employer;
                case STUDENT_REG -> p.school;
                case VISA_APPS -> p.sponsor != null ? p.sponsor : p.school;
                default -> null;
            };
            if (org == null || org.records.isEmpty() || rng.nextDouble() < 0.2) continue;
            Draft target = targetIn(rng, org.records, d.source());
            if (target == null) target = org.records.get(0);
            String type = org == p.employer ? "EMPLOYER" : org == p.school ? "SCHOOL" : "SPONSOR";
            d.builder().relationship(new Relationship(type, target.source().name(), target.id(), null));
            tally.relationships[type.equals("EMPLOYER") ? 1 : type.equals("SCHOOL") ? 2 : 3]++;
        }
    }

    private static Draft targetIn(SplittableRandom rng, List<Draft> records, SourceProfile preferred) {
        if (records.isEmpty()) return null;
        for (Draft d : records) if (d.source() == preferred) return d;
        return rng.nextDouble() < 0.4 ? records.get(rng.nextInt(records.size())) : null;
    }
}
