package io.relata.core.resolve;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.relata.core.standardize.RecordFeatures;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CandidateGeneratorTest {

    private static boolean paired(CandidatePairs pairs, int i, int j) {
        return Arrays.binarySearch(pairs.pairs(), CandidatePairs.pack(i, j)) >= 0;
    }

    @Test
    void recordsSharingAPhoneBecomeACandidatePair() {
        RecordFeatures[] records = {
                Records.person("S", "1").given("Ana").surname("Lopez").phone("312 867 4411").features(),
                Records.person("S", "2").given("Kwame").surname("Mensah").phone("415 222 9876").features(),
                Records.person("T", "3").given("Anita").surname("Perez").phone("(312) 867-4411").features()};

        CandidatePairs pairs = new CandidateGenerator(10).generate(records);

        assertThat(paired(pairs, 0, 2)).isTrue();
        assertThat(paired(pairs, 0, 1)).isFalse();
        assertThat(paired(pairs, 1, 2)).isFalse();
        assertThat(pairs.size()).isEqualTo(1);
        assertThat(pairs.blocks()).isEqualTo(1);
        assertThat(pairs.genericBlocks()).isZero();
    }

    @Test
    void aKeySharedByTooManyRecordsIsSkippedAsGeneric() {
        // 50 strangers give the same (not placeholder) phone, say a shelter's front desk
        List<RecordFeatures> records = new ArrayList<>();
        for (var r : Records.background(50, 5)) {
            var name = r.names().get(0);
            records.add(Records.person("S", r.id()).given(name.given()).surname(name.surname()).phone("312 867 4411")
                    .features());
        }
        // two of them are one person, who also left the same e-mail address
        records.set(7, Records.person("S", "r7").given("Ana").surname("Lopez").phone("312 867 4411")
                .email("ana.lopez@example.com").features());
        records.set(31, Records.person("T", "r31").given("Ana").surname("Lopez").phone("312 867 4411")
                .email("ana.lopez@example.com").features());

        RecordFeatures[] array = records.toArray(RecordFeatures[]::new);

        CandidatePairs pairs = new CandidateGenerator(10).generate(array);

        assertThat(pairs.genericBlocks()).isGreaterThanOrEqualTo(1);
        assertThat(pairs.largestGenericBlock()).isEqualTo(50);
        // the phone alone would make all 1,225 pairs; what is left comes from other keys (names, the e-mail)
        assertThat(new CandidateGenerator(100).generate(array).size()).isEqualTo(50 * 49 / 2);
        assertThat(pairs.size()).isLessThan(50);
        assertThat(paired(pairs, 7, 31)).isTrue();
    }

    @Test
    void theSameKeysUnderTheLimitArePaired() {
        List<RecordFeatures> records = new ArrayList<>();
        for (var r : Records.background(5, 5)) {
            var name = r.names().get(0);
            records.add(Records.person("S", r.id()).given(name.given()).surname(name.surname()).phone("312 867 4411")
                    .features());
        }
        CandidatePairs pairs = new CandidateGenerator(5).generate(records.toArray(RecordFeatures[]::new));
        assertThat(pairs.size()).isEqualTo(10);
        assertThat(pairs.genericBlocks()).isZero();
    }

    @Test
    void pairsAreSortedDistinctAndOrdered() {
        RecordFeatures[] records = Arrays.copyOf(PairScorerSymmetryPropertiesTest.pool(60, 3), 60);

        CandidatePairs pairs = new CandidateGenerator(100).generate(records);

        long[] p = pairs.pairs();
        assertThat(p).isNotEmpty().isSorted().doesNotHaveDuplicates();
        for (long pair : p) {
            int i = CandidatePairs.first(pair), j = CandidatePairs.second(pair);
            assertThat(i).isLessThan(j);
            assertThat(j).isLessThan(records.length);
            assertThat(CandidatePairs.pack(j, i)).isEqualTo(pair);
        }
    }

    @Test
    void aRecordRepeatingAKeyDoesNotPairWithItself() {
        RecordFeatures a = Records.person("S", "1").given("Ana").surname("Lopez").phone("312 867 4411")
                .phone("+1 312 867 4411").email("ana@example.com").email("ANA@example.com").features();
        assertThat(new CandidateGenerator(10).generate(new RecordFeatures[] {a}).size()).isZero();
    }

    @Test
    void personsAndOrganizationsNeverPair() {
        RecordFeatures[] records = {
                Records.person("S", "1").given("Acme").surname("Smith").phone("312 867 4411")
                        .email("info@acme.com").id("TAX_ID", "12-3456789").address("12 Main St", "Springfield", "62704")
                        .features(),
                Records.org("S", "2").fullName("Acme Smith Inc").phone("312 867 4411").email("info@acme.com")
                        .id("TAX_ID", "12-3456789").address("12 Main St", "Springfield", "62704").features()};

        assertThat(new CandidateGenerator(10).generate(records).size()).isZero();
    }

    @Test
    void aSmallFileComparesEveryPairOfTheSameKind() {
        assertThat(ResolverSettings.defaults().exhaustive(2_000)).isTrue(); // 1,999,000 pairs
        assertThat(ResolverSettings.defaults().exhaustive(2_001)).isFalse(); // 2,001,000
        assertThat(ResolverSettings.defaults().withExhaustivePairs(0).exhaustive(2)).isFalse();
        RecordFeatures[] records = {Records.person("S", "1").given("Ann").surname("Lee").features(),
                Records.org("S", "2").fullName("Acme Corp").features(),
                Records.person("S", "3").given("Bo").surname("Kim").features(),
                Records.person("S", "4").given("Cy").surname("Ray").features()};
        assertThat(CandidateGenerator.allPairs(records)).containsExactly(
                CandidatePairs.pack(0, 2), CandidatePairs.pack(0, 3), CandidatePairs.pack(2, 3));
    }

    @Test
    void organizationsSharingANameArePaired() {
        RecordFeatures[] records = {Records.org("S", "1").fullName("Acme Corp").features(),
                Records.org("T", "2").fullName("ACME Corporation").features()};
        assertThat(new CandidateGenerator(10).generate(records).size()).isEqualTo(1);
    }

    @Test
    void aSwappedBirthDateKeepsItsKey() {
        // different surname spellings and phones: only the date key with day and month in sorted order can meet
        RecordFeatures[] records = {
                Records.person("S", "1").given("Ana").surname("Lopez").dob("1990-05-03").features(),
                Records.person("T", "2").given("Ana").surname("Llopiz").dob("1990-03-05").features()};
        CandidatePairs pairs = new CandidateGenerator(10).generate(records);
        assertThat(records[1].dob()).isNotNull();
        assertThat(pairs.size()).isEqualTo(1);
    }

    @Test
    void blockLimitBelowTwoIsRejected() {
        assertThatThrownBy(() -> new CandidateGenerator(1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void packAndUnpack() {
        long p = CandidatePairs.pack(9, 4);
        assertThat(CandidatePairs.first(p)).isEqualTo(4);
        assertThat(CandidatePairs.second(p)).isEqualTo(9);
    }

    @Test
    void onePartOfACompoundSurnameStillMeetsTheWholeName() {
        // one source writes both Hispanic surnames, another only the second; no birth date, phone or address
        RecordFeatures[] records = {
                Records.person("S", "1").given("Ana").surname("Rodriguez Rivera").features(),
                Records.person("T", "2").given("Ana").surname("Rivera").features(),
                Records.person("T", "3").given("Ana").surname("Okafor").features()};

        CandidatePairs pairs = new CandidateGenerator(100).generate(records);

        assertThat(paired(pairs, 0, 1)).isTrue();
        assertThat(paired(pairs, 0, 2)).isFalse();
    }

    @Test
    void aMisspelledSurnameAtTheSameDwellingMeetsThroughTheGivenName() {
        RecordFeatures[] records = {
                Records.person("S", "1").given("Kwabena").surname("Mehmet").address("8893 Cherry Road", "Miami", "33175")
                        .features(),
                Records.person("T", "2").given("Kwabena").surname("Mohammed").address("8893 Cherry Rd", "Miami", "33175")
                        .features(),
                Records.person("T", "3").given("Ama").surname("Boateng").address("8893 Cherry Road", "Miami", "33175")
                        .features()};

        CandidatePairs pairs = new CandidateGenerator(100).generate(records);

        assertThat(paired(pairs, 0, 1)).isTrue();
        // a housemate of another name and surname is not proposed by the address alone
        assertThat(paired(pairs, 0, 2)).isFalse();
        assertThat(pairs.pairsByKind()).containsKey("address+given name root");
    }
}
