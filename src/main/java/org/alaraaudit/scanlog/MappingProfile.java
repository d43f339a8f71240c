package org.alaraaudit.scanlog;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How one export's columns map onto the canonical scan log: which column (or columns) fills each canonical
 * column, in which unit, with which codes, and, for exports with one row per study, which numbered column
 * block holds each irradiation event ({@code E{n} CTDIvol}). Written by safety officers as a plain
 * {@code key = value} text file; see docs/input-formats.md and the shipped profiles under
 * src/main/resources/profiles/.
 */
public final class MappingProfile {
    /** The placeholder for the event number in a per-event column name. */
    static final String EVENT = "{n}";

    /** How several source columns make one value (dual-source CT: highest kVp, summed tube current). */
    enum Combine { FIRST, HIGHEST, SUM }

    /**
     * Where one canonical column or dose-check attribute comes from.
     *
     * @param sources      column names, alternatives in order (the first non-blank wins unless {@code combine})
     * @param studySources columns used for a study that has no per-event columns (totals of a study-level export)
     * @param constant     fixed value, used when the columns are absent or blank
     * @param times        a column to multiply by (mA times exposure time in s gives mAs)
     * @param time         a separate time-of-day column for a date column
     */
    record Field(String target, ValueKind kind, List<String> sources, List<String> studySources, String constant,
                 ValueKind.Unit unit, Combine combine, String times, DateTimeFormatter format, String time,
                 Map<String, String> codes) {}

    private final String name;
    private final String title;
    private final String sheet;
    private final String origin;
    private final Map<String, Field> fields;
    private final boolean patientPerStudy;
    private final Set<String> ignored;
    /** Normalised names of the columns a CSV row of this export may end before (see {@link #rowEnds()}). */
    private final Set<String> rowEnds;
    /** The SHA-256 of a profile file's bytes; null for a built-in profile, which the tool version names. */
    private final String fileSha256;

    private MappingProfile(String name, String title, String sheet, String origin, Map<String, Field> fields,
                           boolean patientPerStudy, Set<String> ignored, Set<String> rowEnds) {
        this(name, title, sheet, origin, fields, patientPerStudy, ignored, rowEnds, null);
    }

    private MappingProfile(String name, String title, String sheet, String origin, Map<String, Field> fields,
                           boolean patientPerStudy, Set<String> ignored, Set<String> rowEnds, String fileSha256) {
        this.rowEnds = rowEnds;
        this.fileSha256 = fileSha256;
        this.name = name;
        this.title = title;
        this.sheet = sheet;
        this.origin = origin;
        this.fields = fields;
        this.patientPerStudy = patientPerStudy;
        this.ignored = ignored;
    }

    public String name() { return name; }

    /** This profile as read from a file with these bytes' digest: a report names the file and the digest. */
    MappingProfile fromFile(String sha256) {
        return new MappingProfile(name, title, sheet, origin, fields, patientPerStudy, ignored, rowEnds, sha256);
    }

    /** How a report names this profile: a built-in one by its name, the site's own by its file name. */
    public String readAs() { return fileSha256 == null ? name : origin; }

    /**
     * The SHA-256 of a profile file's bytes, which a report gives with the inputs since the site may change the file
     * between runs; null for a built-in profile, whose text the tool version fixes.
     */
    public String fileSha256() { return fileSha256; }

    public String title() { return title; }

    /** The workbook sheet this layout lives on (OpenREM: "All data"), or null. */
    public String sheet() { return sheet; }

    /** Where the profile was read from, for messages. */
    public String origin() { return origin; }

    Map<String, Field> fields() { return fields; }

    Optional<Field> field(String target) { return Optional.ofNullable(fields.get(target)); }

    /** With no patient identifier, each study is taken as its own patient instead of rejecting its rows. */
    public boolean patientPerStudy() { return patientPerStudy; }

    /** Columns never kept as extra attributes (names, free text with personal data). */
    Set<String> ignored() { return ignored; }

    /**
     * The columns (normalised names) a CSV row may end just before, because the export leaves out trailing columns a
     * study has no values for rather than writing them empty (OpenREM's fluoroscopy CSV: plane B of a single-plane
     * system). Event blocks need no entry: a row may always end before one ({@link HeaderMatch#rowMayEndAt}).
     */
    Set<String> rowEnds() { return rowEnds; }

    boolean isCanonical() { return name.equals("canonical"); }

