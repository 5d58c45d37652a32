package io.relata.app.report;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The chart picture: the same content always gives the same picture, laid out by distance from the start. */
class ChartImageTest {
    static ReportContent.Chart chart(String kind) {
        List<ReportContent.Node> nodes = List.of(new ReportContent.Node(7, "Anna Kowalski", 0, true),
                new ReportContent.Node(3, "Boris Ivanov", 1, false), new ReportContent.Node(9, "Carla Mendes", 1, false),
                new ReportContent.Node(4, "Dan Ode", 2, true));
        List<ReportContent.EvidenceRow> ev = List.of(new ReportContent.EvidenceRow("SHARED_PHONE", "2173440101", "S", "S", 2, 0.6));
        List<ReportContent.Edge> edges = List.of(new ReportContent.Edge(7, 3, 0.6, ev), new ReportContent.Edge(7, 9, 0.3, ev),
                new ReportContent.Edge(9, 4, 0.9, ev));
        return new ReportContent.Chart(kind, "a chart", nodes, edges);
    }

    @Test
    void the_same_chart_gives_the_same_png() throws Exception {
        byte[] a = ChartImage.png(chart("NETWORK")), b = ChartImage.png(chart("NETWORK"));
        assertThat(a).isEqualTo(b);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(a));
        assertThat(image.getWidth()).isEqualTo(ChartImage.WIDTH);
        assertThat(image.getHeight()).isEqualTo(ChartImage.HEIGHT);
        // the centre of a network is drawn in the middle, filled as an entity the report covers
        int rgb = image.getRGB(ChartImage.WIDTH / 2, ChartImage.HEIGHT / 2) & 0xffffff;
        assertThat(rgb).isEqualTo(0x1f3a68);
        assertThat(ChartImage.png(chart("PATH"))).isNotEqualTo(a);
    }

    @Test
    void a_network_is_laid_out_in_rings_and_paths_in_columns_from_the_start() {
        Map<Long, double[]> ring = ChartImage.layout(chart("NETWORK"));
        double[] centre = ring.get(7L);
        assertThat(centre).containsExactly(ChartImage.WIDTH / 2.0, ChartImage.HEIGHT / 2.0);
        assertThat(distance(ring.get(3L), centre)).isLessThan(distance(ring.get(4L), centre));
        Map<Long, double[]> columns = ChartImage.layout(chart("PATH"));
        assertThat(columns.get(7L)[0]).isLessThan(columns.get(3L)[0]);
        assertThat(columns.get(3L)[0]).isEqualTo(columns.get(9L)[0]);
        assertThat(columns.get(9L)[0]).isLessThan(columns.get(4L)[0]);
        // within a distance, in id order: Boris (3) above Carla (9)
        assertThat(columns.get(3L)[1]).isLessThan(columns.get(9L)[1]);
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
