package org.alaraaudit.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.IOException;
import java.nio.file.Path;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.ReportFile;

/**
 * The compliance report as PDF/A-1b: what an accreditation reviewer reads and what is filed with the radiation
 * safety committee's minutes. The template decides the look and which sections appear; every number comes
 * from the {@link AuditResult}, the same one findings.json is written from.
 */
public final class PdfReport {
    private PdfReport() {}

    /**
     * @param institutionOverride the institution given on the command line; blank or null keeps the run's or
     *                            the template's
     */
    public static void write(AuditResult result, ReportTemplate template, String institutionOverride, Path target)
            throws IOException {
        String institution = institution(result, template, institutionOverride);
        ReportFile.write(target, out -> {
            Document doc = new Document(PageSize.A4, 54, 54, 64, 70);
            try {
                PdfWriter writer = PdfWriter.getInstance(doc, out);
                writer.setPDFXConformance(PdfWriter.PDFA1B);
                Typography type = new Typography(template.primary());
                writer.setPageEvent(new PageDecoration(type, institution, template.title() + " - " + Text.period(result.run().period()),
                        template.footerDisclaimer()));
                doc.addTitle(template.title() + " " + Text.period(result.run().period()));
                doc.addAuthor(institution.isEmpty() ? "alara-audit" : institution);
                doc.addSubject("Pediatric CT dose compliance audit, " + Text.period(result.run().period())
                        + "; rule set " + result.run().ruleSetDigest());
                doc.addKeywords("ALARA, pediatric CT, diagnostic reference levels, radiation dose audit");
                doc.addCreator("alara-audit " + result.run().toolVersion());
                doc.open();
                writer.setOutputIntents("Custom", "", "http://www.color.org", "sRGB IEC61966-2.1",
                        ICC_Profile.getInstance(ColorSpace.CS_sRGB));
                writer.createXmpMetadata();
                ReportContext ctx = new ReportContext(result, template, institution, doc, writer, type);
                sections(ctx);
                doc.close();
            } catch (DocumentException e) {
                throw new IOException("the PDF report could not be written: " + e.getMessage(), e);
            }
        });
    }

    static String institution(AuditResult result, ReportTemplate template, String override) {
        if (override != null && !override.isBlank()) return override.trim();
        String run = result.run().institution();
        if (run != null && !run.isBlank()) return run.trim();
        String t = template.institution();
        if (t != null && !t.isBlank()) return t;
        // Never blank on a page a reviewer reads: the facilities the data came from, as the cover says.
        var facilities = result.figures().studiesByFacility().keySet();
        return facilities.isEmpty() ? "Institution not given (--institution)" : String.join("; ", facilities);
    }

    private static void sections(ReportContext ctx) {
        boolean first = true;
        boolean landscape = false;
        for (ReportSection s : ReportSection.values()) {
            if (!ctx.includes(s)) continue;
            // Finding lists have eight columns of text: on a portrait page the cells wrap into towers.
            boolean wide = s == ReportSection.INCIDENTS || s == ReportSection.OTHER_FINDINGS || s == ReportSection.REPEAT_SCANS
                    || s == ReportSection.CUMULATIVE_DOSE;
            if (wide != landscape) {
                ctx.document.setPageSize(wide ? PageSize.A4.rotate() : PageSize.A4);
                landscape = wide;
                if (!first) ctx.newPage();
            } else if (!first && (s == ReportSection.SUMMARY || s == ReportSection.CHARTS || s == ReportSection.SIGN_OFF
                    || s == ReportSection.METHODOLOGY)) {
                // The summary, the charts, the methodology and the sign-off start on pages of their own.
                ctx.newPage();
            }
            first = false;
            switch (s) {
                case COVER -> CoverPage.write(ctx);
                case SUMMARY -> ExecutiveSummary.write(ctx);
                case CHARTS -> ChartsSection.write(ctx);
                case DRL -> DrlSection.write(ctx);
                case INCIDENTS -> IncidentsSection.write(ctx);
                case OTHER_FINDINGS -> OtherFindingsSection.write(ctx);
                case REPEAT_SCANS -> RepeatScansSection.write(ctx);
                case CUMULATIVE_DOSE -> CumulativeDoseSection.write(ctx);
                case XRAY -> ProjectionSection.write(ctx);
                case DATA_QUALITY -> DataQualitySection.write(ctx);
                case METHODOLOGY -> MethodologySection.write(ctx);
                case SIGN_OFF -> SignOffSection.write(ctx);
            }
        }
    }
}
