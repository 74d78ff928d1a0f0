package org.probono.clearinghouse.desk;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table: a header row, columns as wide as their widest cell (long cells cut with an ellipsis). */
final class Table {
    private static final int MAX_CELL = 48;
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    Table(String... header) {
        this.header = List.of(header);
    }

    Table row(Object... cells) {
        if (cells.length != header.size()) throw new IllegalArgumentException("a row has " + header.size() + " cells");
        rows.add(Arrays.stream(cells)
                .map(cell -> cell == null
                        ? ""
                        : String.valueOf(cell).replaceAll("\\s+", " ").strip())
                .toList());
        return this;
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The last column is left whole (reasons, notes); the others are cut to keep the columns readable. */
    String render() {
        List<List<String>> cut = rows.stream()
                .map(row -> {
                    List<String> cells = new ArrayList<>(row);
                    for (int c = 0; c < cells.size() - 1; c++) cells.set(c, cut(cells.get(c)));
                    return (List<String>) cells;
                })
                .toList();
        int[] widths = new int[header.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = width(header.get(c));
            for (List<String> row : cut) widths[c] = Math.max(widths[c], width(row.get(c)));
        }
        StringBuilder text = new StringBuilder();
        line(text, header, widths);
        for (List<String> row : cut) line(text, row, widths);
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            line.append(cells.get(c));
            if (c < cells.size() - 1) line.append(" ".repeat(widths[c] - width(cells.get(c)) + 2));
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    /** Characters as a terminal shows them: code points, combining marks (Devanagari, Bengali vowel signs) taking none. */
    static int width(String text) {
        return (int) text.codePoints()
                .filter(cp -> Character.getType(cp) != Character.NON_SPACING_MARK
                        && Character.getType(cp) != Character.COMBINING_SPACING_MARK)
                .count();
    }

    private static String cut(String cell) {
        return cell.codePointCount(0, cell.length()) <= MAX_CELL
                ? cell
                : cell.substring(0, cell.offsetByCodePoints(0, MAX_CELL - 1)) + "…";
    }
}
