package io.relata.app.audit;

import io.relata.store.AuditEntry;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AuditExportTest {
    private static AuditEntry entry(String actor, String detail) {
        return new AuditEntry(7, Instant.parse("2026-11-30T12:00:00Z"), actor, "127.0.0.1", 3L, "case work", "entity.search",
                "ALLOWED", List.of("entity:1"), 2, detail, "0".repeat(64), "a".repeat(64));
    }

    @Test
    void a_csv_cell_that_a_spreadsheet_would_run_is_made_inert_and_the_rest_is_quoted_as_rfc_4180_says() throws Exception {
        StringWriter out = new StringWriter();
        AuditExport.csv(List.of(entry("=cmd|' /C calc'!A0", "name=O'Brien, \"Pat\"\nline two"), entry("ana", "-2+3")), out);
        String csv = out.toString();
        assertThat(csv).startsWith("seq,at,actor,");
        assertThat(csv).contains(",'=cmd|' /C calc'!A0,").contains("\"name=O'Brien, \"\"Pat\"\"\nline two\"")
                .contains(",'-2+3,");
        assertThat(AuditExport.inert("plain")).isEqualTo("plain");
        assertThat(AuditExport.inert("@SUM(A1)")).isEqualTo("'@SUM(A1)");
    }
}
