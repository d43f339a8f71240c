package org.alaraaudit.report.pdf;

import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import java.awt.Color;
import org.alaraaudit.report.Palette;

/**
 * The reports' type, the audit PDF's and the trend PDF's: Liberation Sans sizes and colours, with {@link
 * ScriptFonts} behind every text so a name in any script is printed as written.
 */
public final class Typography {
    public static final Color INK = Palette.awt(Palette.INK);
    public static final Color MUTED = Palette.awt(Palette.MUTED);
    public static final Color RULE = Palette.awt(Palette.RULE);

    public final BaseFont regular;
    public final BaseFont bold;
    public final BaseFont italic;
    private final ScriptFonts scripts;
    public final Font title;
    public final Font subtitle;
    public final Font h1;
    public final Font h2;
    public final Font body;
    public final Font bodyBold;
    public final Font small;
    public final Font smallItalic;
    public final Font tableHeader;
    public final Font table;
    public final Font tableBold;
    public final Font figure;
    public final Font figureLabel;

    public Typography(Color primary) {
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
    public String clean(String s) { return scripts.clean(s); }

    public Phrase phrase(String text, Font font) { return scripts.phrase(text, font); }

    public Paragraph paragraph(String text, Font font) { return scripts.paragraph(text, font); }

    public static boolean rightToLeft(String s) { return ScriptFonts.rightToLeft(s); }

    public static int runDirection(String s) { return ScriptFonts.runDirection(s); }
}
