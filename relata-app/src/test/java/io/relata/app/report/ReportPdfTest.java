package io.relata.app.report;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/** A report's PDF and HTML: markings and watermark, the content, and names in any script readable. */
class ReportPdfTest {
    static ReportContent content() {
        List<ReportContent.Node> nodes = List.of(new ReportContent.Node(1, "Алексей Иванов", 0, true),
                new ReportContent.Node(2, "José Müller", 1, false));
        List<ReportContent.Edge> edges = List.of(new ReportContent.Edge(1, 2, 0.5,
                List.of(new ReportContent.EvidenceRow("SHARED_ADDRESS", "1 main st", "S", "T", 2, 0.5))));
        return new ReportContent(3, 2, "Harbor", "Ring <one>", "SECRET//NOFORN", "Handle with care.", "First.\n\nSecond & last.",
                List.of(new ReportContent.EntitySummary(1, "Алексей Иванов", List.of("S"),
                        List.of(new ReportContent.Value("surname", "ivanov", List.of("S"))), List.of())),
                new ReportContent.Chart("NETWORK", "Possible connections", nodes, edges), new TreeSet<>());
    }

    @Test
    void every_page_carries_the_markings_and_the_watermark_and_other_scripts_print_in_latin() throws Exception {
        ReportContent c = content();
        byte[] pdf = ReportPdf.render(c, "Disseminated to County - dissemination 9", ChartImage.png(c.chart()));
        PdfReader reader = new PdfReader(pdf);
        PdfTextExtractor extractor = new PdfTextExtractor(reader);
        StringBuilder all = new StringBuilder();
        for (int p = 1; p <= reader.getNumberOfPages(); p++) {
            String page = extractor.getTextFromPage(p);
            assertThat(page).as("page %d", p).contains("SECRET//NOFORN", "Disseminated to County - dissemination 9");
            all.append(page).append('\n');
        }
        assertThat(all.toString()).contains("Ring <one>", "Handle with care.", "Second & last.", "José Müller", "Ivanov",
                "shared address", "1 main st").doesNotContain("Иванов");
        assertThat(ReportPdf.latin("Алексей Иванов")).isEqualTo("Aleksey Ivanov");
        assertThat(ReportPdf.latin("Zoë Ørsted")).isEqualTo("Zoë Ørsted");
        assertThat(ReportPdf.latin("Khoa Văn Trần")).isEqualTo("Khoa Van Tran");
        assertThat(ReportPdf.latin("Łukasz Đặng")).isEqualTo("Lukasz Dang");
        assertThat(ReportPdf.latin("王伟")).isEqualTo("wang wei");
        assertThat(ReportPdf.latin("Σωκράτης")).isEqualTo("Sokrates");
    }

    @Test
    void the_html_copy_escapes_every_text_and_shows_markings_and_watermark() {
        ReportContent c = content();
        String html = new String(ReportHtml.render(c, "Disseminated to County - dissemination 9", ChartImage.png(c.chart())),
                StandardCharsets.UTF_8);
        assertThat(html).contains("Ring &lt;one&gt;", "Second &amp; last.", "Алексей Иванов", "SECRET//NOFORN",
                "<p class=\"copy\">Disseminated to County - dissemination 9</p>", "data:image/png;base64,")
                .doesNotContain("Ring <one>", "<script");
    }
}
