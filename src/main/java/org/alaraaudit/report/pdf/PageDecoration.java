package org.alaraaudit.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Running header and footer: institution and title above, disclaimer and "Page n of N" below. N is unknown
 * until the end, so a small template is placed on every page and filled in when the document closes.
 */
final class PageDecoration extends PdfPageEventHelper {
    private static final float SIZE = 7.5f;
    private final Typography type;
    private final String left;
    private final String right;
    private final String disclaimer;
    private PdfTemplate total;

    PageDecoration(Typography type, String institution, String title, String disclaimer) {
        this.type = type;
        this.left = type.clean(institution);
        this.right = type.clean(title);
        this.disclaimer = type.clean(disclaimer);
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(40, 12);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        float l = document.left();
        float r = document.right();
        int page = writer.getPageNumber();
        if (page > 1) {
            // The cover page carries the same facts in large type; a running header there would be noise.
            float y = document.top() + 22;
            text(cb, left, l, y, Element.ALIGN_LEFT);
            text(cb, right, r, y, Element.ALIGN_RIGHT);
            rule(cb, l, r, y - 5);
        }
        float y = document.bottom() - 24;
        rule(cb, l, r, y + 10);
        String label = "Page " + page + " of ";
        float w = type.regular.getWidthPoint(label, SIZE);
        float slot = type.regular.getWidthPoint("0000", SIZE);
        text(cb, label, r - slot - w, y, Element.ALIGN_LEFT);
        cb.addTemplate(total, r - slot, y);
        if (!disclaimer.isEmpty()) {
            ColumnText ct = new ColumnText(cb);
            ct.setSimpleColumn(new Phrase(disclaimer, type.small), l, y - 22, r - slot - w - 16, y + 8, 9, Element.ALIGN_LEFT);
            try {
                ct.go();
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        // The page counter is already one past the last page here (engineering notes §6).
        total.beginText();
        total.setFontAndSize(type.regular, SIZE);
        total.setColorFill(Typography.MUTED);
        total.setTextMatrix(0, 0);
        total.showText(String.valueOf(writer.getPageNumber() - 1));
        total.endText();
    }

    private void text(PdfContentByte cb, String s, float x, float y, int align) {
        cb.beginText();
        cb.setFontAndSize(type.regular, SIZE);
        cb.setColorFill(Typography.MUTED);
        cb.showTextAligned(align, s, x, y, 0);
        cb.endText();
    }

    private static void rule(PdfContentByte cb, float l, float r, float y) {
        cb.setColorStroke(Typography.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(l, y);
        cb.lineTo(r, y);
        cb.stroke();
    }
}
