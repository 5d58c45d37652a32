package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.RecordFeatures;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

class PairScorerSymmetryPropertiesTest {
    private static final int POOL = 80;
    private static final RecordFeatures[] pool = pool(POOL, 11);
    private static final PairScorer scorer = new PairScorer(MatchModel.defaults(), Records.frequencies(pool));

    /**
     * Noisy variants of a few people: nicknames, typos, initials, middle names, partial and swapped dates,
     * changed or missing contacts, second names. Names keep their given/surname order (see PairScorerTest for
     * the swapped-order case).
     */
    static RecordFeatures[] pool(int n, long seed) {
        String[][] people = {{"William", "Smith", "1980-05-03"}, {"Ana", "Lopez", "1990-07-21"},
                {"Maria", "Lopez", "1990-07-21"}, {"Robert", "Nakamura", "1975-11-30"}};
        String[][] givenVariants = {{"William", "Bill", "W", "Wiliam", "Will"}, {"Ana", "Anna", "A", "Anne", "Ana"},
                {"Maria", "Mary", "M", "Marie", "Mia"}, {"Robert", "Bob", "R", "Rboert", "Rob"}};
        SplittableRandom r = new SplittableRandom(seed);
        List<RecordFeatures> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int p = r.nextInt(people.length);
            String[] person = people[p];
            var b = Records.person(i % 2 == 0 ? "S" : "T", "p" + i);
            if (r.nextInt(6) > 0) b.given(givenVariants[p][r.nextInt(5)]);
            b.surname(r.nextInt(5) == 0 ? person[1] + (r.nextBoolean() ? " Jr" : "e") : person[1]);
            if (r.nextInt(4) == 0) b.middle(r.nextBoolean() ? "Henry" : givenVariants[p][0]);
            if (r.nextInt(5) == 0) b.fullName(givenVariants[(p + 1) % 4][0] + " " + person[1]);
            switch (r.nextInt(6)) {
                case 0 -> {}
                case 1 -> b.dob(person[2].substring(0, 4));
                case 2 -> b.dob(person[2].substring(0, 5) + person[2].substring(8) + "-" + person[2].substring(5, 7));
                default -> b.dob(r.nextInt(4) == 0 ? "19" + (50 + r.nextInt(40)) + "-02-11" : person[2]);
            }
            if (r.nextBoolean()) b.gender(p == 1 || p == 2 ? "F" : "M");
            if (r.nextInt(3) > 0) b.phone("312 867 44" + (10 + p + (r.nextInt(4) == 0 ? 1 : 0)));
            if (r.nextInt(3) == 0) b.email(person[0].toLowerCase() + (r.nextBoolean() ? "@example.com" : "@mail.org"));
            if (r.nextBoolean()) b.address((10 + p * (r.nextInt(3) == 0 ? 2 : 1)) + " Main St", "Springfield",
                    r.nextInt(4) == 0 ? "62701" : "62704");
            if (r.nextInt(3) == 0) b.id(r.nextBoolean() ? "PASSPORT" : "A_NUMBER", "A1234567" + (p + r.nextInt(2)));
            if (r.nextInt(8) == 0) b.nationality(r.nextBoolean() ? "US" : "Mexico");
            out.add(b.features());
        }
        return out.toArray(RecordFeatures[]::new);
    }

    @Example
    void thePoolHoldsMatchesAndConflicts() {
        int matches = 0, conflicts = 0, swapped = 0;
        Comparison c = new Comparison();
        for (int i = 0; i < POOL; i++) {
            for (int j = i + 1; j < POOL; j++) {
                scorer.score(pool[i], pool[j], c);
                if (scorer.outcome(c) == Outcome.MATCH) matches++;
                if (c.conflict()) conflicts++;
                if (c.levelName(Feature.DOB).equals("SWAPPED")) swapped++;
            }
        }
        assertThat(matches).isPositive();
        assertThat(conflicts).isPositive();
        assertThat(swapped).isPositive();
    }

    @Property(tries = 600)
    void scoringIsSymmetric(@ForAll @IntRange(max = POOL - 1) int i, @ForAll @IntRange(max = POOL - 1) int j) {
        Comparison ab = new Comparison(), ba = new Comparison();
        double x = scorer.score(pool[i], pool[j], ab), y = scorer.score(pool[j], pool[i], ba);

        assertThat(x).as("score(%d,%d) vs score(%d,%d)", i, j, j, i).isEqualTo(y);
        for (Feature f : Feature.ALL) {
            assertThat(ab.levelName(f)).as("%s of %d,%d", f, i, j).isEqualTo(ba.levelName(f));
        }
        assertThat(ab.conflict()).isEqualTo(ba.conflict());
        assertThat(ab.matchKey()).isEqualTo(ba.matchKey());
        assertThat(scorer.outcome(ab)).isEqualTo(scorer.outcome(ba));
    }
}
