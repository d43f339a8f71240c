package org.alaraaudit.report.html;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.alaraaudit.AuditFixture;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.report.Disclosure;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The page as a file: what stands in it, read without a browser. */
class DashboardPageTest {
    /** Text a scan log may hold that would end the data's script element, open a comment or end a JavaScript line. */
    static final String SCRIPT_PROTOCOL = "ADULT <script>window.__injected=1</script><img src=x onerror=\"window.__injected=2\">";
    static final String HOSTILE_FACILITY = "General</script><!--<b>\u2028x";

    @TempDir
    Path dir;

    static AuditResult hostileMonth(Path dir) {
        return new AuditFixture()
                .row("facility", HOSTILE_FACILITY, "protocol_name", SCRIPT_PROTOCOL, "accession_number", "A1", "patient_id", "P1")
                .row("facility", "Other & Sons", "protocol_name", "PED CHEST 5-10Y", "accession_number", "A2", "patient_id", "P2")
                .audit(dir);
    }

    private static String data(String html) {
        Matcher m = Pattern.compile("<script type=\"application/json\" id=\"dashboard-data\">(.*?)</script>", Pattern.DOTALL).matcher(html);
        assertTrue(m.find(), "the page has its data element");
        return m.group(1);
    }

    @Test
    void inputTextThatWouldEndTheScriptElementStaysInsideTheDataAndReadsBackUnchanged() throws Exception {
        String json = InlineJson.of(Map.of("protocol", "</script><!--\u2028\u2029&'\""));
        assertFalse(json.contains("<") || json.contains(">") || json.contains("\u2028") || json.contains("\u2029") || json.contains("&"), json);
        assertEquals("</script><!--\u2028\u2029&'\"", new ObjectMapper().readTree(json).get("protocol").asText());
    }

    @Test
    void aHostileProtocolAndFacilityLeaveThePageWithOnlyItsOwnThreeScriptElements() throws Exception {
        Path page = dir.resolve("audit.html");
        AuditDashboard.write(hostileMonth(dir), Disclosure.PATIENT_LEVEL, "Clinic </script><b>", page);
        String html = Files.readString(page, StandardCharsets.UTF_8);
        // The pinned library's own text aside (its code builds markup strings for features the page does not use).
        String lower = html.replace(ChartLibrary.script(), "").toLowerCase(java.util.Locale.ROOT);
        assertEquals(3, count(lower, "<script"), "the data, the charting library and the page's script");
        assertEquals(3, count(lower, "</script"));
        assertEquals(0, count(html, "\u2028"));
        assertFalse(html.contains(SCRIPT_PROTOCOL));
        JsonNode d = new ObjectMapper().readTree(data(html));
        boolean found = false;
        for (JsonNode f : d.get("findings")) found |= SCRIPT_PROTOCOL.equals(f.path("protocol").asText());
        assertTrue(found, "the protocol name reaches the page's data as written");
        assertTrue(d.get("facilities").toString().contains("General</script><!--<b>\u2028x"));
        // The heading, written by Java, names the institution escaped.
        assertTrue(html.contains("<p>Clinic &lt;/script&gt;&lt;b&gt;</p>"), "escaped in the page header");
    }

    @Test
    void thePageLoadsNothingFromTheNetworkAndRunsOnlyItsOwnScripts() throws Exception {
        Path file = dir.resolve("audit.html");
        AuditDashboard.write(hostileMonth(dir), Disclosure.PATIENT_LEVEL, null, file);
        String html = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-"), "CSP");
        assertTrue(html.contains(ChartLibrary.script()), "the library inline");
        String page = html.replace(ChartLibrary.script(), "");
        assertFalse(Pattern.compile("<(script|link|img|iframe)[^>]*\\s(src|href)=", Pattern.CASE_INSENSITIVE).matcher(page).find());
        assertTrue(html.contains("Apache ECharts 5.3.1") && html.contains("Apache License, Version 2.0"), "licence noted");
    }

    @Test
    void aProcedureAtTheSubstantialDoseLevelPutsItsPatientOnTheSkinFollowUpListAndOneJustBelowDoesNot() throws Exception {
        AuditResult r = new AuditFixture().defaults("age_years", "60", "modality", "RF", "station_name", "RF1",
                        "protocol_name", "CORONARY", "acquisition_type", "", "target_region", "", "ctdivol_mgy", "",
                        "phantom", "", "dlp_mgycm", "", "dap_gycm2", "120", "fluoro_time_s", "900")
                .row("ka_r_mgy", "5000", "accession_number", "AT-LEVEL", "patient_id", "P1")
                .row("ka_r_mgy", "4999.9", "accession_number", "BELOW", "patient_id", "P2")
                .audit(dir);
        Path page = dir.resolve("audit.html");
        AuditDashboard.write(r, Disclosure.PATIENT_LEVEL, null, page);
        JsonNode skin = new ObjectMapper().readTree(data(Files.readString(page, StandardCharsets.UTF_8))).get("skinFollowUp");
        assertEquals(1, skin.size(), skin.toString());
        assertEquals("AT-LEVEL", skin.get(0).get("procedure").asText());
        assertEquals(5000.0, skin.get(0).get("value (mGy)").asDouble(), 1e-9);
        assertTrue(skin.get(0).get("advice").asText().contains("2 to 4 weeks"));
        String pseudonym = skin.get(0).get("patient").asText();
        assertFalse(pseudonym.isBlank() || pseudonym.equals("P1"), "a pseudonym, never the identifier: " + pseudonym);
    }

    @Test
    void anAccreditationPageCarriesNoPseudonymNoAgeAndNoPatientList() throws Exception {
        Path page = dir.resolve("audit.html");
        AuditResult r = hostileMonth(dir);
        AuditDashboard.write(r, Disclosure.AGGREGATE, null, page);
        JsonNode d = new ObjectMapper().readTree(data(Files.readString(page, StandardCharsets.UTF_8)));
        assertEquals("aggregate", d.get("disclosure").asText());
        assertTrue(d.get("cumulativeDose").isNull());
        assertTrue(d.get("skinFollowUp").isNull());
        assertTrue(d.get("findings").size() > 0);
        for (JsonNode f : d.get("findings")) {
            assertFalse(f.has("patient") || f.has("age"), f.toString());
            assertFalse(f.path("message").asText().matches(".* aged \\d.*"), f.toString());
        }
        for (var f : r.findings()) {
            if (f.patientRef() != null) assertFalse(d.toString().contains(f.patientRef()), "pseudonym " + f.patientRef());
        }
    }

    @Test
    void aChartingLibraryThatDiffersFromThePinnedOneIsRefusedAsADefect() throws Exception {
        byte[] real;
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(ChartLibrary.RESOURCE)) {
            real = in.readAllBytes();
        }
        assertEquals(ChartLibrary.VERSION, "5.3.1");
        assertTrue(ChartLibrary.check(real, "echarts.min.js").contains("Licensed to the Apache Software Foundation"), "the jar's copy is the pinned one");
        byte[] altered = real.clone();
        altered[altered.length - 2] ^= 1;
        ChartLibrary.Altered e = assertThrows(ChartLibrary.Altered.class, () -> ChartLibrary.check(altered, "echarts.min.js"));
        assertTrue(e.getMessage().contains("not the pinned " + ChartLibrary.SHA256), e.getMessage());
        assertNull(e.getCause());
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) n++;
        return n;
    }
}
