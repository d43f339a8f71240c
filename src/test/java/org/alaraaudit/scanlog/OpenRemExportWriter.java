package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.alaraaudit.scanlog.OpenRemStudies.DoseCheckDetails;
import org.alaraaudit.scanlog.OpenRemStudies.Event;
import org.alaraaudit.scanlog.OpenRemStudies.Study;
import org.alaraaudit.scanlog.OpenRemStudies.Tube;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes the test studies as OpenREM writes its CT exports (shared/reference/openrem-export-layout.md), and as
 * the canonical scan log a careful person would write by hand from the same dose reports. Run {@link #main}
 * to regenerate src/test/resources/openrem/; {@code OpenRemTestFilesTest} checks the files have not drifted.
 */
final class OpenRemExportWriter {
    /** Which optional column groups the exporting OpenREM user had switched on. */
    record Options(boolean patientData, boolean standardNames) {}

    private OpenRemExportWriter() {}

    private static final List<String> PHANTOM_CSV = List.of("113691", "32 cm", "113690", "16 cm");

    // ----------------------------------------------------------------------------------------------- CSV

    static String csv(List<Study> studies, Options o) {
        int max = studies.stream().mapToInt(s -> s.events().size()).max().orElse(0);
        List<String> h = new ArrayList<>();
        if (o.patientData()) h.addAll(List.of("Patient name", "Patient ID"));
        h.addAll(List.of("Institution", "Manufacturer", "Model name", "Station name", "Display name", "Accession number",
                "Operator", "Study date", "Study time"));
        if (o.patientData()) h.add("Date of birth");
        h.addAll(List.of("Age", "Sex", "Height", "Mass (kg)", "Test patient?", "Study description"));
        if (o.standardNames()) h.add("Standard study name (study)");
        h.add("Requested procedure");
        if (o.standardNames()) h.add("Standard study name (request)");
        h.addAll(List.of("Study Comments", "No. events", "DLP total (mGy.cm)"));
        for (int n = 1; n <= max; n++) {
            String e = "E" + n + " ";
            h.add(e + "Protocol");
            if (o.standardNames()) h.add(e + "Standard acquisition name");
            for (String f : List.of("Type", "Exposure time", "Scanning length", "Slice thickness", "Total collimation", "Pitch",
                    "No. sources", "CTDIvol", "Phantom", "DLP", "S1 name", "S1 kVp", "S1 max mA", "S1 mA",
                    "S1 Exposure time/rotation", "S2 name", "S2 kVp", "S2 max mA", "S2 mA", "S2 Exposure time/rotation",
                    "mA Modulation type", "Dose check details", "Comments")) {
                h.add(e + f);
            }
        }
        StringBuilder sb = new StringBuilder(line(h));
        for (Study s : studies) {
            List<String> r = new ArrayList<>();
            if (o.patientData()) r.addAll(List.of(s.patientName(), s.patientId()));
            r.addAll(List.of(s.institution(), s.manufacturer(), s.model(), s.station(), s.displayName(), s.accession(),
                    s.operator(), s.date().toString(), s.time().toString()));
            if (o.patientData()) r.add(s.birthDate().toString());
            r.addAll(List.of(s.age(), s.sex(), s.heightM(), s.massKg(), "", s.description()));
            if (o.standardNames()) r.add(s.standardName());
            r.add(s.requested());
            if (o.standardNames()) r.add(s.standardName());
            r.addAll(List.of("", Integer.toString(s.events().size()), s.totalDlp()));
            for (int n = 0; n < max; n++) {
                Event e = n < s.events().size() ? s.events().get(n) : null;
                int width = 24 + (o.standardNames() ? 1 : 0);
                if (e == null) {
                    for (int i = 0; i < width; i++) r.add("");
                    continue;
                }
                r.add(e.protocol());
                if (o.standardNames()) r.add(e.standardName());
                r.addAll(List.of(e.type(), nz(e.exposureTime()), nz(e.scanLength()), nz(e.sliceThickness()),
                        nz(e.totalCollimation()), nz(e.pitch()), Integer.toString(e.sources()), nz(e.ctdivol()),
                        e.phantomCode() == null ? "" : PHANTOM_CSV.get(PHANTOM_CSV.indexOf(e.phantomCode()) + 1), nz(e.dlp())));
                tubeCsv(r, e.s1());
                tubeCsv(r, e.s2());
                r.addAll(List.of(nz(e.modulation()), doseCheckCsv(e.doseCheck()), nz(e.comment())));
            }
            sb.append(line(r));
        }
        return sb.toString();
    }

    private static void tubeCsv(List<String> r, Tube t) {
        if (t == null) r.addAll(List.of("", "", "", "", ""));
        else r.addAll(List.of(t.name(), t.kvp(), t.maxMa(), t.ma(), t.timePerRotation()));
    }

    /** The CSV export's prose (OpenREM ct_export: two decimals, alerts then notifications, one line). */
    static String doseCheckCsv(DoseCheckDetails d) {
        if (d == null) return "";
        StringBuilder sb = new StringBuilder();
        if (d.hasAlerts()) {
            sb.append("Dose Check Alerts: ");
            if (d.dlpAlert() != null) {
                sb.append("DLP alert is configured at ").append(two(d.dlpAlert())).append(" mGy.cm with ");
                sb.append(d.dlpForward() != null ? "an accumulated forward estimate of " + two(d.dlpForward()) + " mGy.cm. "
                        : "no accumulated forward estimate recorded. ");
            }
            if (d.ctdivolAlert() != null) {
                sb.append("CTDIvol alert is configured at ").append(two(d.ctdivolAlert())).append(" mGy with ");
                sb.append(d.ctdivolForward() != null ? "an accumulated forward estimate of " + two(d.ctdivolForward()) + " mGy. "
                        : "no accumulated forward estimate recorded. ");
            }
            if (d.reason() != null) sb.append("Reason for proceeding: ").append(d.reason()).append(". ");
            if (d.person() != null) sb.append("Person authorizing irradiation: ").append(d.person()).append(". ");
        }
        if (d.dlpNotification() != null) {
            sb.append("Dose Check Notifications: DLP notification is configured at ").append(two(d.dlpNotification()))
                    .append(" mGy.cm with ");
            sb.append(d.dlpNotificationForward() != null
                    ? "an accumulated forward estimate of " + two(d.dlpNotificationForward()) + " mGy.cm. "
                    : "no accumulated forward estimate recorded. ");
        }
        return sb.toString();
    }

    private static String two(String v) { return String.format(Locale.ROOT, "%.2f", new BigDecimal(v)); }

    private static String nz(String s) { return s == null ? "" : s; }

    /** Python's csv module: quote only when needed; OpenREM has already replaced commas in text by ';'. */
    private static String line(List<String> cells) {
        return cells.stream().map(c -> {
            String v = c == null ? "" : c.replace(',', ';');
            return v.contains("\"") || v.contains("\n") ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
        }).collect(Collectors.joining(",")) + "\r\n";
    }

    // ---------------------------------------------------------------------------------------------- XLSX

    /** Per-event fields in the XLSX's order: the export's pandas reshape sorts them by name (ASCII, capitals first). */
    private static List<String> eventFields(boolean standardNames) {
        List<String> f = new ArrayList<>(List.of("Acquisition protocol", "Acquisition type", "CTDI phantom type",
                "CTDIvol (mGy)", "DLP (mGy.cm)", "Dose check alerts", "Exposure time (s)", "Number of sources", "Pitch",
                "S1 Exposure time per rotation", "S1 Maximum mA", "S1 Source name", "S1 kVp", "S1 mA",
                "S2 Exposure time per rotation", "S2 Maximum mA", "S2 Source name", "S2 kVp", "S2 mA",
                "Scanning length (mm)", "Slice thickness (mm)", "Total collimation (mm)", "mA modulation type"));
        if (standardNames) f.add("Standard acquisition name");
        f.sort(Comparator.naturalOrder());
        return f;
    }

    static void xlsx(List<Study> studies, Options o, Path file) {
        int max = studies.stream().mapToInt(s -> s.events().size()).max().orElse(0);
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(wb.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle time = wb.createCellStyle();
            time.setDataFormat(wb.createDataFormat().getFormat("hh:mm:ss"));
            summary(wb.createSheet("Summary"), studies);
            Sheet all = wb.createSheet("All data");
            List<String> h = new ArrayList<>(List.of("Institution", "Manufacturer", "Model", "Station name", "Display name",
                    "Operator", "Patient sex", "Study description", "Requested procedure"));
            if (o.standardNames()) h.addAll(List.of("Standard study name 1", "Standard study name 2", "Standard study name 3"));
            h.add("Accession number");
            if (o.patientData()) h.addAll(List.of("Patient name", "Patient ID", "Patient date of birth"));
            h.addAll(List.of("Study date", "Study time", "Number of events", "Patient age", "Patient height (m)",
                    "Patient weight (kg)", "Total DLP (mGy.cm)"));
            List<String> fields = eventFields(o.standardNames());
            for (int n = 1; n <= max; n++) for (String f : fields) h.add("E" + n + " " + f);
            Row hr = all.createRow(0);
            for (int i = 0; i < h.size(); i++) hr.createCell(i).setCellValue(h.get(i));

            List<Study> sorted = new ArrayList<>(studies);
            sorted.sort(Comparator.comparing((Study s) -> s.date().atTime(s.time())).reversed());
            int rowNum = 1;
            for (Study s : sorted) {
                Row r = all.createRow(rowNum++);
                int[] c = {0};
                for (String v : List.of(s.institution(), s.manufacturer(), s.model(), s.station(), s.displayName(),
                        s.operator(), s.sex(), s.description(), s.requested())) text(r, c, v);
                if (o.standardNames()) {
                    text(r, c, s.standardName());
                    text(r, c, null);
                    text(r, c, null);
                }
                text(r, c, s.accession());
                if (o.patientData()) {
                    text(r, c, s.patientName());
                    text(r, c, s.patientId());
                    Cell b = r.createCell(c[0]++);
                    b.setCellValue(s.birthDate());
                    b.setCellStyle(date);
                }
                Cell d = r.createCell(c[0]++);
                d.setCellValue(s.date());
                d.setCellStyle(date);
                Cell t = r.createCell(c[0]++);
                t.setCellValue(DateUtil.convertTime(s.time().toString()));
                t.setCellStyle(time);
                number(r, c, Integer.toString(s.events().size()));
                number(r, c, s.age());
                number(r, c, s.heightM());
                number(r, c, s.massKg());
                number(r, c, s.totalDlp());
                for (int n = 0; n < max; n++) {
                    Event e = n < s.events().size() ? s.events().get(n) : null;
                    for (String f : fields) eventCell(r, c, e, f);
                }
            }
            try (OutputStream out = Files.newOutputStream(file)) {
                wb.write(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void summary(Sheet sh, List<Study> studies) {
        sh.createRow(0).createCell(0).setCellValue("XLSX Export from OpenREM version 1.0.0b2 on 2026-11-01 06:00:00.000000");
        sh.createRow(1).createCell(0).setCellValue("OpenREM is copyright 2019 The Royal Marsden NHS Foundation Trust, and "
                + "available under the GPL. See http://openrem.org");
        Row r = sh.createRow(3);
        r.createCell(0).setCellValue("Total number of exams");
        r.createCell(1).setCellValue(studies.size());
        Row h = sh.createRow(5);
        String[] titles = {"Study Description", "Frequency", "", "Requested Procedure", "Frequency", "", "Acquisition protocol", "Frequency"};
        for (int i = 0; i < titles.length; i++) if (!titles[i].isEmpty()) h.createCell(i).setCellValue(titles[i]);
    }

    private static void eventCell(Row r, int[] c, Event e, String field) {
        if (e == null) {
            c[0]++;
            return;
        }
        Tube s1 = e.s1();
        Tube s2 = e.s2();
        switch (field) {
            case "Acquisition protocol": text(r, c, e.protocol()); break;
            case "Acquisition type": text(r, c, e.type()); break;
            case "CTDI phantom type": text(r, c, e.phantomCode() == null ? null
                    : e.phantomCode().equals("113691") ? "IEC Body Dosimetry Phantom" : "IEC Head Dosimetry Phantom"); break;
            case "CTDIvol (mGy)": number(r, c, e.ctdivol()); break;
            case "DLP (mGy.cm)": number(r, c, e.dlp()); break;
            case "Dose check alerts": text(r, c, doseCheckXlsx(e.doseCheck())); break;
            case "Exposure time (s)": number(r, c, e.exposureTime()); break;
            case "Number of sources": number(r, c, Integer.toString(e.sources())); break;
            case "Pitch": number(r, c, e.pitch()); break;
            case "S1 Exposure time per rotation": number(r, c, s1 == null ? null : s1.timePerRotation()); break;
            case "S1 Maximum mA": number(r, c, s1 == null ? null : s1.maxMa()); break;
            case "S1 Source name": text(r, c, s1 == null ? null : s1.name()); break;
            case "S1 kVp": number(r, c, s1 == null ? null : s1.kvp()); break;
            case "S1 mA": number(r, c, s1 == null ? null : s1.ma()); break;
            case "S2 Exposure time per rotation": number(r, c, s2 == null ? null : s2.timePerRotation()); break;
            case "S2 Maximum mA": number(r, c, s2 == null ? null : s2.maxMa()); break;
            case "S2 Source name": text(r, c, s2 == null ? null : s2.name()); break;
            case "S2 kVp": number(r, c, s2 == null ? null : s2.kvp()); break;
            case "S2 mA": number(r, c, s2 == null ? null : s2.ma()); break;
            case "Scanning length (mm)": number(r, c, e.scanLength()); break;
            case "Slice thickness (mm)": number(r, c, e.sliceThickness()); break;
            case "Standard acquisition name": text(r, c, e.standardName()); break;
            case "Total collimation (mm)": number(r, c, e.totalCollimation()); break;
            case "mA modulation type": text(r, c, e.modulation()); break;
            default: throw new IllegalArgumentException(field);
        }
    }

    /** The XLSX export's text (OpenREM create_ct_dose_check_column): alerts only, one item per line, str(float). */
    static String doseCheckXlsx(DoseCheckDetails d) {
        if (d == null || !d.hasAlerts()) return null;
        StringBuilder sb = new StringBuilder("Dose check alerts:");
        if (d.dlpAlert() != null) sb.append("\nDLP alert is configured at ").append(py(d.dlpAlert())).append(" mGy.cm");
        if (d.dlpForward() != null) sb.append("\nwith an accumulated forward estimate of ").append(py(d.dlpForward())).append(" mGy.cm");
        if (d.ctdivolAlert() != null) sb.append("\nCTDIvol alert is configured at ").append(py(d.ctdivolAlert())).append(" mGy");
        if (d.ctdivolForward() != null) sb.append("\nwith an accumulated forward estimate of ").append(py(d.ctdivolForward())).append(" mGy");
        if (d.reason() != null) sb.append("\nReason for proceeding: ").append(d.reason());
        if (d.person() != null) sb.append("\nPerson authorizing irradiation: ").append(d.person());
        return sb.toString();
    }

    /** Python's str() of a float: 100.0, 251.2. */
    private static String py(String v) { return Double.toString(Double.parseDouble(v)); }

    private static void text(Row r, int[] c, String v) {
        int i = c[0]++;
        if (v != null && !v.isEmpty()) r.createCell(i).setCellValue(v);
    }

    private static void number(Row r, int[] c, String v) {
        int i = c[0]++;
        if (v != null && !v.isEmpty()) r.createCell(i).setCellValue(Double.parseDouble(v));
    }

    // ----------------------------------------------------------------------------------------- canonical

    /**
     * The same studies as a canonical scan log: one row per event, height in cm, the dual-source event's kVp the
     * higher tube's and its mAs both tubes' mA times the exposure time, phantoms as 16/32, events keyed by a
     * DICOM-style UID so that two alike monitoring scans stay two events.
     */
    static String canonical(List<Study> studies) {
        // The birth date as the OpenREM exports carry it: with both, the audit takes the birth date's exact age.
        List<String> h = List.of("patient_id", "birth_date", "age_years", "sex", "weight_kg", "height_cm", "facility", "station_name",
                "manufacturer", "model", "accession_number", "study_datetime", "modality", "study_description",
                "protocol_name", "acquisition_type", "event_uid", "kvp", "mas", "ctdivol_mgy", "phantom", "dlp_mgycm",
                "scan_length_mm", DoseCheck.DLP_ALERT, DoseCheck.DLP_FORWARD, DoseCheck.CTDIVOL_ALERT,
                DoseCheck.CTDIVOL_FORWARD, DoseCheck.REASON);
        StringBuilder sb = new StringBuilder(String.join(",", h)).append('\n');
        DateTimeFormatter iso = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");
        for (Study s : studies) {
            int n = 0;
            for (Event e : s.events()) {
                n++;
                String kvp = e.s2() == null ? e.s1().kvp() : new BigDecimal(e.s1().kvp()).max(new BigDecimal(e.s2().kvp())).toPlainString();
                BigDecimal ma = new BigDecimal(e.s1().ma());
                if (e.s2() != null) ma = ma.add(new BigDecimal(e.s2().ma()));
                String mas = e.exposureTime() == null ? "" : ma.multiply(new BigDecimal(e.exposureTime())).stripTrailingZeros().toPlainString();
                String phantom = e.phantomCode() == null ? "" : e.phantomCode().equals("113691") ? "32" : "16";
                DoseCheckDetails d = e.doseCheck() != null && e.doseCheck().hasAlerts() ? e.doseCheck() : null;
                List<String> r = List.of(s.patientId(), s.birthDate().toString(), s.age(), s.sex(), s.massKg(),
                        new BigDecimal(s.heightM()).movePointRight(2).stripTrailingZeros().toPlainString(), s.institution(),
                        s.station(), s.manufacturer(), s.model(), s.accession(), iso.format(s.date().atTime(s.time())), "CT",
                        s.description(), e.protocol(), e.type().replace(" Acquisition", "").replace(' ', '_').toUpperCase(Locale.ROOT),
                        "1.2.826.0.1.3680043.10.1." + s.accession().substring(3) + "." + n, kvp, mas, nz(e.ctdivol()), phantom,
                        nz(e.dlp()), nz(e.scanLength()), d == null ? "" : nz(d.dlpAlert()), d == null ? "" : nz(d.dlpForward()),
                        d == null ? "" : nz(d.ctdivolAlert()), d == null ? "" : nz(d.ctdivolForward()), d == null ? "" : nz(d.reason()));
                sb.append(r.stream().map(v -> v.contains(",") ? "\"" + v + "\"" : v)
                        .collect(Collectors.joining(","))).append('\n');
            }
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------- files

    static final String CSV = "openrem-ct.csv";
    static final String CSV_NO_PATIENT_ID = "openrem-ct-no-patient-id.csv";
    static final String CSV_STANDARD_NAMES = "openrem-ct-standard-names.csv";
    static final String XLSX = "openrem-ct.xlsx";
    static final String XLSX_NO_PATIENT_ID = "openrem-ct-no-patient-id.xlsx";
    static final String CANONICAL = "canonical-equivalent.csv";

    static void writeAll(Path dir) throws IOException {
        List<Study> s = OpenRemStudies.all();
        Files.writeString(dir.resolve(CSV), csv(s, new Options(true, false)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CSV_NO_PATIENT_ID), csv(s, new Options(false, false)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CSV_STANDARD_NAMES), csv(s, new Options(false, true)), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve(CANONICAL), canonical(s), StandardCharsets.UTF_8);
        xlsx(s, new Options(true, false), dir.resolve(XLSX));
        xlsx(s, new Options(false, false), dir.resolve(XLSX_NO_PATIENT_ID));
    }

    /** Regenerates the committed test files: {@code main src/test/resources/openrem}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "src/test/resources/openrem");
        Files.createDirectories(dir);
        writeAll(dir);
    }
}
