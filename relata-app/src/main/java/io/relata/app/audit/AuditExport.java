package io.relata.app.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.relata.store.AuditEntry;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;

/**
 * An auditor's answer written out, one entry a line, oldest first as asked: CSV (RFC 4180: a header row, fields
 * quoted when they hold a comma, quote or line break, quotes doubled, CRLF between records) or JSON Lines. The
 * objects are a JSON array in both, times are ISO-8601 UTC, and each entry's hash is included so that an
 * exported entry can be matched with the trail later. Values are written as stored, except that in CSV a text
 * that a spreadsheet would run as a formula (starting with =, +, -, @, tab or carriage return) gets a leading
 * apostrophe: an actor or a search detail must not become a command on the auditor's machine.
 */
public final class AuditExport {
    static final String[] COLUMNS = {"seq", "at", "actor", "client_address", "case_id", "purpose", "action", "outcome",
            "objects", "result_count", "detail", "hash"};
    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private AuditExport() {}

    public static void csv(Iterable<AuditEntry> entries, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS).build());
        for (AuditEntry e : entries) {
            printer.printRecord(e.seq(), e.at(), inert(e.actor()), inert(e.clientAddress()), e.caseId(), inert(e.purpose()),
                    e.action(), e.outcome(), JSON.writeValueAsString(e.objects()), e.resultCount(), inert(e.detail()), e.hash());
        }
        printer.flush();
    }

    /** A text a spreadsheet will not evaluate (OWASP's advice against CSV injection). */
    static String inert(String text) {
        if (text == null || text.isEmpty()) return text;
        char c = text.charAt(0);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r' ? "'" + text : text;
    }

    public static void jsonLines(Iterable<AuditEntry> entries, Writer out) throws IOException {
        for (AuditEntry e : entries) {
            var line = JSON.createObjectNode().put("seq", e.seq()).put("at", e.at().toString()).put("actor", e.actor())
                    .put("client_address", e.clientAddress()).put("case_id", e.caseId()).put("purpose", e.purpose())
                    .put("action", e.action()).put("outcome", e.outcome());
            var objects = line.putArray("objects");
            if (e.objects() != null) e.objects().forEach(objects::add);
            line.put("result_count", e.resultCount()).put("detail", e.detail()).put("hash", e.hash());
            out.write(JSON.writeValueAsString(line)); // line breaks inside values are escaped: one entry, one line
            out.write('\n');
        }
        out.flush();
    }
}
