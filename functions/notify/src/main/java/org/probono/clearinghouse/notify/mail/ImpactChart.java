package org.probono.clearinghouse.notify.mail;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The report's chart as a PNG, drawn with Java2D (headless). Left: requests received and placed per week,
 * side by side; right: hours by category, one bar each. It draws shapes only, no text: Lambda's Java
 * runtime ships no fonts, so the labels, legend and numbers are in the HTML around the image, in the
 * same order and colours (docs/api/notify.md).
 */
public final class ImpactChart {
    static {
        System.setProperty("java.awt.headless", "true");
    }

    public static final int WIDTH = 640;
    public static final int HEIGHT = 240;
    public static final Color RECEIVED = new Color(0x4E79A7);
    public static final Color PLACED = new Color(0x59A14F);
    public static final Color HOURS = new Color(0xF28E2B);
    private static final Color AXIS = new Color(0x555555);
    private static final Color GRID = new Color(0xDDDDDD);
    private static final int MARGIN = 20;

    public record Week(long received, long placed) {}

    private ImpactChart() {}

    /** The PNG: {@code weeks} in order, {@code hoursByCategory} in the order the HTML lists them. */
    public static byte[] png(List<Week> weeks, List<Double> hoursByCategory) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, HEIGHT);
            int half = WIDTH / 2;
            weeks(g, weeks, MARGIN, half - MARGIN);
            hours(g, hoursByCategory, half + MARGIN, WIDTH - MARGIN);
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void weeks(Graphics2D g, List<Week> weeks, int left, int right) {
        int bottom = HEIGHT - MARGIN;
        int top = MARGIN;
        long max = Math.max(
                1,
                weeks.stream()
                        .mapToLong(w -> Math.max(w.received(), w.placed()))
                        .max()
                        .orElse(1));
        grid(g, left, right, top, bottom, max);
        if (weeks.isEmpty()) return;
        int slot = (right - left) / weeks.size();
        int bar = Math.max(2, slot / 3);
        for (int i = 0; i < weeks.size(); i++) {
            int x = left + i * slot + (slot - 2 * bar) / 2;
            bar(g, RECEIVED, x, bar, bottom, top, weeks.get(i).received(), max);
            bar(g, PLACED, x + bar, bar, bottom, top, weeks.get(i).placed(), max);
        }
        axes(g, left, right, top, bottom);
    }

    private static void hours(Graphics2D g, List<Double> hours, int left, int right) {
        int bottom = HEIGHT - MARGIN;
        int top = MARGIN;
        double max = Math.max(
                1, hours.stream().mapToDouble(Double::doubleValue).max().orElse(1));
        grid(g, left, right, top, bottom, Math.ceil(max));
        if (!hours.isEmpty()) {
            int slot = (right - left) / hours.size();
            int bar = Math.max(2, slot * 2 / 3);
            for (int i = 0; i < hours.size(); i++) {
                int x = left + i * slot + (slot - bar) / 2;
                int height = (int) Math.round((bottom - top) * hours.get(i) / Math.ceil(max));
                g.setColor(HOURS);
                g.fillRect(x, bottom - height, bar, height);
            }
        }
        axes(g, left, right, top, bottom);
    }

    private static void bar(Graphics2D g, Color colour, int x, int width, int bottom, int top, long value, long max) {
        int height = (int) Math.round((double) (bottom - top) * value / max);
        g.setColor(colour);
        g.fillRect(x, bottom - height, width, height);
    }

    /** Four light lines at quarters of the scale, so bars can be compared by eye. */
    private static void grid(Graphics2D g, int left, int right, int top, int bottom, double max) {
        g.setColor(GRID);
        g.setStroke(new BasicStroke(1));
        for (int i = 1; i <= 4; i++) {
            int y = bottom - (bottom - top) * i / 4;
            g.drawLine(left, y, right, y);
        }
    }

    private static void axes(Graphics2D g, int left, int right, int top, int bottom) {
        g.setColor(AXIS);
        g.setStroke(new BasicStroke(2));
        g.drawLine(left, bottom, right, bottom);
        g.drawLine(left, top, left, bottom);
    }
}
