package io.relata.app.report;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;

import com.ibm.icu.text.Transliterator;

import java.awt.Color;
import java.nio.charset.Charset;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * A report as PDF (OpenPDF): the markings at the top and bottom of every page, and the copy's watermark (its
 * recipient and dissemination, or that it is a preview) across every page and in every footer; then the handling
 * instructions, the narrative, the chart as a picture, each entity's summary and the evidence table. Text is set in
 * the standard Helvetica; other scripts are transliterated to Latin.
 */
public final class ReportPdf {
    private static final Font TITLE = new Font(Font.HELVETICA, 18, Font.BOLD);
    private static final Font HEADING = new Font(Font.HELVETICA, 13, Font.BOLD);
    private static final Font BODY = new Font(Font.HELVETICA, 10);
    private static final Font SMALL = new Font(Font.HELVETICA, 8);
    private static final Font CELL_HEAD = new Font(Font.HELVETICA, 9, Font.BOLD);
    private static final Font CELL = new Font(Font.HELVETICA, 9);

    private ReportPdf() {}

    public static byte[] render(ReportContent c, String watermark, byte[] chartPng) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 50, 50, 60, 60);
        try {
            PdfWriter writer = PdfWriter.getInstance(doc, out);
            writer.setPageEvent(new Marks(c.markings(), watermark));
            doc.addTitle(latin(c.title()));
            doc.addCreator("Relata");
            doc.open();
            doc.add(new Paragraph(latin(c.title()), TITLE));
            doc.add(new Paragraph(latin("Report " + c.reportId() + ", version " + c.version() + " · case " + c.caseName()), SMALL));
            doc.add(new Paragraph(latin(watermark), SMALL));
            if (c.handling() != null && !c.handling().isBlank()) {
                doc.add(heading("Handling"));
                doc.add(new Paragraph(latin(c.handling()), BODY));
            }
            if (c.narrative() != null && !c.narrative().isBlank()) {
                doc.add(heading("Narrative"));
                for (String para : c.narrative().split("\\R\\s*\\R")) {
                    Paragraph p = new Paragraph(latin(para.strip()), BODY);
                    p.setSpacingAfter(6);
                    doc.add(p);
                }
            }
            if (c.chart() != null) {
                doc.add(heading("Relationship chart"));
                doc.add(new Paragraph(latin(c.chart().description()), BODY));
                Image image = Image.getInstance(chartPng);
                image.scaleToFit(doc.getPageSize().getWidth() - 100, 330);
                image.setAlignment(Element.ALIGN_CENTER);
                doc.add(image);
            }
            for (ReportContent.EntitySummary e : c.entities()) {
                doc.add(heading(e.label()));
                doc.add(new Paragraph(latin("Sources: " + (e.sources().isEmpty() ? "none you may see" : String.join(", ", e.sources()))), SMALL));
                PdfPTable values = table(new float[] {2, 4, 2}, "Field", "Value", "Sources");
                for (ReportContent.Value v : e.values()) row(values, v.field(), v.value(), String.join(", ", v.sources()));
                doc.add(values);
                if (!e.timeline().isEmpty()) {
                    PdfPTable events = table(new float[] {2, 2, 2, 2, 1}, "Date", "Event", "Place", "Reference", "Source");
                    for (ReportContent.Event t : e.timeline()) row(events, t.date(), t.type(), t.place(), t.ref(), t.source());
                    doc.add(events);
                }
            }
            if (c.chart() != null && !c.chart().edges().isEmpty()) {
                doc.add(heading("Evidence"));
                PdfPTable evidence = table(new float[] {3, 2, 3, 1.2f, 1, 1}, "Between", "Kind", "Detail", "Sources", "Shared by", "Strength");
                for (ReportContent.Edge edge : c.chart().edges()) {
                    String between = c.label(edge.from()) + " – " + c.label(edge.to());
                    for (ReportContent.EvidenceRow r : edge.evidence()) {
                        row(evidence, between, r.kind(), r.detail(), r.fromSource() + "/" + r.toSource(),
                                Integer.toString(r.sharedBy()), String.format(java.util.Locale.ROOT, "%.2f", r.strength()));
                    }
                }
                doc.add(evidence);
            }
            doc.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the report could not be laid out as PDF: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("the chart could not be placed in the PDF", e);
        }
        return out.toByteArray();
    }

    /**
     * Text as the standard fonts can set it (Windows-1252): other scripts transliterated to Latin (ICU), case and
     * punctuation kept, so that a name written in Cyrillic or Arabic prints readably rather than as blanks.
     */
    static String latin(String s) {
        if (s == null || WINDOWS_1252.newEncoder().canEncode(s)) return s;
        String latin = OTHER_TO_LATIN.get().transliterate(CYRILLIC_TO_LATIN.get().transliterate(s));
        return WINDOWS_1252.newEncoder().canEncode(latin) ? latin : latin.replaceAll("[^\\x20-\\x7E\\xA0-\\xFF]", "?");
    }

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    // ICU transliterators are not safe for concurrent use: one per thread. Two of them, since a filter in front of a
    // compound ID filters the whole of it: Cyrillic by the BGN romanization, as passports write Russian names; then
    // everything outside Latin-1 (other scripts, and Latin letters such as ă, ł, đ) to plain Latin, é and ü kept
    private static final ThreadLocal<Transliterator> CYRILLIC_TO_LATIN = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("[:Cyrillic:] Russian-Latin/BGN"));
    private static final ThreadLocal<Transliterator> OTHER_TO_LATIN = ThreadLocal.withInitial(() ->
            Transliterator.getInstance("[^\\u0000-\\u00FF] Any-Latin; Latin-ASCII"));

    private static Paragraph heading(String text) {
        Paragraph p = new Paragraph(latin(text), HEADING);
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        return p;
    }

    private static PdfPTable table(float[] widths, String... heads) {
        PdfPTable t = new PdfPTable(widths);
        t.setWidthPercentage(100);
        t.setSpacingBefore(4);
        t.setSpacingAfter(8);
        t.setHeaderRows(1);
        for (String h : heads) {
            PdfPCell cell = new PdfPCell(new Phrase(h, CELL_HEAD));
            cell.setBackgroundColor(new Color(0xe4, 0xe9, 0xf1));
            t.addCell(cell);
        }
        return t;
    }

    private static void row(PdfPTable t, String... cells) {
        for (String s : cells) t.addCell(new Phrase(s == null ? "" : latin(s), CELL));
    }

    /** The markings at the top and bottom of every page, and the watermark across it and in its footer. */
    private static final class Marks extends PdfPageEventHelper {
        private final String markings, watermark;

        Marks(String markings, String watermark) {
            this.markings = markings;
            this.watermark = watermark;
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            float width = document.getPageSize().getWidth(), height = document.getPageSize().getHeight();
            PdfContentByte over = writer.getDirectContent();
            Font marks = new Font(Font.HELVETICA, 9, Font.BOLD, new Color(0x9b, 0x1c, 0x1c));
            ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase(latin(markings), marks), width / 2, height - 35, 0);
            ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase(latin(markings), marks), width / 2, 38, 0);
            ColumnText.showTextAligned(over, Element.ALIGN_CENTER, new Phrase(latin(watermark) + " · page " + writer.getPageNumber(),
                    SMALL), width / 2, 25, 0);
            PdfContentByte under = writer.getDirectContentUnder();
            under.saveState();
            PdfGState faint = new PdfGState();
            faint.setFillOpacity(0.12f);
            under.setGState(faint);
            try {
                under.beginText();
                under.setFontAndSize(BaseFont.createFont(BaseFont.HELVETICA_BOLD, BaseFont.WINANSI, false), 30);
                under.setColorFill(Color.GRAY);
                under.showTextAligned(Element.ALIGN_CENTER, latin(watermark), width / 2, height / 2, 45);
                under.endText();
            } catch (IOException | DocumentException e) {
                throw new IllegalStateException("the watermark font is missing", e);
            }
            under.restoreState();
        }
    }
}
