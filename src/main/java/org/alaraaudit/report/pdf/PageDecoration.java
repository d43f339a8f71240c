package org.alaraaudit.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Running header and footer: institution and title above, disclaimer and "Page n of N" below. N is unknown
 * until the end, so a small template is placed on every page and filled in when the document closes. The audit
 * report and the trend report both wear it: a page that comes loose from either says what it is part of.
 */
public final class PageDecoration extends PdfPageEventHelper {
    private static final float SIZE = 7.5f;
    private final Typography type;
    private final String left;
    private final String right;
    private final String disclaimer;
    private PdfTemplate total;

    public PageDecoration(Typography type, String institution, String title, String disclaimer) {
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
            // Ten facilities' names would run into the title: the cover lists them all, the header as many as fit.
            text(cb, fitted(left, r - l - type.regular.getWidthPoint(right, SIZE) - 18), l, y, Element.ALIGN_LEFT);
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
            ct.setSimpleColumn(type.phrase(disclaimer, type.small), l, y - 22, r - slot - w - 16, y + 8, 9, Element.ALIGN_LEFT);
            ct.setRunDirection(Typography.runDirection(disclaimer));
            try {
                ct.go();
            } catch (com.lowagie.text.DocumentException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /**
     * {@code text} as it fits in {@code width} points: whole, or its first facilities (names are joined by "; ")
     * with "and more" after them, never half a name; a single name too long is cut at a word.
     */
    private String fitted(String text, float width) {
        if (type.regular.getWidthPoint(text, SIZE) <= width) return text;
        String separator = text.contains("; ") ? "; " : " ";
        StringBuilder fits = new StringBuilder();
        for (String part : text.split(java.util.regex.Pattern.quote(separator))) {
            String next = fits.length() == 0 ? part : fits + separator + part;
            if (type.regular.getWidthPoint(next + " and more", SIZE) > width) break;
            fits.setLength(0);
            fits.append(next);
        }
        if (fits.length() == 0 && !separator.equals(" ")) return fitted(text.split("; ")[0], width);
        // One long name cut at a word ends in an ellipsis: "and more" would say other facilities were left out.
        if (separator.equals(" ")) return fits.length() == 0 ? "" : fits + "...";
        return fits.length() == 0 ? "" : fits + " and more";
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
        // Through ColumnText: the institution may need a fallback font, or bidi layout for Arabic and Hebrew.
        Font font = new Font(type.regular, SIZE, Font.NORMAL, Typography.MUTED);
        ColumnText.showTextAligned(cb, align, type.phrase(s, font), x, y, 0, Typography.runDirection(s), 0);
    }

    private static void rule(PdfContentByte cb, float l, float r, float y) {
        cb.setColorStroke(Typography.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(l, y);
        cb.lineTo(r, y);
        cb.stroke();
    }
}
