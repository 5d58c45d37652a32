package io.relata.app.privacy;

import io.relata.app.EntityProfile;
import io.relata.app.EntityProfiles;
import io.relata.app.Ingest;
import io.relata.app.Workspace;
import io.relata.core.ingest.Reject;
import io.relata.core.model.RecordKey;
import io.relata.store.AccessCandidate;
import io.relata.store.AccessRequest;
import io.relata.store.AccessRequestStatus;
import io.relata.store.Correction;
import io.relata.store.CorrectionStatus;
import io.relata.store.ReleaseDecision;
import io.relata.store.StoreConflictException;
import io.relata.store.StoredRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Access requests and corrections over a real store: one person's records in five sources, each written otherwise
 * (a nickname and a misspelt surname, Cyrillic script, surname first with a middle initial, day and month swapped,
 * no birth date), among other people, some of them alike.
 */
class AccessRequestsTest {
    static final Instant NOW = Instant.parse("2026-03-02T09:00:00Z");
    static final List<RecordKey> ANNA = List.of(new RecordKey("VISA", "V-100"), new RecordKey("BORDER", "B-7"),
            new RecordKey("POLICE", "P-3"), new RecordKey("BENEFITS", "BN-9"), new RecordKey("COURT", "C-2"));
    @TempDir
    Path dir;
    Workspace ws;
    AccessRequests requests;

    @BeforeEach
    void load() throws IOException {
        Path data = dir.resolve("people.jsonl");
        try (InputStream in = getClass().getResourceAsStream("/privacy/requester-variants.jsonl")) {
            Files.write(data, in.readAllBytes());
        }
        ws = Workspace.open(dir.resolve("store").toString());
        new Ingest(ws, 100).run(List.of(data), null, new Ingest.Listener() {
            @Override
            public void progress(long read, long accepted, long rejected) {
            }

            @Override
            public void rejected(Reject reject) {
                throw new AssertionError(reject.toString());
            }
        });
        requests = new AccessRequests(ws, Clock.fixed(NOW, ZoneOffset.UTC), 30);
    }

    @AfterEach
    void close() {
        ws.close();
    }

    static Requester anna() {
        return new Requester(List.of("Anna Kowalski"), "1980-03-04", List.of("12 Elm St, Springfield, IL 62701"),
                List.of(), List.of(), List.of());
    }

    @Test
    void findsEveryRecordOfThePersonDespiteNameAndDateVariantsAndRanksThemWithExplanations() {
        List<FoundRecord> found = new RecordFinder(ws).find(anna());
        Set<RecordKey> keys = found.stream().map(FoundRecord::record).collect(Collectors.toSet());
        assertThat(keys).containsAll(ANNA);
        assertThat(keys).as("a man of another generation and another country's Boris are no candidates")
                .doesNotContain(new RecordKey("VISA", "V-300"), new RecordKey("BORDER", "B-8"));
        assertThat(found.get(0).record()).isEqualTo(new RecordKey("VISA", "V-100"));
        assertThat(found.get(0).matchKey()).contains("+NAME", "+DOB");
        for (int i = 1; i < found.size(); i++) assertThat(found.get(i).score()).isLessThanOrEqualTo(found.get(i - 1).score());
        FoundRecord swapped = found.stream().filter(f -> f.record().equals(new RecordKey("BORDER", "B-7"))).findFirst().orElseThrow();
        assertThat(swapped.explanation().features()).anySatisfy(f -> assertThat(f.feature().name()).isEqualTo("DOB"));
        // the same answer, name only: the record without a birth date is still found
        assertThat(new RecordFinder(ws).find(Requester.named("Anna Kowalski", null)).stream().map(FoundRecord::record))
                .containsAll(ANNA);
    }

    @Test
    void aRequestKeepsItsCandidatesDueDateAndLogAndIsFlaggedOverdue() {
        AccessRequest r = requests.register(anna(), "letter of 1 March", LocalDate.of(2026, 3, 1), null, "privacy.officer");
        assertThat(r.dueOn()).isEqualTo(LocalDate.of(2026, 3, 31));
        assertThat(r.overdue(LocalDate.of(2026, 4, 1))).isTrue();
        AccessRequests.View v = requests.view(r.id());
        assertThat(v.requester()).isEqualTo(anna());
        assertThat(v.candidates()).extracting(AccessCandidate::record).containsAll(ANNA);
        assertThat(v.candidates()).extracting(AccessCandidate::rank).isSorted();
        assertThat(v.candidates().get(0).explanation()).contains("\"feature\":\"GIVEN_NAME\"");
        assertThat(AccessRequests.explanationText(v.candidates().get(0).explanation())).contains("GIVEN_NAME", "DOB");
        assertThat(v.log()).extracting(e -> e.kind() + " " + e.actor() + " " + e.at())
                .containsExactly("REGISTERED privacy.officer " + NOW);
        assertThat(new AccessRequests(ws, Clock.fixed(NOW, ZoneOffset.UTC), 45)
                .register(anna(), null, null, null, "po").dueOn()).isEqualTo(LocalDate.of(2026, 4, 16));
        assertThatThrownBy(() -> new Requester(List.of(" "), null, null, null, null, null)).isInstanceOf(IllegalArgumentException.class);
        // a birth date that cannot be real is the officer's typing error, told at once rather than searched for
        assertThatThrownBy(() -> Requester.named("Anna Kowalski", "1980-99-99")).hasMessageContaining("no such month");
        assertThatThrownBy(() -> Requester.named("Anna Kowalski", "sometime")).hasMessageContaining("YYYY-MM-DD");
        assertThat(Requester.named("Anna Kowalski", "1980").dob()).isEqualTo("1980");
    }

