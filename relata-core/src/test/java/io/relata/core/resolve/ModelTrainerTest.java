package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.model.Record;
import io.relata.core.standardize.RecordFeatures;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ModelTrainerTest {
    private static final MatchModel DEFAULTS = MatchModel.defaults();

    private static double u(MatchModel model, Feature f, String level) {
        return model.parameters(f).levels().get(f.level(level)).u();
    }

    private static double m(MatchModel model, Feature f, String level) {
        return model.parameters(f).levels().get(f.level(level)).m();
    }

    /** Another source's record of the same person: name, the given birth date, gender and phone. */
    private static Records.Builder copyOf(Record r, String dob) {
        var n = r.names().get(0);
        return Records.person("T", r.id()).given(n.given()).surname(n.surname()).dob(dob).gender(r.gender())
                .phone(r.phones().get(0));
    }

    /** u from random pairs, then m by EM over the blocking candidates, as a batch resolution fits the model. */
    private static MatchModel fit(RecordFeatures[] features) {
        ValueFrequencies frequencies = ValueFrequencies.of(features);
        MatchModel withU = ModelTrainer.estimateU(DEFAULTS, features, frequencies, 200_000, 1);
        CandidatePairs candidates = new CandidateGenerator(100).generate(features);
        return ModelTrainer.estimateM(withU, features, frequencies, candidates.pairs(), null);
    }

    @Test
    void randomPairsRarelyShareABirthDateButOftenAGender() {
        RecordFeatures[] pool = Records.backgroundFeatures();

        MatchModel fitted = ModelTrainer.estimateU(DEFAULTS, pool, Records.frequencies(), 20_000, 1);

        assertThat(u(fitted, Feature.DOB, "EXACT")).isLessThan(u(fitted, Feature.GENDER, "SAME") / 100);
        assertThat(u(fitted, Feature.GENDER, "SAME")).isBetween(0.3, 0.7); // the pool is half M, half F
        assertThat(u(fitted, Feature.PHONE, "EXACT")).isLessThan(0.001);
        // missing keeps m = u = 1: no evidence
        assertThat(u(fitted, Feature.DOB, "MISSING")).isEqualTo(1.0);
        // only u changes
        for (Feature f : Feature.ALL) {
            for (int l = 0; l < f.levelCount(); l++) {
                assertThat(fitted.parameters(f).levels().get(l).m()).isEqualTo(DEFAULTS.parameters(f).levels().get(l).m());
            }
        }
    }

    @Test
    void duplicatesAmongTheRandomPairsDoNotMakeAStrongLevelLookLikeChance() {
        // a small data set of 400 people with five records each: one random pair in 400 is the same person
        List<Record> records = new ArrayList<>();
        for (Record r : Records.background(400, 5)) {
            var n = r.names().get(0);
            for (int copy = 0; copy < 5; copy++) {
                records.add(Records.person("S" + copy, r.id()).given(n.given()).surname(n.surname()).dob(r.dob())
                        .gender(r.gender()).phone(r.phones().get(0)).record());
            }
        }
        RecordFeatures[] features = Records.features(records);

        MatchModel fitted = ModelTrainer.estimateU(DEFAULTS, features, ValueFrequencies.of(features), 200_000, 1);

        // counted, the 500 or so duplicate pairs among 200,000 would put u(PHONE EXACT) near 0.0025
        assertThat(u(fitted, Feature.PHONE, "EXACT")).isLessThan(0.0001);
        assertThat(u(fitted, Feature.DOB, "EXACT")).isLessThan(0.0005);
    }

    @Test
    void estimateUIsRepeatableWithTheSameSeed() {
        RecordFeatures[] pool = Records.backgroundFeatures();
        assertThat(ModelTrainer.estimateU(DEFAULTS, pool, Records.frequencies(), 5_000, 3))
                .isEqualTo(ModelTrainer.estimateU(DEFAULTS, pool, Records.frequencies(), 5_000, 3));
    }

    @Test
    void estimateUOnOneRecordKeepsTheModel() {
        RecordFeatures[] one = {Records.backgroundFeatures()[0]};
        assertThat(ModelTrainer.estimateU(DEFAULTS, one, ValueFrequencies.of(one), 100, 1)).isSameAs(DEFAULTS);
    }

    @Test
    void emOnCleanDuplicatesGivesHighMForExactLevels() {
        // 300 people, each written by two sources without errors, plus their blocking candidates
        List<Record> background = Records.background(300, 99);
        List<Record> records = new ArrayList<>(background);
        for (Record r : background) {
            records.add(copyOf(r, r.dob()).address(r.addresses().get(0).line1(), r.addresses().get(0).city(),
                    r.addresses().get(0).postcode()).record());
        }
        RecordFeatures[] features = Records.features(records);
        ValueFrequencies frequencies = ValueFrequencies.of(features);
        CandidatePairs candidates = new CandidateGenerator(100).generate(features);
        double[] proportion = new double[1];

        MatchModel fitted = ModelTrainer.estimateM(DEFAULTS, features, frequencies, candidates.pairs(), proportion);

        for (Feature f : List.of(Feature.GIVEN_NAME, Feature.SURNAME, Feature.DOB, Feature.PHONE, Feature.ADDRESS)) {
            assertThat(m(fitted, f, "EXACT")).as("m(%s EXACT)", f).isGreaterThan(0.5);
        }
        assertThat(m(fitted, Feature.GENDER, "SAME")).isGreaterThan(0.5);
        assertThat(m(fitted, Feature.DOB, "DIFFERENT")).isLessThan(0.1);
        assertThat(proportion[0]).isBetween(0.0, 1.0);
        // m of the present levels is a distribution; u and the missing level are untouched
        for (Feature f : List.of(Feature.DOB, Feature.PHONE, Feature.GIVEN_NAME)) {
            double sum = 0;
            for (int l = 0; l < f.missing(); l++) sum += fitted.parameters(f).levels().get(l).m();
            assertThat(sum).as("sum of m over %s", f).isCloseTo(1.0, org.assertj.core.api.Assertions.within(1e-4));
            assertThat(u(fitted, f, "EXACT")).isEqualTo(u(DEFAULTS, f, "EXACT"));
            assertThat(m(fitted, f, "MISSING")).isEqualTo(1.0);
        }
    }

    @Test
    void peopleWhoShareACommonNameDoNotTeachEmThatMatchesDisagreeOnTheBirthDate() {
        // 300 people written twice without errors, and 400 different men all called Wei Wang, from China
        List<Record> background = Records.background(300, 11);
        List<Record> records = new ArrayList<>(background);
        for (Record r : background) records.add(copyOf(r, r.dob()).record());
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        for (int i = 0; i < 400; i++) {
            records.add(Records.person("W", "wang" + i).given("Wei").surname("Wang").gender("M").nationality("CN")
                    .dob(String.format("%d-%02d-%02d", 1960 + random.nextInt(8), 1 + random.nextInt(12),
                            1 + random.nextInt(28)))
                    .phone(String.format("+1 415 555 %04d", i)).record());
        }
        MatchModel fitted = fit(Records.features(records));

        // the Wei Wangs born in the same year meet through the birth-year key; taken for matches, they would put
        // m(DOB DIFFERENT or NEAR) far above the few per cent that wrong birth dates give
        assertThat(m(fitted, Feature.DOB, "DIFFERENT") + m(fitted, Feature.DOB, "NEAR")).isLessThan(0.1);
        assertThat(m(fitted, Feature.DOB, "EXACT")).isGreaterThan(0.8);
    }

    @Test
    void aConflictThatOnePersonsRecordsOftenShowIsWeighedNotAVeto() {
        // 400 people written twice; in the noisy data a third of the second records give another birth date
        for (boolean noisy : new boolean[] {false, true}) {
            List<Record> background = Records.background(400, 21);
            List<Record> records = new ArrayList<>(background);
            int i = 0;
            for (Record r : background) {
                String dob = noisy && i++ % 3 == 0 ? String.format("19%02d-0%d-1%d", 30 + i % 60, 1 + i % 9, i % 10) : r.dob();
                records.add(copyOf(r, dob).record());
            }
            MatchModel fitted = fit(Records.features(records));

            LevelParameters different = fitted.parameters(Feature.DOB).levels().get(DateComparator.DIFFERENT);
            assertThat(different.conflict()).as("noisy %s: %s", noisy, different).isEqualTo(!noisy);
            assertThat(different.weight()).isNegative();
            assertThat(fitted.parameters(Feature.GIVEN_NAME).levels().get(NameComparator.G_DIFFERENT).conflict()).isTrue();
        }
    }

    @Test
    void withoutDuplicatesEmFindsNoMatchesAndTheModelKeepsItsPrior() {
        // 6,000 different people and 1,200 full names: most names are borne by three to seven of them
        List<Record> people = new ArrayList<>();
        java.util.SplittableRandom random = new java.util.SplittableRandom(5);
        List<Record> names = Records.background(70, 8);
        for (int i = 0; i < 6_000; i++) {
            String given = names.get(random.nextInt(30)).names().get(0).given();
            String surname = names.get(30 + random.nextInt(40)).names().get(0).surname();
            people.add(Records.person("S", "p" + i).given(given).surname(surname)
                    .dob(String.format("%d-%02d-%02d", 1930 + random.nextInt(80), 1 + random.nextInt(12),
                            1 + random.nextInt(28)))
                    .gender(random.nextBoolean() ? "M" : "F").phone(String.format("+1 773 555 %04d", i)).record());
        }
        RecordFeatures[] features = Records.features(people);
        MatchModel withU = ModelTrainer.estimateU(DEFAULTS, features, ValueFrequencies.of(features), 200_000, 1);

        MatchModel fitted = fit(features);

        // the pairs EM calls matches are merely the most alike different people: no better than chance on these
        for (Feature f : List.of(Feature.GIVEN_NAME, Feature.DOB, Feature.PHONE)) {
            assertThat(fitted.parameters(f)).as("%s", f).isEqualTo(withU.parameters(f));
        }
    }

    @Test
    void siblingsBornTheSameDayDoNotTeachEmThatOnePersonsGivenNamesDiffer() {
        // 3,000 pairs of twins, no duplicates: each pair shares a surname and a birth date; two pairs in three
        // have alike given names (Kalo and Kali compare WEAK), the third quite different ones
        // (given names of three syllables, as varied as real ones: two random ones are rarely alike)
        List<Record> background = Records.background(9_000, 4);
        List<Record> people = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Record a = background.get(i);
            String surname = a.names().get(0).surname(), given = background.get(3_000 + i).names().get(0).surname();
            String twin = i % 3 == 2 ? background.get(6_000 + i).names().get(0).surname()
                    : given.substring(0, given.length() - 1) + (given.endsWith("x") ? "y" : "x");
            people.add(Records.person("S", "a" + i).given(given).surname(surname).dob(a.dob()).phone(a.phones().get(0)).record());
            people.add(Records.person("S", "b" + i).given(twin).surname(surname).dob(a.dob())
                    .phone(String.format("+1 773 555 %04d", i)).record());
        }
        RecordFeatures[] features = Records.features(people);
        MatchModel withU = ModelTrainer.estimateU(DEFAULTS, features, ValueFrequencies.of(features), 200_000, 1);

        MatchModel fitted = fit(features);

        // EM's "matches" are the twins, whose given names differ: nearer chance than one person's records
        assertThat(fitted.parameters(Feature.GIVEN_NAME)).isEqualTo(withU.parameters(Feature.GIVEN_NAME));
        assertThat(fitted.parameters(Feature.GIVEN_NAME).levels().get(NameComparator.G_DIFFERENT).conflict()).isTrue();
    }
}
