package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import io.relata.core.standardize.RecordFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class PairScorerTest {
    private static final MatchModel MODEL = MatchModel.defaults();

    private final Comparison c = new Comparison();

    /** Scores a against b with frequencies of a realistic background plus the pair itself. */
    private Outcome score(RecordFeatures a, RecordFeatures b) {
        PairScorer scorer = new PairScorer(MODEL, Records.frequencies(a, b));
        scorer.score(a, b, c);
        return scorer.outcome(c);
    }

    private static Records.Builder william(String source, String id) {
        return Records.person(source, id).given("William").surname("Smith");
    }

    @Test
    void samePersonInTwoSourcesIsAMatch() {
        RecordFeatures a = william("S", "1").dob("1980-05-03").id("PASSPORT", "X1234567")
                .phone("+1 312 867 4411").features();
        RecordFeatures b = william("T", "9").dob("03/05/1980").id("Passport", "x123 4567")
                .phone("(312) 867-4411").features();

        assertThat(score(a, b)).isEqualTo(Outcome.MATCH);
        assertThat(c.total()).isPositive();
        assertThat(c.conflict()).isFalse();
        assertThat(c.levelName(Feature.GIVEN_NAME)).isEqualTo("EXACT");
        assertThat(c.levelName(Feature.DOB)).isEqualTo("EXACT");
        assertThat(c.levelName(Feature.IDENTIFIER)).isEqualTo("EXACT");
        assertThat(c.agreedValue(Feature.IDENTIFIER)).isEqualTo("PASSPORT:X1234567");
        // the key lists agreeing features in feature order; nothing spoke against the pair
        assertThat(c.matchKey()).startsWith("+NAME+SURNAME+DOB").contains("+PHONE", "+ID").doesNotContain("-", "!");
        assertThat(c.total()).isEqualTo(Arrays.stream(Feature.ALL).mapToDouble(c::weight).sum(),
                org.assertj.core.api.Assertions.within(1e-9));
    }

    private static RecordFeatures father(String dob) {
        return william("S", "1").dob(dob).address("12 Main St", "Springfield", "62704").phone("312 867 4411")
                .gender("M").features();
    }

    private static RecordFeatures son(String dob) {
        return Records.person("T", "2").given("William").surname("Smith Jr").dob(dob)
                .address("12 Main Street", "Springfield", "62704").phone("312-867-4411").gender("M").features();
    }

    @Test
    void fatherAndSonAtOneAddressAreNotAMatch() {
        Outcome outcome = score(father("1952-04-12"), son("1982-09-30"));

        assertThat(outcome).isNotEqualTo(Outcome.MATCH).isNotEqualTo(Outcome.POSSIBLE_MATCH);
        assertThat(c.levelName(Feature.DOB)).isEqualTo("DIFFERENT");
        assertThat(c.conflict()).isTrue();
        assertThat(c.matchKey()).endsWith("!");
        // they share a household: worth a look as related people
        assertThat(outcome).isEqualTo(Outcome.POSSIBLY_RELATED);
    }

    @Test
    void twoUnrelatedIdentitiesSharingOneSsnAreNotOnePerson() {
        // a synthetic-identity ring: another name and another birth date on the same document number
        RecordFeatures a = Records.person("S", "1").given("Ruth").surname("Okafor").dob("1961-07-07")
                .id("SSN", "521-45-6789").features();
        RecordFeatures b = Records.person("T", "2").given("Marco").surname("Bellini").dob("1966-08-08")
                .id("SSN", "521456789").features();
        assertThat(score(a, b)).isNotEqualTo(Outcome.MATCH).isNotEqualTo(Outcome.POSSIBLE_MATCH);
        assertThat(c.levelName(Feature.IDENTIFIER)).isEqualTo("EXACT");
        assertThat(c.conflict()).isTrue();
    }

    @Test
    void fatherAndSonBornOnTheSameDayThirtyYearsApartAreNotAMatch() {
        assertThat(score(father("1952-04-12"), son("1982-04-12"))).isNotEqualTo(Outcome.MATCH);
        assertThat(c.conflict()).isTrue();
    }

    @Test
    void juniorAndSeniorConflictEvenWithoutBirthDates() {
        RecordFeatures senior = Records.person("S", "1").given("William").surname("Smith Sr")
                .address("12 Main St", "Springfield", "62704").features();
        RecordFeatures junior = Records.person("T", "2").given("William").surname("Smith Jr")
                .address("12 Main St", "Springfield", "62704").features();
        assertThat(score(senior, junior)).isNotEqualTo(Outcome.MATCH);
        assertThat(c.levelName(Feature.NAME_SUFFIX)).isEqualTo("CONFLICT");
        assertThat(c.conflict()).isTrue();
    }

    @Test
    void twinsAreNotAMatch() {
        RecordFeatures ana = Records.person("S", "1").given("Ana").surname("Lopez").dob("1990-07-21").gender("F")
                .address("40 Elm St", "Springfield", "62704").phone("312 867 4411").features();
        RecordFeatures maria = Records.person("S", "2").given("Maria").surname("Lopez").dob("1990-07-21")
                .gender("F").address("40 Elm St", "Springfield", "62704").phone("312 867 4411").features();

        Outcome outcome = score(ana, maria);

        assertThat(outcome).isNotEqualTo(Outcome.MATCH);
        assertThat(c.levelName(Feature.GIVEN_NAME)).isEqualTo("DIFFERENT");
        assertThat(c.conflict()).isTrue();
        assertThat(outcome).isEqualTo(Outcome.POSSIBLY_RELATED);
    }

    @Test
    void aBirthDateAloneNeverOutweighsAGivenNameConflictHoweverHeavy() {
        // the birth date's weight exceeds the override: only a second personal agreement may outweigh
        assertThat(MODEL.parameters(Feature.DOB).levels().get(0).weight()).isGreaterThan(MODEL.conflictOverride());
        RecordFeatures ana = Records.person("S", "1").given("Ana").surname("Lopez").dob("1990-07-21").features();
        RecordFeatures maria = Records.person("T", "2").given("Maria").surname("Lopez").dob("1990-07-21").features();

        score(ana, maria);

        assertThat(c.conflict()).isTrue();
    }

    @Test
    void theSameDocumentNumberOutweighsAMistypedGivenName() {
        // a clerk wrote another given name, but birth date and passport agree: two personal agreements
        RecordFeatures a = Records.person("S", "1").given("Ana").surname("Lopez").dob("1990-07-21")
                .id("PASSPORT", "X1234567", "MX").features();
        RecordFeatures b = Records.person("T", "2").given("Maria").surname("Lopez").dob("1990-07-21")
                .id("PASSPORT", "X1234567", "MX").features();

        assertThat(score(a, b)).isEqualTo(Outcome.MATCH);
        assertThat(c.conflict()).isFalse();
    }

    @Test
    void aSharedShelterAddressWeighsLessThanARareAddress() {
        // 40 unrelated people give the same shelter as their address
        List<RecordFeatures> residents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            residents.add(Records.person("S", "r" + i).given("Resident").surname("Number" + (char) ('a' + i % 26))
                    .address("100 Shelter Way", "Chicago", "60601").features());
        }
        RecordFeatures a = Records.person("S", "a").given("Kwame").surname("Mensah").dob("1975-02-14")
                .address("100 Shelter Way", "Chicago", "60601").features();
        RecordFeatures b = Records.person("T", "b").given("Kwame").surname("Mensah").dob("1975-02-14")
                .address("100 Shelter Way", "Chicago", "60601").features();
        RecordFeatures x = Records.person("S", "x").given("Kwame").surname("Mensah").dob("1975-02-14")
                .address("17 Quiet Lane", "Chicago", "60601").features();
        RecordFeatures y = Records.person("T", "y").given("Kwame").surname("Mensah").dob("1975-02-14")
                .address("17 Quiet Lane", "Chicago", "60601").features();
        ValueFrequencies f = Records.frequencies(residents.toArray(RecordFeatures[]::new));
        for (RecordFeatures r : List.of(a, b, x, y)) f.add(r, 1);
        PairScorer scorer = new PairScorer(MODEL, f);

        scorer.score(a, b, c);
        String shelterLevel = c.levelName(Feature.ADDRESS);
        double shelter = c.weight(Feature.ADDRESS), shelterTotal = c.total();
        scorer.score(x, y, c);

        assertThat(shelterLevel).isEqualTo("EXACT");
        assertThat(c.levelName(Feature.ADDRESS)).isEqualTo("EXACT");
        assertThat(shelter).isGreaterThanOrEqualTo(0).isLessThan(c.weight(Feature.ADDRESS));
        assertThat(shelterTotal).isLessThan(c.total());
    }

    @Test
    void rarerAgreedValueNeverWeighsLess() {
        RecordFeatures a = william("S", "1").phone("312 867 4411").features();
        RecordFeatures b = william("T", "2").phone("312 867 4411").features();
        ValueFrequencies rare = Records.frequencies(a, b), common = Records.frequencies(a, b);
        for (int i = 0; i < 30; i++) common.add(Records.person("S", "o" + i).surname("Other").phone("312 867 4411")
                .features(), 1);
        new PairScorer(MODEL, rare).score(a, b, c);
        double rareWeight = c.weight(Feature.PHONE);
        new PairScorer(MODEL, common).score(a, b, c);
        assertThat(c.weight(Feature.PHONE)).isLessThan(rareWeight);
    }

    @Test
    void namesAloneMatchOnlyAtOverwhelmingOdds() {
        // a name no one else has, and thresholds so low that its weight alone would clear them
        MatchModel lenient = MODEL.withThresholds(1, 0.5, 0.5);
        RecordFeatures a = Records.person("S", "1").given("Xerxes").middle("Aurelio").surname("Quenby-Vantassel")
                .features();
        RecordFeatures b = Records.person("T", "2").given("Xerxes").middle("Aurelio").surname("Quenby-Vantassel")
                .features();
        PairScorer scorer = new PairScorer(lenient, Records.frequencies(a, b));
        scorer.score(a, b, c);
        assertThat(c.otherEvidence()).isLessThan(lenient.minOtherEvidence());
        double odds = c.posterior();
        assertThat(odds).isGreaterThan(lenient.matchThreshold());

        PairScorer below = new PairScorer(lenient.withNameOnlyMatchOdds(odds + 0.1), Records.frequencies(a, b));
        below.score(a, b, c);
        assertThat(below.outcome(c)).isEqualTo(Outcome.POSSIBLE_MATCH);
        PairScorer at = new PairScorer(lenient.withNameOnlyMatchOdds(odds), Records.frequencies(a, b));
        at.score(a, b, c);
        assertThat(at.outcome(c)).isEqualTo(Outcome.MATCH);
    }

    @Test
    void aModelSavedBeforeTheNameOnlyOddsTakesTheDefault() {
        String json = MODEL.toJson().replaceAll("\\s*\"nameOnlyMatchOdds\"\\s*:\\s*[0-9.]+,", "");
        assertThat(json).doesNotContain("nameOnlyMatchOdds");
        assertThat(MatchModel.fromJson(json).nameOnlyMatchOdds()).isEqualTo(MatchModel.DEFAULT_NAME_ONLY_MATCH_ODDS);
    }

    @Test
    void disagreementLowersTheTotal() {
        RecordFeatures a = william("S", "1").dob("1980-05-03").phone("312 867 4411").features();
        RecordFeatures same = william("T", "2").dob("1980-05-03").phone("312 867 4411").features();
        RecordFeatures otherPhone = william("T", "3").dob("1980-05-03").phone("415 222 9876").features();
        double agree = new PairScorer(MODEL, Records.frequencies(a, same, otherPhone)).score(a, same, c);
        assertThat(c.weight(Feature.PHONE)).isPositive();
        double disagree = new PairScorer(MODEL, Records.frequencies(a, same, otherPhone)).score(a, otherPhone, c);
        assertThat(c.weight(Feature.PHONE)).isNegative();
        assertThat(c.matchKey()).contains("-PHONE");
        assertThat(disagree).isLessThan(agree);
    }

    @Test
    void missingFeaturesAddNothing() {
        RecordFeatures a = william("S", "1").features();
        RecordFeatures b = william("T", "2").features();
        score(a, b);
        for (Feature f : List.of(Feature.DOB, Feature.PHONE, Feature.EMAIL, Feature.ADDRESS, Feature.IDENTIFIER,
                Feature.ORG_NAME, Feature.GENDER, Feature.NATIONALITY, Feature.NAME_SUFFIX)) {
            assertThat(c.levelName(f)).as("%s", f).isEqualTo("MISSING");
            assertThat(c.weight(f)).as("%s", f).isZero();
        }
        assertThat(c.matchKey()).doesNotContain("DOB", "PHONE", "ADDRESS");
    }

    @Test
    void organizationsCompareOnOrganizationNames() {
        RecordFeatures a = Records.org("S", "1").fullName("Acme Corp").phone("312 867 4411").features();
        RecordFeatures b = Records.org("T", "2").fullName("ACME Corporation").phone("(312) 867-4411").features();
        assertThat(score(a, b)).isEqualTo(Outcome.MATCH);
        assertThat(c.levelName(Feature.ORG_NAME)).isEqualTo("EXACT");
        assertThat(c.levelName(Feature.GIVEN_NAME)).isEqualTo("MISSING");
    }

    @Test
    void swappedNameOrderWithATypoScoresTheSameBothWays() {
        RecordFeatures a = Records.person("S", "a").given("Mohammed").surname("Rahman").dob("1980-05-03").features();
        RecordFeatures b = Records.person("T", "b").given("Rahman").surname("Mohamed").dob("1980-05-03").features();
        PairScorer scorer = new PairScorer(MODEL, Records.frequencies(a, b));
        double ab = scorer.score(a, b, c);
        double ba = scorer.score(b, a, new Comparison());
        assertThat(ab).isEqualTo(ba);
    }

    @Test
    void aNicknameCountsInASwappedOrderToo() {
        RecordFeatures a = Records.person("S", "a").given("Daniel").surname("Russson").features();
        RecordFeatures b = Records.person("T", "b").given("Russon").surname("Danny").features();
        for (RecordFeatures[] pair : new RecordFeatures[][] {{a, b}, {b, a}}) {
            new PairScorer(MODEL, Records.frequencies(a, b)).score(pair[0], pair[1], c);
            assertThat(c.levelName(Feature.GIVEN_NAME)).isEqualTo("NICKNAME");
            assertThat(c.levelName(Feature.SURNAME)).isEqualTo("FUZZY");
        }
        // Danny alone, without the surname agreeing across, is no nickname of a swapped Daniel
        RecordFeatures other = Records.person("T", "c").given("Walker").surname("Danny").features();
        new PairScorer(MODEL, Records.frequencies(a, other)).score(a, other, c);
        assertThat(c.levelName(Feature.GIVEN_NAME)).isNotEqualTo("NICKNAME");
    }

    @Test
    void aSingleNameWrittenInTheOtherRecordsSurnameFieldAgreesAsTheSurname() {
        RecordFeatures onlyOne = Records.person("S", "a").given("Cameron").dob("1956-11-17")
                .address("19 Spofforth St", "Moree", "2208").features();
        RecordFeatures both = Records.person("T", "b").given("Jessup").surname("Cameron").dob("1956-11-17")
                .address("19 Spofforth Street", "Moree", "2208").features();
        for (RecordFeatures[] pair : new RecordFeatures[][] {{onlyOne, both}, {both, onlyOne}}) {
            assertThat(score(pair[0], pair[1])).isEqualTo(Outcome.MATCH);
            assertThat(c.levelName(Feature.SURNAME)).isEqualTo("EXACT");
            assertThat(c.agreedValue(Feature.SURNAME)).isEqualTo("cameron");
            assertThat(c.levelName(Feature.GIVEN_NAME)).isEqualTo("MISSING");
            assertThat(c.conflict()).isFalse();
        }
        // a different single name is still another given name
        RecordFeatures other = Records.person("P", "c").given("Liam").dob("1956-11-17").features();
        score(other, both);
        assertThat(c.levelName(Feature.GIVEN_NAME)).isEqualTo("DIFFERENT");
    }

    @Test
    void aMiddleNameTellsTwoPeopleOfOneNameApartAndBindsOnePersonsRecords() {
        RecordFeatures allen = Records.person("S", "a").given("John").middle("Allen").surname("Smith")
                .dob("1980-05-03").features();
        RecordFeatures robert = Records.person("T", "b").given("John").middle("Robert").surname("Smith")
                .dob("1980-05-03").features();
        RecordFeatures allenAgain = Records.person("P", "c").given("JOHN ALLEN").surname("SMITH")
                .dob("03/05/1980").features();
        RecordFeatures noMiddle = Records.person("Q", "d").given("John").surname("Smith").dob("1980-05-03").features();

        score(allen, robert);
        double different = c.total();
        assertThat(c.levelName(Feature.MIDDLE_NAME)).isEqualTo("DIFFERENT");
        assertThat(c.weight(Feature.MIDDLE_NAME)).isNegative();
        score(allen, allenAgain);
        assertThat(c.levelName(Feature.MIDDLE_NAME)).isEqualTo("EXACT");
        assertThat(c.total()).isGreaterThan(different);
        assertThat(c.matchKey()).contains("+MIDDLE");
        score(allen, noMiddle);
        assertThat(c.levelName(Feature.MIDDLE_NAME)).isEqualTo("MISSING");
        assertThat(c.weight(Feature.MIDDLE_NAME)).isZero();
    }
}
