package io.relata.bench.generate;

import java.util.List;
import java.util.SplittableRandom;

/**
 * Builds the records of one chunk: a few organizations, the planted patterns (identity rings, co-travel groups),
 * then households and single people until the chunk's record budget is met exactly. All records of an entity,
 * and every relationship target, stay inside the chunk, so a chunk can be shuffled and written on its own; the
 * one exception is a concentration organization, named by rings of later chunks once its records are written.
 */
final class ChunkBuilder {
    private static final double MEAN_HOUSEHOLD_SIZE = 3.1;

    private final GeneratorConfig config;
    private final RunTally tally;
    private final PersonFactory people;
    private final Placement placement;
    private final RingPlanter rings;
    private final CoTravelPlanter coTravel;
    /** Chance that a new unit is a household, chosen so that {@code householdShare} of persons live in one. */
    private final double householdUnitChance;

    ChunkBuilder(GeneratorConfig config, RunTally tally, RecordRenderer renderer) {
        this.config = config;
        this.tally = tally;
        this.people = new PersonFactory(tally::nextEntityId);
        this.placement = new Placement(config, tally, renderer);
        this.rings = new RingPlanter(config, tally, people, renderer, placement);
        this.coTravel = new CoTravelPlanter(config, tally, people, renderer, placement);
        double s = config.householdShare();
        this.householdUnitChance = s >= 1 ? 1 : s / (MEAN_HOUSEHOLD_SIZE - s * (MEAN_HOUSEHOLD_SIZE - 1));
    }

    Chunk build(SplittableRandom rng, int budget) {
        Chunk chunk = new Chunk(budget);
        int orgCount = (int) Math.round(budget / config.meanRecordsPerEntity() * config.orgShare());
        for (int i = 0; i < orgCount && chunk.room() > 0; i++) {
            double kind = rng.nextDouble();
            Organization.Kind k = kind < 0.6 ? Organization.Kind.EMPLOYER : kind < 0.85 ? Organization.Kind.SCHOOL : Organization.Kind.SPONSOR;
            Organization o = people.organization(rng, k);
            placement.addOrganization(rng, chunk, o, chunk.room());
            (k == Organization.Kind.EMPLOYER ? chunk.employers : k == Organization.Kind.SCHOOL ? chunk.schools : chunk.sponsors).add(o);
            if (!o.records.isEmpty()) tally.organizations++;
        }
        rings.plant(rng, chunk);
        coTravel.plant(rng, chunk);
        while (chunk.room() > 0) {
            int remaining = chunk.room();
            List<Person> unit;
            int[] counts;
            boolean household = rng.nextDouble() < householdUnitChance;
            if (household) {
                boolean junior = rng.nextDouble() < config.juniorRate();
                boolean twins = rng.nextDouble() < config.twinRate();
                int size = 2 + rng.nextInt(4);
                size = Math.max(size, 1 + (junior ? 1 : 0) + (twins ? 2 : 0));
                unit = people.household(rng, size, junior, twins);
                counts = placement.recordCounts(rng, unit.size());
                if (Placement.sum(counts) > remaining) {
                    unit = List.of(people.single(rng));
                    counts = new int[] {Math.min(remaining, placement.recordCounts(rng, 1)[0])};
                } else {
                    tally.households++;
                    tally.personsInHouseholds += unit.size();
                    if (junior) tally.juniorPairs++;
                    if (twins) tally.twinPairs++;
                }
            } else {
                unit = List.of(people.single(rng));
                counts = new int[] {Math.min(remaining, placement.recordCounts(rng, 1)[0])};
            }
            for (int i = 0; i < unit.size(); i++) {
                Person p = unit.get(i);
                Placement.assignOrganizations(rng, p, chunk);
                for (int r = 0; r < counts[i]; r++) placement.addRecord(rng, chunk, p, placement.sourceFor(rng, p));
                tally.persons++;
            }
            for (Person p : unit) placement.link(rng, p);
        }
        return chunk;
    }
}