    @Test
    void theResponsePackageHoldsExactlyTheReleasedRecordsAndNoneOfWhatWasWithheld() throws IOException {
        AccessRequest r = requests.register(anna(), null, null, null, "privacy.officer");
        RecordKey visa = ANNA.get(0), border = ANNA.get(1), police = ANNA.get(2), benefits = ANNA.get(3), court = ANNA.get(4);
        assertThatThrownBy(() -> requests.responsePackage(r.id())).isInstanceOf(StoreConflictException.class);
        for (AccessCandidate c : requests.view(r.id()).candidates()) {
            if (!ANNA.contains(c.record())) {
                requests.decide(r.id(), c.record(), ReleaseDecision.WITHHOLD, List.of(), "not about the requester", "privacy.officer");
            }
        }
        requests.decide(r.id(), visa, ReleaseDecision.RELEASE, List.of(), null, "privacy.officer");
        requests.decide(r.id(), border, ReleaseDecision.PARTIAL, List.of("events[0]"), "exemption (b)(7)(E): techniques",
                "privacy.officer");
        requests.decide(r.id(), benefits, ReleaseDecision.PARTIAL, List.of("emails[0]", "phones[0]"), "exemption (b)(6): a third party's contact",
                "privacy.officer");
        requests.decide(r.id(), police, ReleaseDecision.WITHHOLD, List.of(), "exemption (b)(7)(A): open investigation", "privacy.officer");
        requests.decide(r.id(), court, ReleaseDecision.RELEASE, List.of(), null, "privacy.officer");
        assertThatThrownBy(() -> requests.decide(r.id(), visa, ReleaseDecision.PARTIAL, List.of("emails[0]"), "x", "po"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no emails[0]");
        assertThatThrownBy(() -> requests.decide(r.id(), visa, ReleaseDecision.PARTIAL, List.of("shoe_size"), "x", "po"))
                .isInstanceOf(IllegalArgumentException.class);

        ResponsePackage pkg = requests.responsePackage(r.id());
        assertThat(pkg.released()).containsExactlyInAnyOrder(visa, border, benefits, court);
        String text = text(pkg.pdf());
        assertThat(text).contains("Response to access request " + r.id(), "VISA:V-100", "BORDER:B-7", "BENEFITS:BN-9", "COURT:C-2",
                "X1234567", "KOWALSKI, Anna M.", "Kowalsky", "1980-04-03");
        // withheld whole: neither the record nor anything only it holds
        assertThat(text).doesNotContain("POLICE:P-3", "Ковальски", "Anna Kowalska", "V-200", "Marek", "1992-11-20");
        // withheld in part: the field's value is gone, the field marked with its exemption
        assertThat(text).doesNotContain("LO3", "2021-02-03", "ENTRY", "anna.k@example.org", "217-344-0101");
        assertThat(text).contains("[withheld under: exemption (b)(7)(E): techniques]",
                "[withheld under: exemption (b)(6): a third party's contact]");
        // what was withheld: counts by exemption, not content
        assertThat(text).contains("1 record(s) withheld under: exemption (b)(7)(A): open investigation");
        int strangers = requests.view(r.id()).candidates().size() - ANNA.size();
        if (strangers > 0) assertThat(text).contains(strangers + " record(s) withheld under: not about the requester");
        for (AccessCandidate c : requests.view(r.id()).candidates()) {
            boolean released = pkg.released().contains(c.record());
            assertThat(text.contains(c.record().toString())).as("%s in the package", c.record())
                    .isEqualTo(released);
        }
        assertThat(pkg.withheld()).isEqualTo(1 + strangers);

        requests.changeStatus(r.id(), AccessRequestStatus.RESPONDED, "sent by registered post", "privacy.officer");
        requests.changeStatus(r.id(), AccessRequestStatus.CLOSED, null, "privacy.officer");
        assertThat(requests.view(r.id()).log()).extracting(e -> e.kind() + " " + e.detail())
                .contains("STATUS IN_REVIEW: first decision", "STATUS RESPONDED: sent by registered post", "STATUS CLOSED");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFTextStripper stripper = new PDFTextStripper();
            stripper.setSortByPosition(true);
            return stripper.getText(doc);
        }
    }

    @Test
    void anAcceptedCorrectionAnnotatesTheRecordWithoutChangingItAndListsWhoHoldsItsData() {
        RecordKey border = ANNA.get(1);
        // disclosures recorded elsewhere: two reports held Anna's border record, one held only Boris's
        Map<RecordKey, List<DisclosureRecipients.Recipient>> sent = Map.of(
                border, List.of(new DisclosureRecipients.Recipient("State police", "report 4 version 2", NOW.minusSeconds(86_400)),
                        new DisclosureRecipients.Recipient("Partner agency", "report 6 version 1", NOW.minusSeconds(3_600))),
                new RecordKey("VISA", "V-300"), List.of(new DisclosureRecipients.Recipient("Elsewhere", "report 9", NOW)));
        DisclosureRecipients lookup = (Collection<RecordKey> records) -> {
            List<DisclosureRecipients.Recipient> out = new ArrayList<>();
            for (RecordKey k : records) out.addAll(sent.getOrDefault(k, List.of()));
            return out;
        };
        Corrections corrections = new Corrections(ws.store(), lookup, Clock.fixed(NOW, ZoneOffset.UTC));
        AccessRequest r = requests.register(anna(), null, null, null, "privacy.officer");
        StoredRecord before = ws.store().record(border).orElseThrow();

        Correction c = corrections.register(r.id(), border, "dob", "1980-03-04", "day and month swapped by the source",
                "privacy.officer");
        assertThat(c.status()).isEqualTo(CorrectionStatus.PENDING);
        Corrections.View pending = corrections.view(c.id());
        assertThat(pending.sourceValue()).isEqualTo("1980-04-03");
        assertThat(pending.recipients()).extracting(DisclosureRecipients.Recipient::recipient)
                .containsExactly("State police", "Partner agency");
        long entity = ws.resolver().entityOf(border);
        assertThat(new EntityProfiles(ws.store()).entity(entity).orElseThrow().corrections()).as("pending: no annotation").isEmpty();

        corrections.decide(c.id(), true, "the passport shows 4 March", "privacy.officer");
        assertThat(ws.store().record(border).orElseThrow()).as("the source's record is untouched").isEqualTo(before);
        EntityProfile profile = new EntityProfiles(ws.store()).entity(entity).orElseThrow();
        assertThat(profile.corrections()).singleElement().satisfies(v -> {
            assertThat(v.correction()).isEqualTo(c.id());
            assertThat(v.record()).isEqualTo(border);
            assertThat(v.field()).isEqualTo("dob");
            assertThat(v.sourceValue()).isEqualTo("1980-04-03");
            assertThat(v.correctedValue()).isEqualTo("1980-03-04");
            assertThat(v.reason()).isEqualTo("day and month swapped by the source");
            assertThat(v.decidedBy()).isEqualTo("privacy.officer");
            assertThat(v.decidedAt()).isEqualTo(NOW);
            assertThat(v.note()).isEqualTo("the passport shows 4 March");
        });
        // the profile's values are still the sources': the correction is shown beside them, never merged in
        assertThat(profile.values().get("dob")).containsKey("1980-04-03");
        assertThat(profile.records()).filteredOn(x -> x.key().equals(border)).singleElement()
                .satisfies(x -> assertThat(x.content()).isEqualTo(before.content()));
        // rejecting it on appeal removes the annotation; the record is still untouched
        corrections.decide(c.id(), false, "appeal: the birth certificate says 4 April", "privacy.officer");
        assertThat(new EntityProfiles(ws.store()).entity(entity).orElseThrow().corrections()).isEmpty();
        assertThat(ws.store().record(border).orElseThrow()).isEqualTo(before);
        assertThat(requests.view(r.id()).log()).extracting(e -> e.kind()).contains("CORRECTION");

        Corrections.View other = new Corrections(ws.store(), lookup, Clock.systemUTC()).view(
                corrections.register(0, ANNA.get(0), "names[0].surname", "Kowalska", "her married name", "po").id());
        assertThat(other.recipients()).isEmpty();
        assertThat(other.sourceValue()).isEqualTo("Kowalski");
        assertThatThrownBy(() -> corrections.register(0, ANNA.get(0), "shoe_size", "9", "r", "po"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> corrections.register(0, new RecordKey("VISA", "nope"), "dob", "1", "r", "po"))
                .isInstanceOf(io.relata.app.NotFoundException.class);
    }

    @Test
    void fieldPathsNameOnlyWhatARecordCanHold() {
        assertThat(FieldPath.parse("names[0].surname").steps()).hasSize(2);
        assertThat(FieldPath.parse("addresses[1]").steps()).hasSize(1);
        assertThat(FieldPath.parse("attributes.docket").steps()).hasSize(2);
        for (String bad : List.of("", "names", "names[0].shoe", "dob[0]", "phones", "names[0].given.x", "x", "dob.y", "names[a]")) {
            assertThatThrownBy(() -> FieldPath.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