    /** Header names match ignoring case and repeated or surrounding spaces. */
    static String norm(String header) {
        if (header == null) return "";
        String t = header.trim();
        StringBuilder sb = new StringBuilder(t.length());
        boolean space = false;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space) sb.append(' ');
            space = false;
            sb.append(Character.toLowerCase(c));
        }
        return sb.toString();
    }

    // ---------------------------------------------------------------------------------------------- parsing

    /** Reads a profile file's text; every mistake names the line, so a non-programmer can fix it. */
    public static MappingProfile parse(String text, String origin, String defaultName) {
        return new Parser(origin).parse(text, defaultName);
    }

    private static final List<String> ATTRIBUTES = List.of("value", "unit", "combine", "times", "format", "time", "study");

    private static final class Draft {
        final String target;
        final ValueKind kind;
        final Map<String, String> attrs = new LinkedHashMap<>();
        final Map<String, Integer> lines = new LinkedHashMap<>();
        final Map<String, String> codes = new LinkedHashMap<>();

        Draft(String target, ValueKind kind) {
            this.target = target;
            this.kind = kind;
        }
    }

    private static final class Parser {
        private final String origin;
        private final Map<String, Draft> drafts = new LinkedHashMap<>();
        private final Map<String, Integer> seen = new LinkedHashMap<>();
        private String name;
        private String title;
        private String sheet;
        private boolean patientPerStudy;
        private final Set<String> ignored = new LinkedHashSet<>();
        private final Set<String> rowEnds = new LinkedHashSet<>();

        Parser(String origin) { this.origin = origin; }

        private ScanLogException error(int line, String message) {
            return new ScanLogException("profile " + origin + (line > 0 ? " line " + line : "") + ": " + message);
        }

        MappingProfile parse(String text, String defaultName) {
            String[] lines = text.replace("\uFEFF", "").split("\\r?\\n|\\r", -1);
            for (int i = 0; i < lines.length; i++) {
                String line = lines[i].trim();
                if (line.isEmpty() || line.startsWith("#") || line.startsWith("!")) continue;
                int eq = line.indexOf('=');
                if (eq < 0) throw error(i + 1, "\"" + line + "\" is not a \"key = value\" line");
                String key = line.substring(0, eq).trim();
                String value = line.substring(eq + 1).trim();
                if (key.isEmpty()) throw error(i + 1, "the line has no key before '='");
                String seenKey = key.toLowerCase(Locale.ROOT);
                Integer before = seen.put(seenKey, i + 1);
                if (before != null) throw error(i + 1, "\"" + key + "\" is given twice (also on line " + before + ")");
                entry(i + 1, key, value);
            }
            this.name = name != null ? name : defaultName;
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Draft d : drafts.values()) fields.put(d.target, field(d));
            checkRequired(fields);
            return new MappingProfile(name, title != null ? title : name, sheet, origin, fields, patientPerStudy, ignored, rowEnds);
        }

        private void entry(int line, String key, String value) {
            String k = key.toLowerCase(Locale.ROOT);
            switch (k) {
                case "name": name = value; return;
                case "title": title = value; return;
                case "sheet": sheet = value.isEmpty() ? null : value; return;
                case "ignore":
                    for (String s : alternatives(value)) ignored.add(norm(s));
                    return;
                case "row_may_end_before":
                    for (String s : alternatives(value)) rowEnds.add(norm(s));
                    return;
                case "patient_id.missing":
                    if (!value.equalsIgnoreCase("study")) {
                        throw error(line, "patient_id.missing can only be \"study\" (each study is its own patient)");
                    }
                    patientPerStudy = true;
                    return;
                default:
                    break;
            }
            int dot = k.indexOf('.');
            String target = dot < 0 ? k : k.substring(0, dot);
            String attr = dot < 0 ? "" : key.substring(dot + 1).trim();
            Draft d = drafts.computeIfAbsent(target, t -> new Draft(t, kindOf(line, t)));
            if (attr.toLowerCase(Locale.ROOT).startsWith("code.")) {
                String code = attr.substring(5).trim();
                if (code.isEmpty()) throw error(line, "\"" + key + "\": name the code after \"code.\"");
                d.codes.put(norm(code), value);
                return;
            }
            String a = attr.toLowerCase(Locale.ROOT);
            if (!a.isEmpty() && !ATTRIBUTES.contains(a)) {
                throw error(line, "\"" + key + "\": unknown setting \"" + attr + "\"; a column can have "
                        + ATTRIBUTES.stream().map(x -> "." + x).collect(Collectors.joining(", ")) + " or .code.<text>");
            }
            d.attrs.put(a, value);
            d.lines.put(a, line);
        }

        private ValueKind kindOf(int line, String target) {
            Optional<CanonicalColumn> c = CanonicalColumn.forHeader(target);
            if (c.isPresent()) return ValueKind.of(c.get());
            if (DoseCheck.ATTRIBUTES.contains(target)) return DoseCheck.kind(target);
            if (target.equals(DoseCheck.TEXT)) return ValueKind.TEXT;
            throw error(line, "\"" + target + "\" is not a canonical column; use one of "
                    + Arrays.stream(CanonicalColumn.values()).map(CanonicalColumn::header).collect(Collectors.joining(", "))
                    + ", the dose-check attributes " + String.join(", ", DoseCheck.ATTRIBUTES)
                    + ", or dose_check (a column of dose-check text)");
        }

        private Field field(Draft d) {
            Map<String, String> a = d.attrs;
            int line = d.lines.getOrDefault("", d.lines.values().stream().findFirst().orElse(0));
            List<String> sources = alternatives(a.get(""));
            List<String> study = alternatives(a.get("study"));
            for (String s : study) {
                if (s.contains(EVENT)) throw error(d.lines.get("study"), d.target + ".study names study-level columns; " + s + " has " + EVENT);
            }
            String constant = blankToNull(a.get("value"));
            if (sources.isEmpty() && study.isEmpty() && constant == null) {
                throw error(line, d.target + " has settings but no column: add \"" + d.target + " = <column name>\" or \""
                        + d.target + ".value = <fixed value>\"");
            }
            ValueKind.Unit unit = null;
            if (a.containsKey("unit")) {
                if (!d.kind.isNumber()) throw error(d.lines.get("unit"), d.target + " is not a number; it has no unit");
                unit = d.kind.unit(a.get("unit"));
                if (unit == null) {
                    throw error(d.lines.get("unit"), "\"" + a.get("unit") + "\" is not a unit for " + d.target + " (in "
                            + d.kind.canonicalUnit() + "); known: " + String.join(", ", d.kind.unitNames()));
                }
            }
            Combine combine = Combine.FIRST;
            if (a.containsKey("combine")) {
                String c = a.get("combine").trim().toUpperCase(Locale.ROOT);
                if (c.equals("MAX")) c = "HIGHEST";
                if (!d.kind.isNumber()) throw error(d.lines.get("combine"), d.target + " is not a number; only numbers combine");
                try {
                    combine = Combine.valueOf(c);
                } catch (IllegalArgumentException e) {
                    throw error(d.lines.get("combine"), d.target + ".combine is \"" + a.get("combine") + "\"; use highest, sum or first");
                }
            }
            String times = blankToNull(a.get("times"));
            if (times != null && !d.kind.isNumber()) throw error(d.lines.get("times"), d.target + " is not a number; it cannot be multiplied");
            DateTimeFormatter format = null;
            if (a.containsKey("format")) {
                if (d.kind != ValueKind.DATE && d.kind != ValueKind.DATE_TIME) {
                    throw error(d.lines.get("format"), d.target + " is not a date; .format is for dates");
                }
                try {
                    format = CellText.strictPattern(a.get("format"));
                } catch (IllegalArgumentException e) {
                    throw error(d.lines.get("format"), "\"" + a.get("format") + "\" is not a date pattern (e.g. dd/MM/yyyy HH:mm): " + e.getMessage());
                }
            }
            String time = blankToNull(a.get("time"));
            if (time != null && d.kind != ValueKind.DATE_TIME) throw error(d.lines.get("time"), d.target + " is not a date-time; .time is for date-times");
            return new Field(d.target, d.kind, sources, study, constant, unit, combine, times, format, time, Map.copyOf(d.codes));
        }

        /** A profile that cannot fill a required column would reject every row: say so now, not per row. */
        private void checkRequired(Map<String, Field> fields) {
            List<String> missing = new ArrayList<>();
            for (CanonicalColumn c : CanonicalColumn.values()) {
                if (!c.required() || fields.containsKey(c.header())) continue;
                if (c == CanonicalColumn.PATIENT_ID && patientPerStudy) continue;
                missing.add(c.header());
            }
            if (!fields.containsKey("age_years") && !fields.containsKey("birth_date")) missing.add("age_years or birth_date");
            if (!missing.isEmpty()) {
                throw error(0, "does not say where " + String.join(", ", missing) + " come" + (missing.size() == 1 ? "s" : "")
                        + " from; add \"<column> = <header in the export>\" (or \"<column>.value = <fixed value>\")"
                        + (missing.contains("patient_id") ? ", or \"patient_id.missing = study\" when the export has no patient identifier" : ""));
            }
        }
    }

    /** "A | B | C" as a list; '|' separates alternative column names because names may contain commas. */
    static List<String> alternatives(String value) {
        List<String> out = new ArrayList<>();
        if (value == null) return out;
        for (String s : value.split("\\|")) {
            String t = s.trim();
            if (!t.isEmpty()) out.add(t);
        }
        return out;
    }

    private static String blankToNull(String s) { return s == null || s.isBlank() ? null : s.trim(); }

    @Override
    public String toString() { return name; }
}
