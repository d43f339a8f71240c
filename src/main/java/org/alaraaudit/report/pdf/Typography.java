package org.alaraaudit.report.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;

/**
 * The report's type: Liberation Sans sizes and colours, with {@link ScriptFonts} behind every text so a name in
 * any script is printed as written.
 */
final class Typography {
    static final Color INK = new Color(0x22, 0x22, 0x22);
    static final Color MUTED = new Color(0x66, 0x66, 0x66);
    static final Color RULE = new Color(0xC8, 0xCC, 0xD2);

    final BaseFont regular;
    final BaseFont bold;
    final BaseFont italic;
    private final ScriptFonts scripts;
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
        scripts = new ScriptFonts();
        regular = scripts.regular;
        bold = scripts.bold;
        italic = ScriptFonts.load("liberation/LiberationSans-Italic.ttf");
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

    /** The fallbacks and replacements behind every text of the report. */
    String clean(String s) { return scripts.clean(s); }

    Phrase phrase(String text, Font font) { return scripts.phrase(text, font); }

    Paragraph paragraph(String text, Font font) { return scripts.paragraph(text, font); }

    static boolean rightToLeft(String s) { return ScriptFonts.rightToLeft(s); }

    static int runDirection(String s) { return ScriptFonts.runDirection(s); }
}
