package org.alaraaudit.sample;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** A generated log read back, with its rows grouped into studies (test helper). */
final class GeneratedLog {

    static final CSVFormat READ = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    final String text;
    final long written;
    final List<String> header;
    final List<Map<String, String>> rows = new ArrayList<>();
    final Map<String, List<Map<String, String>>> studies = new LinkedHashMap<>();

    private GeneratedLog(String text, long written) {
        this.text = text;
        this.written = written;
        try (CSVParser p = CSVParser.parse(new StringReader(text), READ)) {
            this.header = p.getHeaderNames();
            for (CSVRecord r : p) {
                Map<String, String> m = r.toMap();
                rows.add(m);
                String key = m.get("facility") + "|" + m.get("accession_number") + "|" + m.get("study_datetime")
                        + "|" + m.get("patient_id");
                studies.computeIfAbsent(key, k -> new ArrayList<>()).add(m);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GeneratedLog parse(String text) {
        return new GeneratedLog(text, -1);
    }

    static String generate(GeneratorSettings s) {
        StringWriter w = new StringWriter();
        try {
            new ScanLogGenerator(s).write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    static GeneratedLog of(GeneratorSettings s) {
        StringWriter w = new StringWriter();
        long n;
        try {
            n = new ScanLogGenerator(s).write(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new GeneratedLog(w.toString(), n);
    }

    static boolean isQa(Map<String, String> r) {
        String id = r.get("patient_id").toUpperCase();
        String d = r.get("study_description").toUpperCase();
        return id.contains("PHANTOM") || d.contains("PHANTOM") || d.startsWith("QA ") || d.startsWith("QC ");
    }

    /** Age at the study from the birth date (days / 365.25). */
    static double age(Map<String, String> r) {
        LocalDate b = LocalDate.parse(r.get("birth_date"));
        LocalDate d = LocalDateTime.parse(r.get("study_datetime")).toLocalDate();
        return (d.toEpochDay() - b.toEpochDay()) / 365.25;
    }

    static boolean diagnostic(Map<String, String> r) {
        String t = r.get("acquisition_type");
        return r.get("modality").equals("CT") && !t.equals("CONSTANT_ANGLE") && !t.equals("STATIONARY");
    }

    static Double number(String s) {
        if (s == null || s.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
