package io.relata.app.audit;

import io.relata.store.AuditEntry;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The text an entry hashes to is exactly as documented, and no two different entries share it. */
class CanonicalFormTest {
    static final Instant AT = Instant.parse("2026-03-02T09:00:00.120Z");
    static final String PREV = "f".repeat(64);

    static AuditEntry entry(String actor, String client, Long caseId, String purpose, List<String> objects, String detail) {
        return new AuditEntry(12, AT, actor, client, caseId, purpose, "entity.read", "ALLOWED", objects, 3, detail, PREV, null);
    }

    @Test
    void isTheDocumentedText() {
        assertThat(CanonicalForm.of(entry("ana", "10.0.0.1", 7L, "fraud", List.of("entity:1", "record:A,B:1"), "q=a|b\\c")))
                .isEqualTo(PREV + "|12|2026-03-02T09:00:00.120000Z|ana|10.0.0.1|7|fraud|entity.read|ALLOWED|"
                        + "2,entity:1,record:A\\,B:1|3|q=a\\|b\\\\c");
        assertThat(CanonicalForm.of(entry("ana", null, null, null, List.of(), null)))
                .isEqualTo(PREV + "|12|2026-03-02T09:00:00.120000Z|ana|\\N|\\N|\\N|entity.read|ALLOWED|0|3|\\N");
        assertThat(CanonicalForm.hash(entry("ana", null, null, null, List.of(), null))).matches("[0-9a-f]{64}");
    }

    @Test
    void tellsApartWhatEscapingAndNullsCouldConfuse() {
        List<AuditEntry> different = List.of(
                entry("a", null, null, null, List.of(), null),
                entry("a", "", null, null, List.of(), null),
                entry("a", "\\N", null, null, List.of(), null),
                entry("a", null, null, null, List.of(""), null),
                entry("a", null, null, null, List.of("", ""), null),
                entry("a", null, null, null, List.of("x,y"), null),
                entry("a", null, null, null, List.of("x", "y"), null),
                entry("a", null, null, null, null, null),
                entry("a|b", null, null, null, List.of(), null),
                entry("a", "b", null, null, List.of(), null),
                entry("a", null, 1L, null, List.of(), null),
                entry("a", null, null, "1", List.of(), null),
                entry("a", null, null, null, List.of(), ""),
                entry("a\\", null, null, null, List.of(), null));
        assertThat(different.stream().map(CanonicalForm::of).distinct()).hasSize(different.size());
        assertThat(different.stream().map(CanonicalForm::hash).distinct()).hasSize(different.size());
    }

    @Test
    void cleansTextThatCouldNotBeStoredAsHashed() {
        assertThat(AuditText.clean(null, 5)).isNull();
        assertThat(AuditText.clean("plain", 10)).isSameAs("plain");
        assertThat(AuditText.clean("a\u0000b", 10)).isEqualTo("a\uFFFDb");
        assertThat(AuditText.clean("\uDC00x\uD800", 10)).isEqualTo("\uFFFDx\uFFFD");
        assertThat(AuditText.clean("ok\uD83D\uDE00", 10)).isEqualTo("ok\uD83D\uDE00");
        assertThat(AuditText.clean("abc\uD83D\uDE00", 4)).isEqualTo("abc"); // never half a pair
        assertThat(AuditText.clean("abcdef", 4)).isEqualTo("abcd");
    }
}
