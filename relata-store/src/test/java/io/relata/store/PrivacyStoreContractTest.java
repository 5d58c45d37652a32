package io.relata.store;

import io.relata.core.model.RecordKey;
import io.relata.core.resolve.live.Assignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.relata.store.StoreContractTest.A1;
import static io.relata.store.StoreContractTest.A2;
import static io.relata.store.StoreContractTest.B1;
import static io.relata.store.StoreContractTest.T1;
import static io.relata.store.StoreContractTest.T2;
import static io.relata.store.StoreContractTest.T3;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What the store promises for access requests and corrections (V7), on every backend. */
abstract class PrivacyStoreContractTest {
    static final LocalDate RECEIVED = LocalDate.of(2026, 3, 2);
    private final List<RelataStore> opened = new ArrayList<>();

    abstract String newDatabase();

    RelataStore fresh() {
        RelataStore s = RelataStore.open(newDatabase());
        opened.add(s);
        StoreContractTest.loadThree(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RelataStore::close);
    }

    static AccessCandidate found(RecordKey k, int rank, long entity, double score) {
        return AccessCandidate.found(k, rank, entity, score, 0.5, "MATCH", "+NAME+DOB", "{\"features\":[]}");
    }

    private static AccessRequest register(RelataStore s) {
        return s.accessRequests().create("{\"names\":[\"Anna Kowalski\"]}", "by post", RECEIVED, RECEIVED.plusDays(30),
                "privacy.officer", T1, List.of(found(A2, 2, 2, 3.5), found(A1, 1, 1, 9.25)));
    }

