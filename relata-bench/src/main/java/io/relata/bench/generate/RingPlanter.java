package io.relata.bench.generate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Plants synthetic-identity rings: 3-8 fabricated identities (each its own entity, from different cultures, with
 * different birth dates and no family links) that share a small pool of SSNs or A-numbers, phones, addresses and
 * maybe an e-mail. Each member holds an overlapping subset of the pool, so the ring is connected and dense, and
 * lives in BENEFITS and VISA_APPS records. Some rings work for one of the {@link ConcentrationOrgs}.
 */
final class RingPlanter {
    /** Weights of ring sizes 3 to 8: small rings are the common ones. */
    private static final double[] SIZE_WEIGHTS = {0.25, 0.25, 0.20, 0.14, 0.10, 0.06};
    /** Chance a member holds each pool value beyond the one that connects it: rings come out fairly dense. */
    private static final double HOLD_CHANCE = 0.3;

    private final GeneratorConfig config;
    private final RunTally tally;
    private final PersonFactory people;
    private final RecordRenderer renderer;
    private final Placement placement;
    private final ConcentrationOrgs orgs;
    /** Every ring value drawn so far (a few per ring, so small), so that no two rings share one. */
    private final Set<String> used = new HashSet<>();

    RingPlanter(GeneratorConfig config, RunTally tally, PersonFactory people, RecordRenderer renderer, Placement placement) {
        this.config = config;
        this.tally = tally;
        this.people = people;
        this.renderer = renderer;
        this.placement = placement;
        this.orgs = new ConcentrationOrgs(tally, people, placement);
    }

    void plant(SplittableRandom rng, Chunk chunk) {
        int rings = Placement.randomRound(rng, config.ringRate() / 1000 * placement.expectedPersons(chunk.budget));
        for (int i = 0; i < rings; i++) plantRing(rng, chunk);
    }

    private void plantRing(SplittableRandom rng, Chunk chunk) {
        int size = 3 + pick(rng, SIZE_WEIGHTS);
        int[] counts = new int[size];
        for (int i = 0; i < size; i++) counts[i] = 1 + (rng.nextDouble() < 0.45 ? 1 : 0) + (rng.nextDouble() < 0.15 ? 1 : 0);
        if (Placement.sum(counts) + 3 > chunk.room()) return; // 3: a concentration organization's records
        List<SharedValue> pool = pool(rng);
        List<List<SharedValue>> held = share(rng, pool, size);
        Organization org = rng.nextDouble() < config.concentrationShare() ? orgs.current(rng, chunk) : null;
        String group = "ring-" + (++tally.identityRings);
        if (org != null) tally.ringsAtConcentrationOrgs++;
        List<Person> members = members(rng, size);
        for (int m = 0; m < size; m++) {
            Person p = members.get(m);
            p.address = held.get(m).stream().filter(v -> v.kind() == SharedValue.Kind.ADDRESS).findFirst().map(SharedValue::address).orElse(null);
            if (p.address == null) {
                // An application needs an address: one of its own (ordinary, so unique to it) when it uses none of the ring's.
                p.address = people.usAddress(rng);
                held.get(m).add(0, new SharedValue(SharedValue.Kind.ADDRESS, null, p.address));
            }
            SourceProfile s = rng.nextDouble() < 0.6 ? SourceProfile.BENEFITS : SourceProfile.VISA_APPS;
            for (int r = 0; r < counts[m]; r++) {
                // Later records tend to be in the other source, and each captures only part of what the member uses.
                if (r > 0 && rng.nextDouble() < 0.7) s = s == SourceProfile.BENEFITS ? SourceProfile.VISA_APPS : SourceProfile.BENEFITS;
                List<SharedValue> values = r == 0 ? held.get(m) : someOf(rng, held.get(m));
                Draft d = renderer.ringMember(rng, p, s, tally.nextRecordId(s), values);
                p.records.add(d);
                chunk.add(d);
            }
            if (org != null) {
                orgs.link(rng, p, org);
            } else {
                Placement.assignOrganizations(rng, p, chunk);
                placement.link(rng, p);
            }
            tally.persons++;
            tally.ringMembers++;
            chunk.pattern(PatternKind.IDENTITY_RING, group, p.records);
        }
    }

