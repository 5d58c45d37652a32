package io.relata.store;

import io.relata.core.model.RecordKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Reports, versions, reviews and disseminations, run on every backend. */
abstract class ReportStoreContractTest {
    static final Instant T1 = Instant.parse("2026-01-01T10:00:00Z");
    static final Instant T2 = Instant.parse("2026-01-02T10:00:00.123456Z");
    static final RecordKey A1 = new RecordKey("A", "1");
    static final RecordKey A2 = new RecordKey("A", "2");
    static final RecordKey B1 = new RecordKey("B", "1");

    static final String SHA_OF_V1 = "afbf9d0f3560b0fd7795e81c42a0a79ee6b6fc67e064f77826aee642cad28d91";

    private final List<RelataStore> opened = new ArrayList<>();

    abstract String newDatabase();

    RelataStore fresh() {
        RelataStore s = RelataStore.open(newDatabase());
        opened.add(s);
        return s;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(RelataStore::close);
    }

    static DisseminationCopy copy(String content, RecordKey... records) {
        return new DisseminationCopy(content, ("%PDF " + content).getBytes(StandardCharsets.UTF_8),
                ("<html>" + content).getBytes(StandardCharsets.UTF_8), new TreeSet<>(Set.of(records)));
    }

    @Test
    void versionsAreNumberedKeptAsWrittenAndReviewedOnce() {
        RelataStore s = fresh();
        long caseId = s.cases().create("Harbor", null, "ann", T1).id();
        ReportVersion v1 = s.reports().create(caseId, "First look", "ann", "{\"v\":1}", T1);
        assertThat(v1.version()).isEqualTo(1);
        assertThat(v1.status()).isEqualTo(ReportStatus.PENDING);
        // SHA-256 of {"v":1}, worked out independently (sha256sum)
        assertThat(v1.snapshotSha256()).isEqualTo(SHA_OF_V1);
        ReportVersion v2 = s.reports().addVersion(v1.reportId(), "Second look", "bob", "{\"v\":2}", T2);
        assertThat(v2.version()).isEqualTo(2);
        Report r = s.reports().get(v1.reportId()).orElseThrow();
        assertThat(r.title()).isEqualTo("Second look");
        assertThat(r.caseId()).isEqualTo(caseId);
        assertThat(r.createdBy()).isEqualTo("ann");
        assertThat(r.createdAt()).isEqualTo(T1);
        assertThat(s.reports().ofCase(caseId)).extracting(Report::id).containsExactly(r.id());
        assertThat(s.reports().versions(r.id())).extracting(ReportVersion::version).containsExactly(2, 1);
        assertThat(s.reports().version(r.id(), 2).orElseThrow().snapshot()).isEqualTo("{\"v\":2}");
        assertThat(s.reports().version(r.id(), 2).orElseThrow().createdAt()).isEqualTo(T2);
        assertThat(s.reports().pending(caseId)).extracting(ReportVersion::version).containsExactly(1, 2);

        ReportVersion approved = s.reports().review(r.id(), 1, true, "sue", "fine", T2);
        assertThat(approved.status()).isEqualTo(ReportStatus.APPROVED);
        assertThat(approved.reviewedBy()).isEqualTo("sue");
        assertThat(approved.reviewNote()).isEqualTo("fine");
        assertThat(approved.reviewedAt()).isEqualTo(T2);
        assertThatThrownBy(() -> s.reports().review(r.id(), 1, false, "sue", "changed my mind", T2))
                .isInstanceOf(StoreConflictException.class).hasMessageContaining("APPROVED");
        assertThat(s.reports().review(r.id(), 2, false, "sue", "needs sources", T2).status()).isEqualTo(ReportStatus.REJECTED);
        assertThat(s.reports().pending(caseId)).isEmpty();
        assertThatThrownBy(() -> s.reports().review(r.id(), 9, true, "sue", null, T2)).isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.reports().addVersion(999, "x", "ann", "{}", T2)).isInstanceOf(StoreNotFoundException.class);
        assertThatThrownBy(() -> s.reports().create(999, "x", "ann", "{}", T2)).isInstanceOf(StoreNotFoundException.class);
    }

    @Test
    void onlyAnApprovedVersionIsDisseminatedWithItsCopyDigestsAndRecords() {
        RelataStore s = fresh();
        long caseId = s.cases().create("Harbor", null, "ann", T1).id();
        ReportVersion v = s.reports().create(caseId, "Report", "ann", "{}", T1);
        assertThatThrownBy(() -> s.disseminations().create(v.reportId(), 1, "County", "joint op", "MOU 7", "ann", T2,
                id -> copy("x", A1))).isInstanceOf(StoreConflictException.class).hasMessageContaining("PENDING");
        assertThat(s.disseminations().ofCase(caseId)).isEmpty();
        s.reports().review(v.reportId(), 1, true, "sue", null, T2);
        List<Long> renderedFor = new ArrayList<>();
        Dissemination d = s.disseminations().create(v.reportId(), 1, "County", "joint op", "MOU 7", "ann", T2, id -> {
            renderedFor.add(id);
            return copy("copy " + id, A1, B1);
        });
        assertThat(renderedFor).containsExactly(d.id());
        assertThat(d.organization()).isEqualTo("County");
        assertThat(d.title()).isEqualTo("Report");
        assertThat(d.caseId()).isEqualTo(caseId);
        assertThat(d.sentAt()).isEqualTo(T2);
        assertThat(d.revoked()).isFalse();
        DisseminationCopy c = s.disseminations().copy(d.id()).orElseThrow();
        assertThat(c.content()).isEqualTo("copy " + d.id());
        assertThat(new String(c.pdf(), StandardCharsets.UTF_8)).isEqualTo("%PDF copy " + d.id());
        assertThat(d.pdfSha256()).isEqualTo(ReportStore.sha256(c.pdf()));
        assertThat(d.htmlSha256()).isEqualTo(ReportStore.sha256(c.html()));
        assertThat(c.records()).containsExactly(A1, B1);

        Dissemination other = s.disseminations().create(v.reportId(), 1, "State", "joint op", "MOU 8", "ann", T2, id -> copy("y", A2));
        assertThat(s.disseminations().toOrganization("County")).extracting(Dissemination::id).containsExactly(d.id());
        assertThat(s.disseminations().ofCase(caseId)).extracting(Dissemination::id).containsExactly(other.id(), d.id());
        assertThat(s.disseminations().holding(List.of(A1, A2))).satisfiesExactly(
                x -> {
                    assertThat(x.dissemination().id()).isEqualTo(d.id());
                    assertThat(x.records()).containsExactly(A1);
                },
                x -> {
                    assertThat(x.dissemination().id()).isEqualTo(other.id());
                    assertThat(x.records()).containsExactly(A2);
                });
        assertThat(s.disseminations().holding(List.of(new RecordKey("Z", "9")))).isEmpty();

        Dissemination revoked = s.disseminations().revoke(d.id(), "sue", "sent in error", T2);
        assertThat(revoked.revoked()).isTrue();
        assertThat(revoked.revokedBy()).isEqualTo("sue");
        assertThat(revoked.revokeReason()).isEqualTo("sent in error");
        assertThat(s.disseminations().toOrganization("County")).isEmpty();
        assertThat(s.disseminations().holding(List.of(B1))).singleElement()
                .satisfies(x -> assertThat(x.dissemination().revoked()).isTrue());
        assertThatThrownBy(() -> s.disseminations().revoke(d.id(), "sue", "again", T2)).isInstanceOf(StoreConflictException.class);
        assertThatThrownBy(() -> s.disseminations().revoke(9999, "sue", "none", T2)).isInstanceOf(StoreNotFoundException.class);
        assertThat(s.disseminations().copy(9999)).isEmpty();
    }

    @Test
    void aCopyThatCannotBeRenderedLeavesNoDissemination() {
        RelataStore s = fresh();
        long caseId = s.cases().create("Harbor", null, "ann", T1).id();
        ReportVersion v = s.reports().create(caseId, "Report", "ann", "{}", T1);
        s.reports().review(v.reportId(), 1, true, "sue", null, T2);
        assertThatThrownBy(() -> s.disseminations().create(v.reportId(), 1, "County", "joint op", "MOU 7", "ann", T2, id -> {
            throw new IllegalStateException("renderer broke");
        })).hasMessageContaining("renderer broke");
        assertThat(s.disseminations().ofCase(caseId)).isEmpty();
        assertThat(s.disseminations().holding(List.of(A1))).isEmpty();
    }

    @Test
    void holdingAnswersForManyRecordsAtOnce() {
        RelataStore s = fresh();
        long caseId = s.cases().create("Harbor", null, "ann", T1).id();
        ReportVersion v = s.reports().create(caseId, "Report", "ann", "{}", T1);
        s.reports().review(v.reportId(), 1, true, "sue", null, T2);
        List<RecordKey> many = new ArrayList<>();
        for (int i = 0; i < 450; i++) many.add(new RecordKey("M", Integer.toString(i)));
        Dissemination d = s.disseminations().create(v.reportId(), 1, "County", "p", "a", "ann", T2,
                id -> copy("c", many.toArray(new RecordKey[0])));
        assertThat(s.disseminations().holding(many)).singleElement().satisfies(x -> {
            assertThat(x.dissemination().id()).isEqualTo(d.id());
            assertThat(x.records()).hasSize(450);
        });
    }
}
