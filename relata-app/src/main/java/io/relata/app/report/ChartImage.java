package io.relata.app.report;

import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A report's chart as a PNG picture, drawn with Java2D from the reader's redacted nodes and edges. The layout is
 * deterministic, so the same content always gives the same picture: entities by their distance from the chart's start
 * (rings around the centre for a network, columns from left to right for paths), in id order within a distance; lines
 * as thick as the relation is strong; the entities the report covers filled dark.
 */
public final class ChartImage {
    public static final int WIDTH = 1000, HEIGHT = 640;
    private static final int RADIUS = 14, MARGIN = 70;
    private static final Color COVERED = new Color(0x1f, 0x3a, 0x68), OTHER = new Color(0xc9, 0xd6, 0xea),
            LINE = new Color(0x7a, 0x86, 0x99), TEXT = new Color(0x1b, 0x1f, 0x24);

    static {
        System.setProperty("java.awt.headless", "true"); // a server draws without a display
    }

    private ChartImage() {}

    public static byte[] png(ReportContent.Chart chart) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            Map<Long, double[]> at = layout(chart);
            for (ReportContent.Edge e : chart.edges()) {
                double[] a = at.get(e.from()), b = at.get(e.to());
                if (a == null || b == null) continue;
                g.setColor(LINE);
                g.setStroke(new BasicStroke((float) (1 + 5 * Math.min(1, e.strength())), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.drawLine((int) a[0], (int) a[1], (int) b[0], (int) b[1]);
            }
            g.setStroke(new BasicStroke(1.5f));
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
            FontMetrics fm = g.getFontMetrics();
            for (ReportContent.Node n : chart.nodes()) {
                double[] p = at.get(n.entity());
                int x = (int) p[0], y = (int) p[1];
                g.setColor(n.covered() ? COVERED : OTHER);
                g.fillOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
                g.setColor(COVERED);
                g.drawOval(x - RADIUS, y - RADIUS, 2 * RADIUS, 2 * RADIUS);
                String label = n.label().length() > 28 ? n.label().substring(0, 27) + "…" : n.label();
                g.setColor(TEXT);
                g.drawString(label, x - fm.stringWidth(label) / 2, y + RADIUS + fm.getAscent() + 2);
            }
            if (chart.nodes().isEmpty()) {
                g.setColor(TEXT);
                g.drawString("Nothing in this chart may be shown to this reader.", MARGIN, HEIGHT / 2);
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException("the chart could not be encoded as PNG", e);
        }
        return out.toByteArray();
    }

    /** Each node's centre: grouped by hops, in id order within a group. */
    static Map<Long, double[]> layout(ReportContent.Chart chart) {
        TreeMap<Integer, List<Long>> byHops = new TreeMap<>();
        for (ReportContent.Node n : chart.nodes()) byHops.computeIfAbsent(n.hops(), h -> new ArrayList<>()).add(n.entity());
        byHops.values().forEach(list -> list.sort(null));
        Map<Long, double[]> at = new HashMap<>();
        boolean network = chart.kind().equals(ChartSpec.Kind.NETWORK.name());
        int layers = byHops.size();
        int layer = 0;
        for (List<Long> group : byHops.values()) {
            for (int i = 0; i < group.size(); i++) {
                if (network) {
                    double cx = WIDTH / 2.0, cy = HEIGHT / 2.0;
                    if (layer == 0 && group.size() == 1) {
                        at.put(group.get(i), new double[] {cx, cy});
                        continue;
                    }
                    double rx = (WIDTH / 2.0 - MARGIN - 40) * (layer + (byHops.firstKey() == 0 ? 0 : 1)) / Math.max(1, layers - (byHops.firstKey() == 0 ? 1 : 0));
                    double ry = (HEIGHT / 2.0 - MARGIN) * rx / (WIDTH / 2.0 - MARGIN - 40);
                    double angle = 2 * Math.PI * i / group.size() - Math.PI / 2 + layer * 0.35;
                    at.put(group.get(i), new double[] {cx + rx * Math.cos(angle), cy + ry * Math.sin(angle)});
                } else {
                    double x = layers == 1 ? WIDTH / 2.0 : MARGIN + 40 + (WIDTH - 2.0 * (MARGIN + 40)) * layer / (layers - 1);
                    double y = MARGIN + (HEIGHT - 2.0 * MARGIN) * (i + 1) / (group.size() + 1);
                    at.put(group.get(i), new double[] {x, y});
                }
            }
            layer++;
        }
        return at;
    }
}
