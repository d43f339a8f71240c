package org.alaraaudit.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.alaraaudit.audit.AuditResult;

/** What every section writer needs: the audit, the template, the open document and its typography. */
final class ReportContext {
    final AuditResult result;
    final ReportTemplate template;
    final String institution;
    final Document document;
    final PdfWriter writer;
    final Typography type;
    /** The rule set's titles and actions, from its DRL metadata. */
    final RuleTitles rules;

    ReportContext(AuditResult result, ReportTemplate template, String institution, Document document, PdfWriter writer,
                  Typography type) {
        this.result = result;
        this.template = template;
        this.institution = institution;
        this.document = document;
        this.writer = writer;
        this.type = type;
        this.rules = RuleTitles.of(result.rules());
    }

    /** Text for a reader: rule ids by their titles, no raw identifier (see {@link Text#plain}). */
    String plain(String text) { return Text.plain(text, rules); }

    boolean includes(ReportSection s) { return template.includes(s); }

    /** Whether pseudonymous patient references may appear: never in a template without patient-level sections. */
    boolean patientLevel() {
        for (ReportSection s : template.sections()) if (s.patientLevel()) return true;
        return false;
    }

    Phrase phrase(String text, Font font) { return type.phrase(text, font); }

    /** A section heading that starts a new page when too little room is left for it and a few lines of text. */
    void heading(String text) {
        keepRoom(140);
        Paragraph p = type.paragraph(plain(text), type.h1);
        p.setSpacingBefore(4);
        p.setSpacingAfter(8);
        add(p);
    }

    void subheading(String text) {
        keepRoom(90);
        Paragraph p = type.paragraph(plain(text), type.h2);
        p.setSpacingBefore(10);
        p.setSpacingAfter(4);
        add(p);
    }

    /** The leading of body text, in points. */
    static final float BODY_LEADING = 13;

    void paragraph(String text) {
        Paragraph p = type.paragraph(plain(text), type.body);
        p.setLeading(BODY_LEADING);
        p.setSpacingAfter(6);
        add(p);
    }

    /** Text with a bold lead-in: "Method. The median of ...". */
    void paragraph(String lead, String text) { add(leadParagraph(lead, text)); }

    Paragraph leadParagraph(String lead, String text) {
        // The paragraph's own font is used for its spacing: left default it would be non-embedded Helvetica.
        Paragraph p = new Paragraph(13, "", type.body);
        p.setSpacingAfter(6);
        p.add(type.phrase(lead + " ", type.bodyBold));
        p.add(type.phrase(plain(text), type.body));
        return p;
    }

    void note(String text) { add(noteParagraph(text)); }

    /** A note under a table or chart: small italic text. */
    Paragraph noteParagraph(String text) {
        Paragraph p = type.paragraph(plain(text), type.smallItalic);
        p.setLeading(10.5f);
        p.setSpacingBefore(3);
        p.setSpacingAfter(6);
        return p;
    }

    /** The height {@code e} takes at the page's full width, its spacing included, found by laying it out unseen. */
    float height(Element e) {
        float top = 20_000;
        com.lowagie.text.pdf.ColumnText column = new com.lowagie.text.pdf.ColumnText(null);
        column.setSimpleColumn(document.left(), 0, document.right(), top);
        column.addElement(e);
        try {
            column.go(true);
        } catch (DocumentException ex) {
            throw new IllegalStateException("the PDF could not measure an element: " + ex.getMessage(), ex);
        }
        return top - column.getYLine();
    }

    /** The room left on this page above the bottom margin, in points. */
    float roomLeft() { return writer.getVerticalPosition(false) - document.bottom(); }

    /**
     * A paragraph with Arabic or Hebrew in it, set inside a borderless full-width cell: OpenPDF lays out bidi text
     * and shapes Arabic letters only in cells and columns, never in a paragraph added to the page.
     */
    private static Element bidi(Paragraph p) {
        PdfPCell cell = new PdfPCell();
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        PdfPTable t = new PdfPTable(1);
        t.setWidthPercentage(100);
        t.setSpacingBefore(p.getSpacingBefore());
        t.setSpacingAfter(p.getSpacingAfter());
        p.setSpacingBefore(0);
        p.setSpacingAfter(0);
        cell.addElement(p);
        t.addCell(cell);
        return t;
    }

    /** Starts a new page unless {@code points} are left on this one (no orphaned headings); says whether it did. */
    boolean keepRoom(float points) {
        if (roomLeft() >= points) return false;
        document.newPage();
        return true;
    }

    void newPage() { document.newPage(); }

    void add(Element e) {
        try {
            document.add(e instanceof Paragraph p && Typography.rightToLeft(p.getContent()) ? bidi(p) : e);
        } catch (DocumentException ex) {
            throw new IllegalStateException("the PDF could not take an element: " + ex.getMessage(), ex);
        }
    }
}
