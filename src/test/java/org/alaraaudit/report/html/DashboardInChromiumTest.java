package org.alaraaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.alaraaudit.cli.Main;
import org.alaraaudit.report.Disclosure;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import picocli.CommandLine;

/**
 * The dashboards as a department head opens them: from the file system in Debian's Chromium (headless, driven by
 * chromium-driver through Selenium). Two sample months are audited into a fresh store with {@code --format html},
 * then the trend is made from it, both through the command line. Skipped where chromium or chromium-driver is not
 * installed (.ci/run installs them).
 */
class DashboardInChromiumTest {
    private static final Path CHROMIUM = firstExisting("/usr/bin/chromium", "/usr/lib/chromium/chromium");
    private static final Path DRIVER = firstExisting("/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver");

    @TempDir
    static Path dir;
    static Path auditPage;
    static Path trendPage;
    static JsonNode findingsJson;
    static WebDriver browser;

    @BeforeAll
    static void auditTheSampleMonthsAndOpenABrowser() throws Exception {
        Assumptions.assumeTrue(CHROMIUM != null && DRIVER != null, "chromium and chromium-driver are not installed");
        String store = "jdbc:h2:file:" + dir.resolve("store").resolve("history");
        Path out = dir.resolve("reports");
        run("audit", "sample-data/scan-log-2026-09.csv", "--period", "2026-09", "--format", "json", "--history", store,
                "--out", dir.resolve("september").toString(), "--no-progress");
        run("audit", "sample-data/scan-log-2026-09.csv", "sample-data/scan-log-2026-10.csv", "--period", "2026-10",
                "--format", "html,json", "--history", store, "--out", out.toString(), "--no-progress");
        run("trend", "--history", store, "--out", out.toString());
        auditPage = out.resolve("audit-2026-10.html");
        trendPage = out.resolve("trend-2026-09_2026-10.html");
        findingsJson = new ObjectMapper().readTree(out.resolve("findings.json").toFile());

        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1400,1000");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        // The driver named outright: Selenium Manager would otherwise look for one on the network.
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) browser.quit();
    }

    private static void run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        assertEquals(0, code, String.join(" ", args) + ": " + err);
    }

    private static Path firstExisting(String... paths) {
        for (String p : paths) if (Files.isExecutable(Path.of(p))) return Path.of(p);
        return null;
    }

    /** Opens a page and waits until its script has drawn the given element. */
    private static void open(Path page, String readyElement) {
        browser.get(page.toUri().toString());
        new WebDriverWait(browser, Duration.ofSeconds(30)).until(d -> !d.findElements(By.id(readyElement)).isEmpty());
    }

    private static JsonNode readJson(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Object js(String script, Object... args) { return ((JavascriptExecutor) browser).executeScript(script, args); }

    private static List<String> consoleErrors() {
        return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue()).map(LogEntry::toString).toList();
    }

    /** How many series the chart in this element draws, and whether it drew them as SVG. */
    private static long series(String chartId) {
        assertTrue(!browser.findElements(By.cssSelector("#" + chartId + " svg")).isEmpty(), chartId + " drawn as SVG");
        return (Long) js("return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption().series.length;", chartId);
    }

    private static int findingsShown() {
        return Integer.parseInt(browser.findElement(By.id("findings-count")).getAttribute("data-count"));
    }

    @Test
    void theSampleMonthsAuditPageDrawsItsChartsWithoutAConsoleError() {
        open(auditPage, "findings-count");
        assertEquals(List.of(), consoleErrors());
        assertEquals(4, series("chart-findings"), "one stacked series per severity");
        assertEquals(1, series("chart-drl"));
        assertEquals(1, series("chart-protocols"));
        assertEquals(1L, js("return echarts.getInstanceByDom(document.getElementById('chart-drl')).getOption().series[0].markLine.data.length;"),
                "the DRL line");
        assertEquals(findingsJson.get("findings").size(), findingsShown(), "every finding of the month, unfiltered");
        assertTrue(browser.findElements(By.cssSelector("#cumulative-dose table tbody tr")).size() > 0, "cumulative-dose list by pseudonym");
    }

    @Test
    void agesAreCutNotRoundedAndWholeUnitsAreKept() {
        open(auditPage, "findings-count");
        java.util.Map<String, com.fasterxml.jackson.databind.JsonNode> byAccessionAndRule = new java.util.HashMap<>();
        for (com.fasterxml.jackson.databind.JsonNode f : findingsJson.get("findings")) {
            byAccessionAndRule.put(f.path("accession_number").asText() + " " + f.path("quantity").asText(), f);
        }
        int cutDiffersFromRounded = 0;
        int wholeUnits = 0;
        for (WebElement row : browser.findElements(By.cssSelector("#findings-table tbody tr.finding"))) {
            String text = row.getText();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\b[A-Z]{3,5}\\d{8}\\b").matcher(text);
            if (!m.find()) continue;
            String accession = m.group();
            com.fasterxml.jackson.databind.JsonNode age = byAccessionAndRule.get(accession + " age");
            if (age != null && text.contains(" years / 18 years")) {
                // cut to one decimal, as the message gives it: 13.97 y is 13.9, never 14.0 (nor 18 for 17.97)
                double v = age.get("measured_value").asDouble();
                String cut = String.format(java.util.Locale.ROOT, "%.1f", Math.floor(v * 10 + 1e-9) / 10);
                assertTrue(text.contains(cut + " years / 18 years (local-policy)"), cut + " years for " + v + ", with the limit's status: " + text);
                if (!cut.equals(String.format(java.util.Locale.ROOT, "%.1f", v))) cutDiffersFromRounded++;
            }
            com.fasterxml.jackson.databind.JsonNode alert = byAccessionAndRule.get(accession + " accumulated CTDIvol");
            if (alert != null && text.contains(" mGy / 1,000 mGy")) {
                long whole = Math.round(alert.get("measured_value").asDouble());
                assertTrue(text.contains(String.format(java.util.Locale.US, "%,d mGy / 1,000 mGy (secondary)", whole)), whole + ": " + text);
                if (whole % 10 != 0) wholeUnits++;
            }
        }
        assertTrue(cutDiffersFromRounded > 0, "a shown age that rounds otherwise than it cuts");
        assertTrue(wholeUnits > 0, "a shown accumulated CTDIvol that is not a multiple of ten");
    }

    @Test
    void choosingAFacilityLeavesOnlyItsFindingsInTheTable() {
        open(auditPage, "findings-count");
        int all = findingsShown();
        String facility = "St Elsewhere Children's";
        long expected = 0;
        for (JsonNode f : findingsJson.get("findings")) if (facility.equals(f.path("facility").asText())) expected++;
        new Select(browser.findElement(By.id("filter-facility"))).selectByValue(facility);
        assertNotEquals(all, findingsShown());
        assertEquals(expected, findingsShown());
        for (WebElement row : browser.findElements(By.cssSelector("#findings-table tbody tr.finding"))) {
            assertTrue(row.findElements(By.tagName("td")).get(2).getText().startsWith(facility), row.getText());
        }
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void aFacilityIsChosenFromTheKeyboardAndTheSeverityFilterNarrowsFurther() {
        open(auditPage, "findings-count");
        int all = findingsShown();
        WebElement button = browser.findElement(By.xpath("//table[@id='headline-table']//button[text()='County General']"));
        button.sendKeys(Keys.ENTER);
        int county = findingsShown();
        assertTrue(county < all, county + " of " + all);
        new Select(browser.findElement(By.id("filter-severity"))).selectByValue("MAJOR");
        assertTrue(findingsShown() < county);
        long major = 0;
        for (JsonNode f : findingsJson.get("findings")) {
            if ("County General".equals(f.path("facility").asText()) && "MAJOR".equals(f.path("severity").asText())) major++;
        }
        assertEquals(major, findingsShown());
    }

    @Test
    void theQuantityToggleRedrawsTheProtocolDistributionsInDlp() {
        open(auditPage, "findings-count");
        browser.findElement(By.cssSelector("label[for='quantity-DLP']")).click();
        assertEquals("DLP", js("return echarts.getInstanceByDom(document.getElementById('chart-protocols')).getOption().series[0].name;"));
        browser.findElement(By.cssSelector("label[for='quantity-SSDE']")).click();
        assertEquals(0L, series("chart-drl"), "no DRL exists for SSDE");
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void theTrendPageDrawsOneLinePerFacilityAndTheDrlLine() {
        open(trendPage, "steps-count");
        assertEquals(List.of(), consoleErrors());
        // The DRLs the medians are judged against are named on the page, with their status, as in the PDF.
        String page = browser.findElement(By.tagName("body")).getText();
        assertTrue(page.contains("DRL: Kanal KM") && page.contains("(from a secondary source)"), page.substring(0, Math.min(600, page.length())));
        assertEquals(2, series("chart-months"), "County General and St Elsewhere Children's");
        assertTrue(series("chart-drl") > 0);
        // The first line drawn is the series furthest above its DRL on a sufficient sample, as in the trend PDF.
        JsonNode data = readJson((String) js("return document.getElementById('dashboard-data').textContent;"));
        String worst = null;
        double most = 1;
        for (JsonNode m : data.path("medians")) {
            if (m.path("quantity").asText().equals("CTDIvol") && m.path("sufficient").asBoolean() && m.path("ratio").asDouble() > most) {
                most = m.path("ratio").asDouble();
                worst = m.path("group").asText() + " \u00b7 " + m.path("series").asText();
            }
        }
        assertNotNull(worst, "the sample months have a CTDIvol median above its DRL");
        assertEquals(worst, js("return echarts.getInstanceByDom(document.getElementById('chart-drl')).getOption().series[0].name;"));
        new Select(browser.findElement(By.id("filter-group"))).selectByValue("County General");
        assertEquals(1, series("chart-months"));
        assertEquals(List.of(), consoleErrors());
    }

    /** The month chart's value axis as drawn: its lowest and highest value. */
    @SuppressWarnings("unchecked")
    private static List<Number> monthAxis() {
        return (List<Number>) js("return echarts.getInstanceByDom(document.getElementById('chart-months')).getModel()"
                + ".getComponent('yAxis', 0).axis.scale.getExtent();");
    }

    /** A percentage from 0 and compliance up to 100 %: cut to the months' values, a point or two drew as a collapse. */
    @Test
    void theTrendPagesPercentagesAreDrawnFromZeroAndComplianceUpToAHundredPercent() {
        open(trendPage, "steps-count");
        List<Number> compliance = monthAxis();
        assertEquals(List.of(0.0, 1.0), List.of(compliance.get(0).doubleValue(), compliance.get(1).doubleValue()), "compliance");
        new Select(browser.findElement(By.id("filter-metric"))).selectByValue("repeatRate");
        List<Number> repeat = monthAxis();
        assertEquals(0.0, repeat.get(0).doubleValue(), "repeat rate");
        assertTrue(repeat.get(1).doubleValue() < 0.5, "repeat rate up to a little above its months: " + repeat);
        assertEquals(List.of(), consoleErrors());
    }

    @Test
    void aScriptInAProtocolNameShowsAsTextAndNeverRuns(@TempDir Path own) throws Exception {
        Path page = own.resolve("audit-hostile.html");
        AuditDashboard.write(DashboardPageTest.hostileMonth(own), Disclosure.PATIENT_LEVEL, null, page);
        open(page, "findings-count");
        assertEquals(true, js("return window.__injected === undefined;"), "the injected script did not run");
        String table = browser.findElement(By.id("findings-table")).getText();
        assertTrue(table.contains("<script>window.__injected=1</script>"), table);
        assertTrue(browser.findElement(By.id("headline-table")).getText().contains("General</script><!--<b>"));
        assertEquals(List.of(), consoleErrors());
    }
}
