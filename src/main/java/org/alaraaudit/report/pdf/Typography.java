package org.alaraaudit.report.pdf;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The report's fonts: Liberation Sans from openpdf-fonts-extra (SIL OFL), embedded and subset so the PDF reads
 * the same everywhere and can be PDF/A. Liberation lacks some symbols (check marks, arrows) and OpenPDF drops a
 * missing glyph silently, so every text passes through {@link #clean} first.
 */
final class Typography {
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color RULE = new Color(0xC8, 0xCC, 0xD2);

    final BaseFont regular;
    final BaseFont bold;
    final BaseFont italic;
    final Font title;
    final Font subtitle;
    final Font h1;
    final Font h2;
    final Font body;
    final Font bodyBold;
    final Font small;
    final Font smallItalic;
    final Font tableHeader;
    final Font table;
    final Font tableBold;
    final Font figure;
    final Font figureLabel;

    Typography(Color primary) {
        regular = load("liberation/LiberationSans-Regular.ttf");
        bold = load("liberation/LiberationSans-Bold.ttf");
        italic = load("liberation/LiberationSans-Italic.ttf");
        title = new Font(bold, 24, Font.NORMAL, primary);
        subtitle = new Font(regular, 13, Font.NORMAL, MUTED);
        h1 = new Font(bold, 15, Font.NORMAL, primary);
        h2 = new Font(bold, 10.5f, Font.NORMAL, INK);
        body = new Font(regular, 9.5f, Font.NORMAL, INK);
        bodyBold = new Font(bold, 9.5f, Font.NORMAL, INK);
        small = new Font(regular, 7.5f, Font.NORMAL, MUTED);
        smallItalic = new Font(italic, 8, Font.NORMAL, MUTED);
        tableHeader = new Font(bold, 7.5f, Font.NORMAL, Color.WHITE);
        table = new Font(regular, 7.5f, Font.NORMAL, INK);
        tableBold = new Font(bold, 7.5f, Font.NORMAL, INK);
        figure = new Font(bold, 20, Font.NORMAL, primary);
        figureLabel = new Font(regular, 8, Font.NORMAL, MUTED);
    }

    private static BaseFont load(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException e) {
            throw new IllegalStateException("font " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("font " + resource + " is not on the classpath (openpdf-fonts-extra)", e);
        }
    }

    /** Replaces what the font cannot draw with ASCII look-alikes or '?', never an invisible gap. */
    String clean(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            String r = regular.charExists(c) || c == '\n' ? null : substitute(c);
            if (r != null && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (out != null) {
                if (r != null) out.append(r);
                else out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    private static String substitute(int c) {
        return switch (c) {
            case 0x2265 -> ">=";
            case 0x2264 -> "<=";
            case 0x2192 -> "->";
            case 0x2212, 0x2013 -> "-";
            case 0x2713, 0x2714 -> "yes";
            case 0x2717, 0x2718 -> "no";
            case '\t' -> " ";
            default -> "?";
        };
    }
}
