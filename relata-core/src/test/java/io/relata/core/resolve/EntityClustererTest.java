package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.RecordFeatures;
import it.unimi.dsi.fastutil.floats.FloatArrayList;
import it.unimi.dsi.fastutil.longs.LongArrayList;
import org.junit.jupiter.api.Test;

class EntityClustererTest {

    /** Scores every pair, keeps the MATCH pairs and clusters them, as the Resolver does. */
    private static Clustering cluster(RecordFeatures... records) {
        PairScorer scorer = new PairScorer(MatchModel.defaults(), Records.frequencies(records));
        LongArrayList pairs = new LongArrayList();
        FloatArrayList weights = new FloatArrayList();
        Comparison c = new Comparison();
        for (int i = 0; i < records.length; i++) {
            for (int j = i + 1; j < records.length; j++) {
                double w = scorer.score(records[i], records[j], c);
                if (scorer.outcome(c) == Outcome.MATCH) {
                    pairs.add(CandidatePairs.pack(i, j));
                    weights.add((float) w);
                }
            }
        }
        return new EntityClusterer(scorer).cluster(records, pairs.toLongArray(), weights.toFloatArray());
    }

    private static Outcome outcome(RecordFeatures a, RecordFeatures b, Comparison c) {
        PairScorer scorer = new PairScorer(MatchModel.defaults(), Records.frequencies(a, b));
        scorer.score(a, b, c);
        return scorer.outcome(c);
    }

    @Test
    void noChainingThroughARecordThatMatchesTwoDifferentPeople() {
        // B has no birth date: it matches A on phone and e-mail, and C on passport and address
        RecordFeatures a = Records.person("S", "A").given("William").surname("Smith").dob("1980-05-03")
                .phone("312 867 4411").email("w.smith@example.com").features();
        RecordFeatures b = Records.person("T", "B").given("William").surname("Smith")
                .phone("312 867 4411").email("w.smith@example.com").id("PASSPORT", "X1234567")
                .address("12 Main St", "Springfield", "62704").features();
        RecordFeatures c = Records.person("P", "C").given("William").surname("Smith").dob("1961-11-20")
                .id("PASSPORT", "X1234567").address("12 Main St", "Springfield", "62704").features();
        Comparison cmp = new Comparison();
        assertThat(outcome(a, b, cmp)).isEqualTo(Outcome.MATCH);
        assertThat(outcome(b, c, cmp)).isEqualTo(Outcome.MATCH);
        assertThat(outcome(a, c, cmp)).isNotEqualTo(Outcome.MATCH);
        assertThat(cmp.conflict()).isTrue();

        Clustering clustering = cluster(a, b, c);

        int[] e = clustering.entityOf();
        assertThat(e[0]).isNotEqualTo(e[2]);
        assertThat(e[1]).isIn(e[0], e[2]); // B joins the stronger of its two matches
        assertThat(clustering.links()).hasSize(1);
        assertThat(clustering.refusedByConflict()).isEqualTo(1);
    }

    @Test
    void oneRecordWithAWrongBirthDateDoesNotKeepAPersonApartFromTheirOtherRecords() {
        // C carries a wrong birth date; its A-number ties it to A and B, and D shares only a name with it
        RecordFeatures a = Records.person("S", "A").given("Kwame").surname("Mensah").dob("1975-02-14")
                .phone("415 222 9876").id("A_NUMBER", "A12345678").features();
        RecordFeatures b = Records.person("T", "B").given("Kwame").surname("Mensah").dob("1975-02-14")
                .id("A_NUMBER", "A12345678").address("7 Harbour Rd", "Portland", "97201").features();
        RecordFeatures c = Records.person("P", "C").given("Kwame").surname("Mensah").dob("1968-09-30").gender("M")
                .id("A_NUMBER", "A12345678").address("7 Harbour Rd", "Portland", "97201").features();
        RecordFeatures d = Records.person("Q", "D").given("Kwame").surname("Mensa").dob("1975-02-14").gender("M")
                .phone("415 222 9876").email("kmensah@example.org").features();
        Comparison cmp = new Comparison();
        PairScorer scorer = new PairScorer(MatchModel.defaults(), Records.frequencies(a, b, c, d));
        scorer.score(d, c, cmp);
        assertThat(cmp.conflict()).isTrue();
        assertThat(cmp.posterior()).as("D ~ C: a name and another birth date").isBetween(-3.0, 0.0);

        Clustering clustering = cluster(a, b, c, d);

        assertThat(clustering.entityOf()).containsOnly(clustering.entityOf()[0]);
    }

    @Test
    void threeRecordsOfOnePersonFormOneEntity() {
        RecordFeatures a = Records.person("S", "1").given("Kwame").surname("Mensah").dob("1975-02-14")
                .id("A_NUMBER", "A12345678").phone("415 222 9876").features();
        RecordFeatures b = Records.person("T", "2").given("Kwame").surname("Mensah").dob("1975-02-14")
                .id("A-Number", "012345678").address("7 Harbour Rd", "Portland", "97201").features();
        RecordFeatures c = Records.person("P", "3").given("Kwame").surname("Mensa").dob("14 Feb 1975")
                .address("7 Harbour Road", "Portland", "97201").phone("+1 415 222 9876").features();

        Clustering clustering = cluster(a, b, c);

        assertThat(clustering.entityOf()).containsOnly(clustering.entityOf()[0]);
        assertThat(clustering.links()).hasSize(2);
        assertThat(clustering.links().get(0).weight()).isGreaterThanOrEqualTo(clustering.links().get(1).weight());
        assertThat(clustering.refusedByConflict()).isZero();
    }

    @Test
    void entityLabelIsTheIndexOfOneOfItsRecords() {
        RecordFeatures a = Records.person("S", "1").given("Ana").surname("Lopez").dob("1990-07-21")
                .phone("312 867 5522").features();
        RecordFeatures lonely = Records.person("S", "2").given("Kwame").surname("Mensah").features();
        RecordFeatures b = Records.person("T", "3").given("Ana").surname("Lopez").dob("1990-07-21")
                .phone("312-867-5522").features();

        int[] e = cluster(a, lonely, b).entityOf();

        assertThat(e[0]).isEqualTo(e[2]).isIn(0, 2);
        assertThat(e[1]).isEqualTo(1);
    }

    @Test
    void noPairsLeaveEveryRecordAlone() {
        RecordFeatures[] records = Records.backgroundFeatures();
        Clustering clustering = new EntityClusterer(new PairScorer(MatchModel.defaults(), Records.frequencies()))
                .cluster(records, new long[0], new float[0]);
        for (int i = 0; i < records.length; i++) assertThat(clustering.entityOf()[i]).isEqualTo(i);
        assertThat(clustering.links()).isEmpty();
    }
}
