package io.relata.bench.generate;

import io.relata.core.model.Relationship;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Puts people and organizations into a chunk the same way for ordinary people and planted patterns: how many
 * records a person has and in which sources, rendering them, and the links those records disclose.
 */
final class Placement {
    private static final SourceProfile[] SOURCES = SourceProfile.values();

    private final GeneratorConfig config;
    private final RunTally tally;
    private final RecordRenderer renderer;
    private final WeightedPool<SourceProfile> sourcePool;

    Placement(GeneratorConfig config, RunTally tally, RecordRenderer renderer) {
        this.config = config;
        this.tally = tally;
        this.renderer = renderer;
        double[] shares = new double[SOURCES.length];
        for (int i = 0; i < shares.length; i++) shares[i] = SOURCES[i].share;
        this.sourcePool = new WeightedPool<>(List.of(SOURCES), shares);
    }

    /** Persons a chunk of this many records holds on average: planters scale their per-person rates with it. */
    double expectedPersons(int records) {
        return records / config.meanRecordsPerEntity() * (1 - config.orgShare());
    }

    /** {@code expected} rounded up or down at random, so that fractional rates add up over many chunks. */
    static int randomRound(SplittableRandom rng, double expected) {
        int whole = (int) expected;
        return whole + (rng.nextDouble() < expected - whole ? 1 : 0);
    }

    /** Renders one record of a person into the chunk. */
    Draft addRecord(SplittableRandom rng, Chunk chunk, Person p, SourceProfile s) {
        Draft d = renderer.person(rng, p, s, tally.nextRecordId(s));
        p.records.add(d);
        chunk.add(d);
        return d;
    }

    /** Renders an organization in its home source and maybe one or two others, as far as the room allows. */
    void addOrganization(SplittableRandom rng, Chunk chunk, Organization o, int room) {
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
            chunk.add(d);
        }
    }

    /** Records per person: one plus a geometric tail, so most people have one record and a few have many. */
    int[] recordCounts(SplittableRandom rng, int persons) {
        int[] counts = new int[persons];
        double q = 1.0 / config.meanRecordsPerEntity();
        for (int i = 0; i < persons; i++) {
            int extra = q >= 1 ? 0 : (int) (Math.log(1 - rng.nextDouble()) / Math.log(1 - q));
            counts[i] = 1 + Math.min(extra, 24);
        }
        return counts;
    }

    static int sum(int[] counts) {
        int s = 0;
        for (int c : counts) s += c;
        return s;
    }

    /** Students are young; everyone else can be in any source. */
    SourceProfile sourceFor(SplittableRandom rng, Person p) {
        int age = (PersonFactory.REFERENCE_DAY - p.dobEpochDay) / 365;
        for (;;) {
            SourceProfile s = sourcePool.pick(rng);
            if (s == SourceProfile.STUDENT_REG && (age < 14 || age > 40)) continue;
            return s;
        }
    }

    static void assignOrganizations(SplittableRandom rng, Person p, Chunk chunk) {
        int age = (PersonFactory.REFERENCE_DAY - p.dobEpochDay) / 365;
        if (age >= 18 && age <= 70 && !chunk.employers.isEmpty() && rng.nextDouble() < 0.5) p.employer = popular(rng, chunk.employers);
        if (age >= 14 && age <= 40 && !chunk.schools.isEmpty()) p.school = popular(rng, chunk.schools);
        if (!chunk.sponsors.isEmpty() && rng.nextDouble() < 0.3) p.sponsor = popular(rng, chunk.sponsors);
    }

    /** A few big employers and schools take most people. */
    private static Organization popular(SplittableRandom rng, List<Organization> orgs) {
        return orgs.get((int) (Math.pow(rng.nextDouble(), 2.5) * orgs.size()));
    }

    /** Disclosed links: family members (same source where possible) and the person's employer, school, sponsor. */
    void link(SplittableRandom rng, Person p) {
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

    static Draft targetIn(SplittableRandom rng, List<Draft> records, SourceProfile preferred) {
        if (records.isEmpty()) return null;
        for (Draft d : records) if (d.source() == preferred) return d;
        return rng.nextDouble() < 0.4 ? records.get(rng.nextInt(records.size())) : null;
    }
}