    /** 1-2 addresses, 1-2 SSNs or A-numbers, 1-3 phones (in the first address's area) and sometimes an e-mail. */
    private List<SharedValue> pool(SplittableRandom rng) {
        List<SharedValue> pool = new ArrayList<>(8);
        int addresses = 1 + (rng.nextDouble() < 0.5 ? 1 : 0);
        for (int i = 0; i < addresses; i++) pool.add(draw(rng, SharedValue.Kind.ADDRESS, null));
        int ids = 1 + (rng.nextDouble() < 0.5 ? 1 : 0);
        for (int i = 0; i < ids; i++) pool.add(draw(rng, rng.nextDouble() < 0.6 ? SharedValue.Kind.SSN : SharedValue.Kind.A_NUMBER, null));
        int phones = 1 + rng.nextInt(3);
        for (int i = 0; i < phones; i++) pool.add(draw(rng, SharedValue.Kind.PHONE, pool.get(0).address()));
        if (rng.nextDouble() < 0.4) pool.add(draw(rng, SharedValue.Kind.EMAIL, null));
        return pool;
    }

    private SharedValue draw(SplittableRandom rng, SharedValue.Kind kind, PostalAddress near) {
        for (;;) {
            SharedValue v = people.ringValue(rng, kind, near);
            if (used.add(kind + ":" + v.key())) return v;
        }
    }

    /**
     * Which pool values each member holds. Every member after the first takes one value an earlier member holds,
     * so the ring is connected; the rest are random, so it is dense. Every value ends up with at least two holders,
     * since an unshared value is no ring value.
     */
    private static List<List<SharedValue>> share(SplittableRandom rng, List<SharedValue> pool, int size) {
        List<List<SharedValue>> held = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            List<SharedValue> mine = new ArrayList<>(pool.size());
            if (m > 0) {
                List<SharedValue> earlier = held.get(rng.nextInt(m));
                mine.add(earlier.get(rng.nextInt(earlier.size())));
            }
            for (SharedValue v : pool) if (!mine.contains(v) && rng.nextDouble() < HOLD_CHANCE) mine.add(v);
            if (mine.isEmpty()) mine.add(pool.get(rng.nextInt(pool.size())));
            held.add(mine);
        }
        for (SharedValue v : pool) {
            int holders = 0;
            for (List<SharedValue> mine : held) if (mine.contains(v)) holders++;
            while (holders < 2) {
                List<SharedValue> mine = held.get(rng.nextInt(size));
                if (!mine.contains(v)) {
                    mine.add(v);
                    holders++;
                }
            }
        }
        for (List<SharedValue> mine : held) mine.sort(Comparator.comparingInt(pool::indexOf));
        return held;
    }

    private static List<SharedValue> someOf(SplittableRandom rng, List<SharedValue> values) {
        List<SharedValue> some = new ArrayList<>(values.size());
        for (SharedValue v : values) if (rng.nextDouble() < 0.75) some.add(v);
        if (some.isEmpty()) some.add(values.get(rng.nextInt(values.size())));
        return some;
    }

    /** Fabricated identities from as many cultures as members, none born on the same day. */
    private List<Person> members(SplittableRandom rng, int size) {
        Set<Culture> cultures = EnumSet.noneOf(Culture.class);
        Set<Integer> birthDays = new HashSet<>();
        List<Person> members = new ArrayList<>(size);
        for (int m = 0; m < size; m++) {
            Culture c;
            do c = NamePools.get().cultures().pick(rng); while (!cultures.add(c));
            Person p = people.fabricated(rng, c);
            while (!birthDays.add(p.dobEpochDay)) p.dobEpochDay -= 1 + rng.nextInt(365);
            members.add(p);
        }
        return members;
    }

    private static int pick(SplittableRandom rng, double[] weights) {
        double x = rng.nextDouble(), sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += weights[i];
            if (x < sum) return i;
        }
        return weights.length - 1;
    }
}
