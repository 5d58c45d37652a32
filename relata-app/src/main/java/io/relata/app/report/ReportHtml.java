package io.relata.app.report;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/**
 * A report as one self-contained HTML file (for download, not for display inside Relata): the markings in a banner at
 * the top and bottom of the page (and of every printed page), the watermark visibly in a banner and repeated across
 * the page behind the text, the chart embedded as a PNG data URI. Every text is escaped.
 */
public final class ReportHtml {
    private static final String STYLE = "body{font:14px/1.45 Helvetica,Arial,sans-serif;margin:0 auto;max-width:60rem;"
            + "padding:3.5rem 2rem;color:#1b1f24}"
            + ".marking{position:fixed;left:0;right:0;text-align:center;font-weight:bold;color:#9b1c1c;background:#fff;"
            + "padding:.3rem;z-index:2}.top{top:0}.bottom{bottom:0}"
            + ".copy{border:2px solid #9b1c1c;padding:.5rem;font-weight:bold;text-align:center;margin:1rem 0}"
            + ".watermark{position:fixed;inset:0;pointer-events:none;z-index:1;overflow:hidden;color:rgba(0,0,0,.09);"
            + "font-size:28px;font-weight:bold;transform:rotate(-30deg);line-height:5rem;white-space:nowrap}"
            + "table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #c9d6ea;padding:.25rem .4rem;"
            + "text-align:left;vertical-align:top}th{background:#e4e9f1}img{max-width:100%;border:1px solid #c9d6ea}"
            + "@media print{.marking{position:fixed}}";

    private ReportHtml() {}

    public static byte[] render(ReportContent c, String watermark, byte[] chartPng) {
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>").append(esc(c.title()))
                .append("</title><style>").append(STYLE).append("</style></head><body>\n");
        b.append("<div class=\"marking top\">").append(esc(c.markings())).append("</div>\n");
        b.append("<div class=\"watermark\" aria-hidden=\"true\">");
        for (int i = 0; i < 40; i++) b.append(esc(watermark)).append(" &#183; ").append(esc(watermark)).append("<br>");
        b.append("</div>\n<main>\n<h1>").append(esc(c.title())).append("</h1>\n");
        b.append("<p>Report ").append(c.reportId()).append(", version ").append(c.version()).append(" &#183; case ")
                .append(esc(c.caseName())).append("</p>\n");
        b.append("<p class=\"copy\">").append(esc(watermark)).append("</p>\n");
        if (c.handling() != null && !c.handling().isBlank()) {
            b.append("<h2>Handling</h2>\n<p>").append(esc(c.handling())).append("</p>\n");
        }
        if (c.narrative() != null && !c.narrative().isBlank()) {
            b.append("<h2>Narrative</h2>\n");
            for (String para : c.narrative().split("\\R\\s*\\R")) b.append("<p>").append(esc(para.strip())).append("</p>\n");
        }
        if (c.chart() != null) {
            b.append("<h2>Relationship chart</h2>\n<p>").append(esc(c.chart().description())).append("</p>\n")
                    .append("<img alt=\"").append(esc(c.chart().description())).append("\" src=\"data:image/png;base64,")
                    .append(Base64.getEncoder().encodeToString(chartPng)).append("\">\n");
        }
        for (ReportContent.EntitySummary e : c.entities()) {
            b.append("<h2>").append(esc(e.label())).append("</h2>\n<p>Sources: ")
                    .append(esc(e.sources().isEmpty() ? "none you may see" : String.join(", ", e.sources()))).append("</p>\n");
            b.append("<table><tr><th>Field</th><th>Value</th><th>Sources</th></tr>\n");
            for (ReportContent.Value v : e.values()) row(b, v.field(), v.value(), String.join(", ", v.sources()));
            b.append("</table>\n");
            if (!e.timeline().isEmpty()) {
                b.append("<table><tr><th>Date</th><th>Event</th><th>Place</th><th>Reference</th><th>Source</th></tr>\n");
                for (ReportContent.Event t : e.timeline()) row(b, t.date(), t.type(), t.place(), t.ref(), t.source());
                b.append("</table>\n");
            }
        }
        if (c.chart() != null && !c.chart().edges().isEmpty()) {
            b.append("<h2>Evidence</h2>\n<table><tr><th>Between</th><th>Kind</th><th>Detail</th><th>Sources</th>"
                    + "<th>Shared by</th><th>Strength</th></tr>\n");
            for (ReportContent.Edge edge : c.chart().edges()) {
                String between = c.label(edge.from()) + " – " + c.label(edge.to());
                for (ReportContent.EvidenceRow r : edge.evidence()) {
                    row(b, between, r.kind(), r.detail(), r.fromSource() + "/" + r.toSource(), Integer.toString(r.sharedBy()),
                            String.format(Locale.ROOT, "%.2f", r.strength()));
                }
            }
            b.append("</table>\n");
        }
        b.append("<p class=\"copy\">").append(esc(watermark)).append("</p>\n</main>\n");
        b.append("<div class=\"marking bottom\">").append(esc(c.markings())).append("</div>\n</body></html>\n");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void row(StringBuilder b, String... cells) {
        b.append("<tr>");
        for (String s : cells) b.append("<td>").append(esc(s)).append("</td>");
        b.append("</tr>\n");
    }

    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }
}
