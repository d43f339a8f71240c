package org.alaraaudit.report.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.junit.jupiter.api.Test;

/**
 * A table that runs over a page, as a reviewer meets it on the next: under its column headers again. Rows of doses
 * and references without them ("3000 mGy [18]": measured or reference?) are read by guessing.
 */
class ContinuedTablesTest {
    /** The size of a table's text, its header and rows alike (Typography.table and tableHeader). */
    private static final float TABLE_SIZE = 7.5f;

    /** A line of a page as it reads, with what its type says: a table's text, and a table header's (all bold). */
    private record Line(String text, boolean table, boolean header) {}

    @Test
    void everyPageThatContinuesATableStartsWithThatTablesHeader() throws IOException {
        List<String> missing = new ArrayList<>();
        List<String> continued = new ArrayList<>();
        try (PDDocument d = Loader.loadPDF(SampleMonthPdf.file().toFile())) {
            String lastHeader = null;
            List<Line> previous = List.of();
            for (int p = 1; p <= d.getNumberOfPages(); p++) {
                List<Line> page = lines(d, p);
                // A table ran over the previous page's foot when that page ends, and this one begins, in table text.
                boolean continues = !page.isEmpty() && page.get(0).table() && !previous.isEmpty() && previous.get(previous.size() - 1).table();
                if (continues && lastHeader != null) {
                    String top = header(page, 0);
                    if (top.equals(lastHeader)) continued.add("page " + p + ": " + lastHeader);
                    else missing.add("page " + p + " continues \"" + lastHeader + "\" but starts: " + page.get(0).text());
                }
                for (int i = 0; i < page.size(); i++) {
                    if (page.get(i).header() && (i == 0 || !page.get(i - 1).header())) lastHeader = header(page, i);
                }
                previous = page;
            }
        }
        assertEquals(List.of(), missing);
        // The sample month's findings of one rule run over pages: without such pages this test would check nothing.
        assertTrue(continued.stream().anyMatch(c -> c.contains("Severity Accession Date Age")), String.join("\n", continued));
        assertTrue(continued.size() >= 5, String.join("\n", continued));
    }

    /** The header starting at line {@code from}: its lines (a header cell may wrap) run together. */
    private static String header(List<Line> page, int from) {
        StringBuilder sb = new StringBuilder();
        for (int i = from; i < page.size() && page.get(i).header(); i++) sb.append(sb.isEmpty() ? "" : " ").append(page.get(i).text());
        return sb.toString();
    }

    /** A page's lines top to bottom, without the running header and footer. */
    private static List<Line> lines(PDDocument d, int page) throws IOException {
        List<Line> lines = new ArrayList<>();
        PDFTextStripper s = new PDFTextStripper() {
            private final StringBuilder text = new StringBuilder();
            private final List<TextPosition> glyphs = new ArrayList<>();

            @Override
            protected void writeString(String word, List<TextPosition> positions) {
                text.append(word);
                glyphs.addAll(positions);
            }

            @Override
            protected void writeWordSeparator() { text.append(' '); }

            @Override
            protected void writeLineSeparator() { endLine(); }

            @Override
            protected void writePageEnd() { endLine(); }

            private void endLine() {
                String t = text.toString().strip();
                if (!t.isEmpty() && !glyphs.isEmpty()) {
                    boolean table = glyphs.stream().allMatch(g -> Math.abs(g.getFontSize() - TABLE_SIZE) < 0.01f
                            && !g.getFont().getName().contains("Italic"));
                    boolean bold = glyphs.stream().allMatch(g -> g.getFont().getName().contains("Bold"));
                    lines.add(new Line(t, table, table && bold));
                }
                text.setLength(0);
                glyphs.clear();
            }
        };
        s.setSortByPosition(true);
        s.setStartPage(page);
        s.setEndPage(page);
        s.getText(d);
        return lines.stream()
                .filter(l -> !l.text().contains("Pediatric Dose Compliance Report - ") && !l.text().startsWith("Quality-improvement audit")
                        && !l.text().startsWith("Patients appear by pseudonym") && !l.text().matches(".*Page \\d+ of \\d+"))
                .toList();
    }
}
