package io.relata.app.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import io.relata.core.model.RecordKey;
import io.relata.store.AccessCandidate;
import io.relata.store.ReleaseDecision;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The response to an access request as a PDF: a cover letter (request id, received, due and response dates), each
 * released record field by field (a record released in part without its withheld fields, each marked with its
 * exemption), and what was withheld as counts by exemption, never its content. It holds exactly the released
 * records.
 *
 * @param released the records it holds, in the order it shows them
 */
public record ResponsePackage(byte[] pdf, List<RecordKey> released, int withheld) {
    /** Liberation Sans (shipped inside OpenPDF) covers Latin, Greek and Cyrillic names; Helvetica covers only Latin-1. */
    private static final String FONT = "font-fallback/LiberationSans-Regular.ttf";

    static ResponsePackage of(AccessRequests.View v, Map<RecordKey, String> contents, LocalDate today) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 56, 56, 56, 56);
        List<RecordKey> released = new ArrayList<>();
        Map<String, Integer> withheldBy = new TreeMap<>();
        int withheld = 0;
        try {
            PdfWriter.getInstance(doc, out);
            BaseFont base = font();
            Font body = new Font(base, 10), small = new Font(base, 8), heading = new Font(base, 13, Font.BOLD),
                    title = new Font(base, 16, Font.BOLD);
            doc.addTitle("Response to access request " + v.request().id());
            doc.addCreator("Relata");
            doc.open();
            doc.add(new Paragraph("Response to access request " + v.request().id(), title));
            doc.add(new Paragraph(" ", body));
            doc.add(new Paragraph("To: " + String.join(" / ", v.requester().names()), body));
            doc.add(new Paragraph("Request received: " + v.request().receivedOn() + "    Due: " + v.request().dueOn()
                    + "    Response dated: " + today, body));
            doc.add(new Paragraph(" ", body));
            List<AccessCandidate> releasedCandidates = new ArrayList<>();
            for (AccessCandidate c : v.candidates()) {
                if (c.decision() == ReleaseDecision.WITHHOLD) {
                    withheld++;
                    withheldBy.merge(c.reason(), 1, Integer::sum);
                } else {
                    releasedCandidates.add(c);
                }
            }
            doc.add(new Paragraph("You asked what this agency's Relata system holds about you. We searched every source "
                    + "it holds for records that may relate to you, using the details you gave, and reviewed each record "
                    + "found. This package holds the " + releasedCandidates.size() + " record(s) released to you"
                    + (withheld == 0 ? "." : "; " + withheld + " record(s) were withheld, listed at the end by the "
                    + "exemption that applies.") + " Where part of a record is withheld, the field is marked with its "
                    + "exemption.", body));
            for (AccessCandidate c : releasedCandidates) {
                String content = contents.get(c.record());
                if (content == null) continue; // removed since the search: nothing of it is held any more
                released.add(c.record());
                doc.add(new Paragraph(" ", body));
                Paragraph recordTitle = new Paragraph("Record " + c.record() + (c.decision() == ReleaseDecision.PARTIAL
                        ? " (released in part)" : ""), heading);
                recordTitle.setSpacingAfter(6);
                doc.add(recordTitle);
                PdfPTable table = new PdfPTable(new float[] {1.2f, 2.8f});
                table.setWidthPercentage(100);
                table.setSpacingBefore(2);
                for (String[] line : lines(content, c)) {
                    table.addCell(cell(line[0], small));
                    table.addCell(cell(line[1], body));
                }
                doc.add(table);
            }
            if (withheld > 0) {
                doc.add(new Paragraph(" ", body));
                doc.add(new Paragraph("Records withheld", heading));
                for (Map.Entry<String, Integer> e : withheldBy.entrySet()) {
                    doc.add(new Paragraph(e.getValue() + " record(s) withheld under: " + e.getKey(), body));
                }
            }
            doc.add(new Paragraph(" ", body));
            doc.add(new Paragraph(new Chunk("Produced by Relata on " + today + " for access request " + v.request().id()
                    + ".", small)));
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the response package could not be composed", e);
        }
        return new ResponsePackage(out.toByteArray(), List.copyOf(released), withheld);
    }

    /** A record's fields as (path, value) lines, its withheld fields removed and each marked with the exemption. */
    static List<String[]> lines(String content, AccessCandidate c) {
        ObjectNode copy = (ObjectNode) AccessRequests.parse(content).deepCopy();
        copy.remove("source");
        copy.remove("id");
        List<String> marked = new ArrayList<>();
        for (String f : c.withheldFields()) {
            if (FieldPath.parse(f).remove(copy)) marked.add(f);
        }
        List<String[]> lines = new ArrayList<>();
        flatten("", copy, lines);
        for (String f : marked) lines.add(new String[] {f, "[withheld under: " + c.reason() + "]"});
        return lines;
    }

    private static void flatten(String prefix, JsonNode n, List<String[]> out) {
        if (n == null || n.isNull() || n.isMissingNode()) return;
        if (n.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(), e.getValue(), out);
            }
        } else if (n.isArray()) {
            for (int i = 0; i < n.size(); i++) flatten(prefix + "[" + i + "]", n.get(i), out);
        } else {
            out.add(new String[] {prefix, n.asText()});
        }
    }

    private static PdfPCell cell(String text, Font font) {
        PdfPCell cell = new PdfPCell(new Paragraph(text, font));
        cell.setPadding(3);
        cell.setVerticalAlignment(Element.ALIGN_TOP);
        return cell;
    }

    private static BaseFont font() {
        try (InputStream in = BaseFont.class.getClassLoader().getResourceAsStream(FONT)) {
            if (in == null) throw new IllegalStateException(FONT + " is missing from OpenPDF's jar");
            return BaseFont.createFont("LiberationSans-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, true,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException("the package's font cannot be read", e);
        } catch (DocumentException e) {
            throw new IllegalStateException("the package's font cannot be used", e);
        }
    }
}
