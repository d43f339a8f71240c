package org.alaraaudit.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import com.lowagie.text.pdf.PdfWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.alaraaudit.rules.Messages;

/**
 * Text in any script with fonts from inside the jar: Liberation Sans (openpdf-fonts-extra, SIL OFL) first, then
 * DejaVu Sans (Arabic, Hebrew, symbols) and a CJK subset of Droid Sans Fallback (fonts/README.md), all embedded
 * and subset so the PDF stays PDF/A. A facility or institution may be named in any script, and OpenPDF drops a
 * glyph no font has silently, so every text passes through {@link #clean} first: what no font draws (emoji:
 * OpenPDF reads no glyph beyond the BMP) becomes a visible {@code [U+XXXX]}. Used by the audit and trend PDFs.
 */
public final class ScriptFonts {
    public final BaseFont regular;
    public final BaseFont bold;
    /**
     * Fallbacks in the order they are tried, regular and bold; read when a text first needs one. Most reports are
     * Latin throughout, and parsing three more fonts was a tenth of a cold report's time.
     */
    private List<BaseFont> fallbacks;
    private List<BaseFont> boldFallbacks;

    public ScriptFonts() {
        regular = load("liberation/LiberationSans-Regular.ttf");
        bold = load("liberation/LiberationSans-Bold.ttf");
    }

    private synchronized List<BaseFont> fallbacks(boolean forBold) {
        if (fallbacks == null) {
            BaseFont cjk = load("fonts/DroidSansFallback-CJK.ttf");
            fallbacks = List.of(load(DEJAVU + "DejaVuSans.ttf"), cjk);
            boldFallbacks = List.of(load(DEJAVU + "DejaVuSans-Bold.ttf"), cjk);
        }
        return forBold ? boldFallbacks : fallbacks;
    }

    private static final String DEJAVU = "net/sf/jasperreports/fonts/dejavu/";

    public static BaseFont load(String resource) {
        try {
            return BaseFont.createFont(resource, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
        } catch (DocumentException e) {
            throw new IllegalStateException("font " + resource + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("font " + resource + " is not on the classpath", e);
        }
    }

    /**
     * Replaces what no font can draw with ASCII look-alikes (">=" for a sign Liberation lacks) or a visible
     * {@code [U+1F3E5]}, never an invisible gap; invisible joiners and variation selectors are dropped.
     */
    public String clean(String s) {
        if (s == null) return "";
        StringBuilder out = null;
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            int n = Character.charCount(c);
            String r = c == '\n' || regular.charExists(c) ? null : replacement(c);
            if (r != null && out == null) out = new StringBuilder(s.length()).append(s, 0, i);
            if (out != null) {
                if (r != null) out.append(r);
                else out.appendCodePoint(c);
            }
            i += n;
        }
        return out == null ? s : out.toString();
    }

    /** What to print for a character Liberation lacks; null when a fallback font draws it. */
    private String replacement(int c) {
        String ascii = switch (c) {
            case 0x2265 -> ">=";
            case 0x2264 -> "<=";
            case 0x2192 -> "->";
            case 0x2212, 0x2013 -> "-";
            case 0x2713, 0x2714 -> "yes";
            case 0x2717, 0x2718 -> "no";
            case '\t' -> " ";
            // Zero-width joiner and variation selectors shape emoji; alone they are nothing to see.
            case 0x200D, 0xFE0E, 0xFE0F -> "";
            default -> null;
        };
        if (ascii != null) return ascii;
        if (fallbackDraws(c)) return null;
        return Messages.format("[U+%04X]", c);
    }

    private boolean fallbackDraws(int c) {
        for (BaseFont f : fallbacks(false)) if (f.charExists(c)) return true;
        return false;
    }

    /** Text that needs a fallback font or right-to-left layout, so the fast single-font path does not fit. */
    private boolean needsFallback(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            if (c != '\n' && !regular.charExists(c)) return true;
            i += Character.charCount(c);
        }
        return false;
    }

    /** True when the text holds Arabic, Hebrew or other right-to-left letters, which need bidi layout. */
    public static boolean rightToLeft(String s) {
        for (int i = 0; i < s.length(); ) {
            int c = s.codePointAt(i);
            byte d = Character.getDirectionality(c);
            if (d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC) return true;
            i += Character.charCount(c);
        }
        return false;
    }

    /** The run direction OpenPDF needs for this text: bidi with Arabic shaping only where it holds RTL letters. */
    public static int runDirection(String s) { return rightToLeft(s) ? PdfWriter.RUN_DIRECTION_LTR : PdfWriter.RUN_DIRECTION_NO_BIDI; }

    /** The text in this font, each character Liberation lacks set in the first fallback that has it. */
    public Phrase phrase(String text, Font font) {
        String s = clean(text);
        if (!needsFallback(s)) return new Phrase(s, font);
        Phrase p = new Phrase("", font);
        for (Element e : selector(font).process(s)) p.add(e);
        return p;
    }

    /** As {@link #phrase}, as a paragraph whose leading and spacing come from {@code font} as before. */
    public Paragraph paragraph(String text, Font font) {
        String s = clean(text);
        if (!needsFallback(s)) return new Paragraph(s, font);
        Paragraph p = new Paragraph("", font);
        for (Element e : selector(font).process(s)) p.add((Chunk) e);
        return p;
    }

    private FontSelector selector(Font font) {
        FontSelector sel = new FontSelector();
        sel.addFont(font);
        boolean isBold = font.getBaseFont() == bold;
        for (BaseFont f : fallbacks(isBold)) sel.addFont(new Font(f, font.getSize(), font.getStyle(), font.getColor()));
        return sel;
    }
}
