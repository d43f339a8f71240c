package org.alaraaudit.report.html;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import org.alaraaudit.report.ReportFile;

/**
 * One self-contained dashboard page: styles, the charting library, the page's script and its data inline, so it
 * opens from the file system, as an e-mail attachment or on a PC without network. The Content-Security-Policy
 * forbids every fetch and lets only the page's own scripts run (by hash): even text that slipped past escaping
 * could not load or run anything.
 */
final class DashboardPage {
    static final String DATA_ELEMENT = "dashboard-data";
    private static final String CSS = resource("dashboard.css");
    private static final String SCRIPT = resource("dashboard.js");

    /** What the page says before its script runs, and what a reader without JavaScript still sees. */
    record Heading(String kind, String title, List<String> lines) {}

    private DashboardPage() {}

    static void write(Path target, Heading heading, Object data) throws IOException {
        String library = ChartLibrary.script();
        String json = InlineJson.of(data);
        ReportFile.write(target, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
            w.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
            w.write("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
                    + "img-src data:; script-src " + hash(library) + " " + hash(SCRIPT) + "\">\n");
            w.write("<title>" + Html.text(heading.title()) + "</title>\n");
            w.write("<style>\n" + CSS + "</style>\n</head>\n");
            w.write("<body class=\"page-" + Html.text(heading.kind()) + "\">\n");
            w.write("<a class=\"skip\" href=\"#main\">Skip to the content</a>\n");
            w.write("<header class=\"page-header\">\n<h1>" + Html.text(heading.title()) + "</h1>\n");
            for (String line : heading.lines()) w.write("<p>" + Html.text(line) + "</p>\n");
            w.write("</header>\n<main id=\"main\" tabindex=\"-1\">\n<noscript><p class=\"note\">This page draws its figures, charts "
                    + "and tables with JavaScript, which is turned off in this browser. The same figures are in the PDF and the "
                    + "workbook.</p></noscript>\n</main>\n");
            w.write("<footer class=\"page-footer\">\n<p>Made by alara-audit; self-contained: it loads nothing from the network.</p>\n<p>"
                    + Html.text(ChartLibrary.NOTICE) + "</p>\n</footer>\n");
            w.write("<script type=\"application/json\" id=\"" + DATA_ELEMENT + "\">" + json + "</script>\n");
            w.write("<script>" + library + "</script>\n");
            w.write("<script>" + SCRIPT + "</script>\n</body>\n</html>\n");
            w.flush();
        });
    }

    /** A CSP source for an inline script: the SHA-256 of exactly the text between its tags. */
    private static String hash(String script) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(script.getBytes(StandardCharsets.UTF_8));
            return "'sha256-" + Base64.getEncoder().encodeToString(d) + "'";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = DashboardPage.class.getResourceAsStream(name)) {
            if (in == null) throw new IllegalStateException("the dashboard's " + name + " is missing from the jar");
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.toLowerCase(java.util.Locale.ROOT).contains("</script") || text.toLowerCase(java.util.Locale.ROOT).contains("</style")) {
                throw new IllegalStateException("the dashboard's " + name + " would end its element early");
            }
            return text;
        } catch (IOException e) {
            throw new IllegalStateException("the dashboard's " + name + " cannot be read from the jar: " + e.getMessage(), e);
        }
    }
}
