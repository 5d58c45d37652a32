package io.relata.bench.generate;

import io.relata.bench.generate.Formats.DateStyle;
import io.relata.core.model.Event;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plants co-travel groups: 2-5 unrelated people (each single, with an address and phone of their own) who took
 * the same 2-4 flights: every member's first record is an ENTRY_EXIT record holding exactly those trips, each
 * an ENTRY or EXIT with the same flight number, date and port. Flight numbers are drawn as for everyone else,
 * so only the repetition across dates sets a group apart.
 */
final class CoTravelPlanter {
    /** Weights of group sizes 2 to 5. */
    private static final double[] SIZE_WEIGHTS = {0.4, 0.3, 0.2, 0.1};

    private final GeneratorConfig config;
    private final RunTally tally;
    private final PersonFactory people;
    private final RecordRenderer renderer;
    private final Placement placement;

    CoTravelPlanter(GeneratorConfig config, RunTally tally, PersonFactory people, RecordRenderer renderer, Placement placement) {
        this.config = config;
        this.tally = tally;
        this.people = people;
        this.renderer = renderer;
        this.placement = placement;
    }

    void plant(SplittableRandom rng, Chunk chunk) {
        int groups = Placement.randomRound(rng, config.coTravelRate() / 1000 * placement.expectedPersons(chunk.budget));
        for (int i = 0; i < groups; i++) plantGroup(rng, chunk);
    }

    private void plantGroup(SplittableRandom rng, Chunk chunk) {
        double x = rng.nextDouble();
        int size = x < SIZE_WEIGHTS[0] ? 2 : x < SIZE_WEIGHTS[0] + SIZE_WEIGHTS[1] ? 3 : x < 1 - SIZE_WEIGHTS[3] ? 4 : 5;
        int[] counts = placement.recordCounts(rng, size);
        if (Placement.sum(counts) > chunk.room()) return;
        List<Person> members = new ArrayList<>(size);
        for (int i = 0; i < size; i++) members.add(people.single(rng));
        List<Event> trips = trips(rng, members);
        String group = "cotravel-" + (++tally.coTravelGroups);
        for (int i = 0; i < size; i++) {
            Person p = members.get(i);
            Placement.assignOrganizations(rng, p, chunk);
            for (int r = 0; r < counts[i]; r++) {
                SourceProfile s = r == 0 ? SourceProfile.ENTRY_EXIT : placement.sourceFor(rng, p);
                Draft d = renderer.person(rng, p, s, tally.nextRecordId(s), r == 0 ? trips : null);
                p.records.add(d);
                chunk.add(d);
            }
            placement.link(rng, p);
            tally.persons++;
            tally.coTravellers++;
            chunk.pattern(PatternKind.CO_TRAVEL, group, p.records);
        }
    }

    /** 2-4 flights, a few days to a year apart, inside the event window and after every member's birth. */
    private static List<Event> trips(SplittableRandom rng, List<Person> members) {
        int n = 2 + rng.nextInt(3);
        int[] gaps = new int[n];
        int total = 0;
        for (int i = 1; i < n; i++) total += gaps[i] = 3 + rng.nextInt(400);
        int start = PersonFactory.REFERENCE_DAY - RecordRenderer.EVENT_WINDOW_DAYS;
        for (Person p : members) start = Math.max(start, p.dobEpochDay);
        int day = start + rng.nextInt(Math.max(1, PersonFactory.REFERENCE_DAY - start - total));
        boolean entry = rng.nextBoolean();
        List<Event> trips = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            day += gaps[i];
            String flight = RecordRenderer.flight(rng);
            trips.add(new Event(entry ? "ENTRY" : "EXIT", Formats.date(day, DateStyle.ISO), RecordRenderer.port(rng), flight));
            entry = !entry;
        }
        return trips;
    }
}
