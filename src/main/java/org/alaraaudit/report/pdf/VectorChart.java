package org.alaraaudit.report.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/**
 * Draws a JFreeChart into the PDF as vector graphics, text as outlines: sharp at any zoom, and no font to embed
 * (a mapped font would be non-embedded Helvetica and break PDF/A; engineering notes §6).
 */
public final class VectorChart {
    private VectorChart() {}

    static Image of(ReportContext ctx, JFreeChart chart, float width, float height) { return of(ctx.writer, chart, width, height); }

    public static Image of(PdfWriter writer, JFreeChart chart, float width, float height) {
        PdfTemplate tpl = writer.getDirectContent().createTemplate(width, height);
        Graphics2D g2 = tpl.createGraphicsShapes(width, height);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        try {
            Image img = Image.getInstance(tpl);
            img.setAlignment(Image.MIDDLE);
            return img;
        } catch (BadElementException e) {
            throw new IllegalStateException("chart: " + e.getMessage(), e);
        }
    }
}