    @Test
    void aRequestKeepsItsDataItsRankedCandidatesAndItsLog() {
        RelataStore s = fresh();
        AccessRequest r = register(s);
        AccessRequest read = s.accessRequests().get(r.id()).orElseThrow();
        assertThat(read).isEqualTo(r);
        assertThat(read.status()).isEqualTo(AccessRequestStatus.OPEN);
        assertThat(read.dueOn()).isEqualTo(LocalDate.of(2026, 4, 1));
        assertThat(read.overdue(LocalDate.of(2026, 4, 1))).isFalse();
        assertThat(read.overdue(LocalDate.of(2026, 4, 2))).isTrue();
        List<AccessCandidate> c = s.accessRequests().candidates(r.id());
        assertThat(c).extracting(AccessCandidate::record).containsExactly(A1, A2);
        assertThat(c.get(0).score()).isEqualTo(9.25);
        assertThat(c.get(0).matchKey()).isEqualTo("+NAME+DOB");
        assertThat(c.get(0).explanation()).isEqualTo("{\"features\":[]}");
        assertThat(c.get(0).decision()).isNull();
        assertThat(s.accessRequests().events(r.id())).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("REGISTERED");
            assertThat(e.actor()).isEqualTo("privacy.officer");
            assertThat(e.at()).isEqualTo(T1);
        });
        assertThat(s.accessRequests().list(null)).containsExactly(read);
        assertThat(s.accessRequests().list(AccessRequestStatus.CLOSED)).isEmpty();
        assertThatThrownBy(() -> s.accessRequests().create("{}", null, RECEIVED, RECEIVED.minusDays(1), "po", T1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void decisionsAreRecordByRecordAndMoveTheRequestIntoReviewUntilItIsAnswered() {
        RelataStore s = fresh();
        AccessRequest r = register(s);
        AccessCandidate d = s.accessRequests().decide(r.id(), A1, ReleaseDecision.PARTIAL, List.of("dob", "names[0].surname"),
                "exemption 5(b): a third party", "privacy.officer", T2);
        assertThat(d.decision()).isEqualTo(ReleaseDecision.PARTIAL);
        assertThat(d.withheldFields()).containsExactly("dob", "names[0].surname");
        assertThat(d.reason()).isEqualTo("exemption 5(b): a third party");
        assertThat(d.decidedAt()).isEqualTo(T2);
        assertThat(s.accessRequests().get(r.id()).orElseThrow().status()).isEqualTo(AccessRequestStatus.IN_REVIEW);
        assertThatThrownBy(() -> s.accessRequests().decide(r.id(), A2, ReleaseDecision.WITHHOLD, List.of(), " ", "po", T2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.accessRequests().decide(r.id(), A2, ReleaseDecision.PARTIAL, List.of(), "x", "po", T2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> s.accessRequests().decide(r.id(), B1, ReleaseDecision.RELEASE, List.of(), null, "po", T2))
                .isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.accessRequests().changeStatus(r.id(), AccessRequestStatus.RESPONDED, "po", T3, null))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("1 record(s) without a decision");
        s.accessRequests().decide(r.id(), A2, ReleaseDecision.RELEASE, List.of(), null, "privacy.officer", T3);
        s.accessRequests().decide(r.id(), A1, ReleaseDecision.RELEASE, List.of(), null, "privacy.officer", T3); // replaces
        assertThat(s.accessRequests().candidates(r.id())).allSatisfy(c -> {
            assertThat(c.decision()).isEqualTo(ReleaseDecision.RELEASE);
            assertThat(c.withheldFields()).isEmpty();
        });
        s.accessRequests().changeStatus(r.id(), AccessRequestStatus.RESPONDED, "privacy.officer", T3, "sent by post");
        assertThatThrownBy(() -> s.accessRequests().decide(r.id(), A2, ReleaseDecision.WITHHOLD, List.of(), "x", "po", T3))
                .isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> s.accessRequests().changeStatus(r.id(), AccessRequestStatus.OPEN, "po", T3, null))
                .isInstanceOf(StoreConflictException.class);
        s.accessRequests().log(r.id(), "privacy.officer", "PACKAGE", "2 records released", T3);
        s.accessRequests().changeStatus(r.id(), AccessRequestStatus.CLOSED, "privacy.officer", T3, null);
        assertThat(s.accessRequests().events(r.id())).extracting(e -> e.kind() + " " + e.detail()).containsExactly(
                "REGISTERED 2 record(s) found, due 2026-04-01",
                "DECISION A:1: PARTIAL withholding dob, names[0].surname (exemption 5(b): a third party)",
                "STATUS IN_REVIEW: first decision",
                "DECISION A:2: RELEASE", "DECISION A:1: RELEASE",
                "STATUS RESPONDED: sent by post", "PACKAGE 2 records released", "STATUS CLOSED");
        assertThatThrownBy(() -> s.accessRequests().get(999).orElseThrow()).isInstanceOf(java.util.NoSuchElementException.class);
        assertThatThrownBy(() -> s.accessRequests().changeStatus(999, AccessRequestStatus.CLOSED, "po", T3, null))
                .isInstanceOf(StoreNotFoundException.class);
    }

    @Test
    void aPrivacyOfficerReachesTheEntitiesOfOpenRequestsThroughTheirRecordsAcrossMerges() {
        RelataStore s = fresh();
        AccessRequest r = s.accessRequests().create("{}", null, RECEIVED, RECEIVED, "po", T1, List.of(found(A1, 1, 1, 5)));
        assertThat(s.accessRequests().isCandidateEntity(1)).isTrue();
        assertThat(s.accessRequests().isCandidateEntity(3)).isFalse();
        // A1 moves into entity 3: the request follows it
        try (StoreBatch b = s.begin()) {
            b.apply(StoreContractTest.changes(List.of(new Assignment(A1, 3, 1)), List.of(), List.of(), Map.of(1L, 0, 3L, 2)), T2);
            b.commit();
        }
        assertThat(s.accessRequests().isCandidateEntity(3)).isTrue();
        assertThat(s.accessRequests().isCandidateEntity(1)).isFalse();
        s.accessRequests().changeStatus(r.id(), AccessRequestStatus.CLOSED, "po", T3, "withdrawn by the requester");
        assertThat(s.accessRequests().isCandidateEntity(3)).isFalse();
    }

    @Test
    void aCorrectionAnnotatesARecordAndNeverChangesIt() {
        RelataStore s = fresh();
        AccessRequest r = register(s);
        StoredRecord before = s.record(A1).orElseThrow();
        Correction c = s.corrections().create(r.id(), A1, "dob", "1980-02-01", "day and month swapped", "privacy.officer", T2);
        assertThat(c.status()).isEqualTo(CorrectionStatus.PENDING);
        assertThat(s.corrections().acceptedFor(List.of(A1))).isEmpty();
        Correction standalone = s.corrections().create(0, B1, "names[0].surname", "Mendes", "misspelt", "privacy.officer", T2);
        assertThat(standalone.accessRequestId()).isZero();
        Correction accepted = s.corrections().decide(c.id(), true, "privacy.officer", "the passport agrees", T3);
        assertThat(accepted.status()).isEqualTo(CorrectionStatus.ACCEPTED);
        assertThat(accepted.decidedBy()).isEqualTo("privacy.officer");
        assertThat(accepted.decidedAt()).isEqualTo(T3);
        assertThat(accepted.decisionNote()).isEqualTo("the passport agrees");
        assertThat(s.corrections().get(c.id())).contains(accepted);
        assertThat(s.corrections().acceptedFor(List.of(A1, A2, B1))).containsExactly(accepted);
        s.corrections().decide(standalone.id(), false, "privacy.officer", "the source is right", T3);
        assertThat(s.corrections().list(CorrectionStatus.REJECTED)).extracting(Correction::id).containsExactly(standalone.id());
        assertThat(s.corrections().list(null)).extracting(Correction::id).containsExactly(standalone.id(), c.id());
        assertThat(s.record(A1).orElseThrow()).as("the record as received is untouched").isEqualTo(before);
        assertThat(s.accessRequests().events(r.id())).extracting(AccessRequestEvent::kind).contains("CORRECTION");
        assertThatThrownBy(() -> s.corrections().create(0, new RecordKey("Z", "9"), "dob", "1", "r", "po", T2))
                .isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.corrections().create(999, A1, "dob", "1", "r", "po", T2))
                .isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.corrections().decide(999, true, "po", "n", T2)).isInstanceOf(StoreNotFoundException.class);
    }

    @Test
    void retentionRemovesARecordsCorrectionsAndKeepsTheAccessRequestsFile() {
        RelataStore s = fresh();
        AccessRequest r = register(s);
        Correction c = s.corrections().create(r.id(), A1, "dob", "1980-02-01", "swapped", "po", T2);
        s.corrections().decide(c.id(), true, "po", "ok", T2);
        s.corrections().create(0, A2, "dob", "1990-01-01", "typo", "po", T2);
        try (StoreBatch b = s.begin()) {
            b.purgeRecords(List.of(A1), List.of(), "privacy", T3);
            b.commit();
        }
        assertThat(s.corrections().list(null)).extracting(Correction::record).containsExactly(A2);
        assertThat(s.accessRequests().candidates(r.id())).extracting(AccessCandidate::record).contains(A1, A2);
        assertThat(s.accessRequests().isCandidateEntity(1)).as("the record is gone: no entity is reached through it").isFalse();
    }

    @Test
    void manyRecordsCorrectionsAreReadInParts() {
        RelataStore s = fresh();
        List<RecordKey> keys = new ArrayList<>();
        for (int i = 0; i < 450; i++) keys.add(new RecordKey("X", Integer.toString(i)));
        keys.add(A2);
        Correction c = s.corrections().create(0, A2, "phones[0]", "+1 217 555 0100", "new number", "po", T1);
        s.corrections().decide(c.id(), true, "po", "ok", T2);
        assertThat(s.corrections().acceptedFor(keys)).extracting(Correction::record).containsExactly(A2);
    }

}
