package org.alaraaudit.scanlog;

import static org.alaraaudit.scanlog.CanonicalColumn.*;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Consumer;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.AcquisitionType;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.DoseCheckRecord;
import org.alaraaudit.model.ImpossibleDate;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.ProjectionDose;
import org.alaraaudit.model.TargetRegion;

/**
 * Turns a raw row into a {@link ScanRow} or a {@link Rejection} naming the line, column and value. The limits
 * are the scan-log format's "physically impossible" values; unusual but possible values become warnings.
 *
 * <p>Privacy is settled here, before anything downstream sees a row: free text is masked with the row's own
 * identifier and birth date, and a rejected or unusual value that could identify the patient is withheld.
 */
public final class RowValidator {
    private final Pseudonymiser pseudonymiser;
    private final LocalDateTime runTime;
    private final double unusualCtdivolMgy;
    /** Collects the row's warnings, so that their values are checked against the row before they are passed on. */
    private final Consumer<DataWarning> warnings;
    private final java.util.List<DataWarning> rowWarnings = new java.util.ArrayList<>();
    private final Consumer<DataWarning> warningSink;
    private final KnownIdentifiers patients;
    /**
     * The patients of rejected rows, by key: a part of the input validated on its own (a Spark task's file) sends them
     * on, since another part's rejected value may be their identifier and no audited row names them. Few: rejections.
     */
    private final java.util.Set<Long> rejectedPatients = new java.util.HashSet<>();
    /** The previous row's: the events of a study come one after another, so most rows reuse it. */
    private IdentifyingValues lastIdentity;

    public RowValidator(Pseudonymiser pseudonymiser, LocalDateTime runTime, double unusualCtdivolMgy,
                        Consumer<DataWarning> warnings) {
        this(pseudonymiser, runTime, unusualCtdivolMgy, warnings, new KnownIdentifiers(pseudonymiser));
    }

    private RowValidator(Pseudonymiser pseudonymiser, LocalDateTime runTime, double unusualCtdivolMgy,
                         Consumer<DataWarning> warnings, KnownIdentifiers patients) {
        this.pseudonymiser = pseudonymiser;
        this.runTime = runTime;
        this.unusualCtdivolMgy = unusualCtdivolMgy;
        this.warningSink = warnings;
        this.warnings = rowWarnings::add;
        this.patients = patients;
    }

    /**
     * A validator with the same limits for another reading thread: it only {@link #check}s rows, and their
     * checks are {@linkplain #commit committed} on this validator in input order. Its warning sink and known
     * identifiers are never touched; they stay with this validator and its thread.
     */
    RowValidator forReadingThread() {
        return new RowValidator(pseudonymiser, runTime, unusualCtdivolMgy, w -> {
            throw new IllegalStateException("a reading thread's validator passes warnings on through commit");
        }, null);
    }

    /** Thrown inside validation to stop at the first fault of a row. */
    private static final class Fault extends RuntimeException {
        final String column;
        final String value;

        Fault(CanonicalColumn column, String value, String reason) {
            this(column == null ? null : column.header(), value, reason);
        }

        Fault(String column, String value, String reason) {
            super(reason, null, false, false);
            this.column = column;
            this.value = value;
        }
    }

    /** Either a valid row or the reason it is rejected; never both. */
    public record Outcome(ScanRow row, Rejection rejection) {}

    /** The pseudonym a study of this patient identifier carries, so a rejected row can be matched to its study. */
    public String patientRef(String patientId) { return pseudonymiser.pseudonym(patientId); }

    public Outcome validate(RawRow raw) { return commit(check(raw)); }

    /**
     * A row's outcome, its warnings as a report may show them, and the key of its patient among the identifiers
     * read, before any of it is passed on: what {@link #validate} does, less what the run shares.
     */
    record Checked(Outcome outcome, java.util.List<DataWarning> warnings, boolean knownPatient, long patientKey) {}

    /** Validates a row touching only this validator's own per-row state; {@link #commit} passes the result on. */
    Checked check(RawRow raw) {
        IdentifyingValues identity = IdentifyingValues.of(raw, lastIdentity);
        lastIdentity = identity;
        rowWarnings.clear();
        Outcome outcome;
        boolean known;
        long key = 0;
        try {
            ScanRow row = toRow(raw, identity);
            known = true;
            key = KnownIdentifiers.key(row.patientRef());
            outcome = new Outcome(row, null);
        } catch (Fault f) {
            String id = raw.get(PATIENT_ID);
            known = KnownIdentifiers.counts(id);
            if (known) key = KnownIdentifiers.key(pseudonymiser.pseudonym(id));
            // A dose report's "line" is the event's number in the file; its content item says where it is.
            String item = raw.extras().get(DoseReportScanLogReader.ITEM);
            outcome = new Outcome(null, new Rejection(raw.source().file(), raw.source().line(),
                    f.column, shown(identity, f.column, f.value), f.getMessage() + (item == null ? "" : " (event at item " + item + ")"),
                    cell(identity, raw, FACILITY), cell(identity, raw, ACCESSION_NUMBER), cell(identity, raw, STUDY_DATETIME)));
        }
        java.util.List<DataWarning> shownWarnings = java.util.List.of();
        if (!rowWarnings.isEmpty()) {
            shownWarnings = new java.util.ArrayList<>(rowWarnings.size());
            for (DataWarning w : rowWarnings) {
                shownWarnings.add(new DataWarning(w.file(), w.line(), w.column(), shown(identity, w.column(), w.value()), w.reason()));
            }
        }
        rowWarnings.clear();
        return new Checked(outcome, shownWarnings, known, key);
    }

    /** Passes a checked row's warnings on and remembers its patient; called in input order. */
    Outcome commit(Checked checked) {
        if (checked.knownPatient()) patients.add(checked.patientKey());
        if (checked.knownPatient() && checked.outcome().rejection() != null) rejectedPatients.add(checked.patientKey());
        if (!checked.warnings().isEmpty()) for (DataWarning w : checked.warnings()) warningSink.accept(w);
        return checked.outcome();
    }

    /** The value as a report may show it: withheld when it could identify the patient. */
    private static String shown(IdentifyingValues identity, String column, String value) {
        return identity.identifies(column, value) ? Rejection.VALUE_WITHHELD : value;
    }

    /** The keys of the patients whose rows were rejected (see {@link ShiftedIdentifiers}). */
    public long[] rejectedPatientKeys() { return rejectedPatients.stream().mapToLong(Long::longValue).sorted().toArray(); }

    /**
     * Withholds, once every row is read, the values of rejections and warnings that are some patient's
     * identifier: a short row shifts an identifier into another column, where it matches no cell of its own row.
     */
    public void withholdPatientIdentifiers(java.util.List<Rejection> rejections, java.util.List<DataWarning> warnings) {
        patients.withhold(rejections, warnings);
    }

    private ScanRow toRow(RawRow raw, IdentifyingValues identity) {
        String unreadable = raw.extras().get(RawRow.UNREADABLE);
        if (unreadable != null) throw new Fault(raw.extras().get(RawRow.UNREADABLE_COLUMN), null, unreadable);
        String cellCount = raw.extras().get(RawRow.CELL_COUNT);
        if (cellCount != null) throw new Fault((String) null, null, cellCount);
        for (CanonicalColumn c : CanonicalColumn.ALL) {
            // A cell of only no-break or zero-width spaces (or a byte-order mark) looks empty and is empty.
            if (c.required() && BlankText.isBlank(raw.get(c))) throw new Fault(c, null, "is required but empty");
        }
        // Facility, station and accession are keys, kept as written: masking could merge or split studies.
        String facility = storable(FACILITY, raw.get(FACILITY));
        String station = storable(STATION_NAME, raw.get(STATION_NAME));
        String accession = storable(ACCESSION_NUMBER, raw.get(ACCESSION_NUMBER));
        Modality modality = parseEnum(raw, MODALITY, Modality.class);
        LocalDateTime studyDatetime = dateTime(raw, STUDY_DATETIME);
        if (studyDatetime.isAfter(runTime)) {
            throw new Fault(STUDY_DATETIME, raw.get(STUDY_DATETIME), "is after the time of this run");
        }
        double age = age(raw, studyDatetime);
        String sex = raw.get(SEX);
        if (sex != null) {
            sex = sex.toUpperCase(Locale.ROOT);
            // Not String.matches: that compiles the pattern again for every row.
            if (sex.length() != 1 || "MFOU".indexOf(sex.charAt(0)) < 0) throw new Fault(SEX, raw.get(SEX), "is not one of M, F, O, U");
        }
        Double weight = number(raw, WEIGHT_KG);
        if (weight != null && (weight <= 0 || weight > 400)) {
            throw new Fault(WEIGHT_KG, raw.get(WEIGHT_KG), "is not a possible weight (0 to 400 kg)");
        }
        Double height = number(raw, HEIGHT_CM);
        if (height != null && (height <= 0 || height > 300)) {
            throw new Fault(HEIGHT_CM, raw.get(HEIGHT_CM), "is not a possible height (0 to 300 cm)");
        }
        String protocol = storable(PROTOCOL_NAME, identity.mask(raw.get(PROTOCOL_NAME)));
        if (modality == Modality.CT && protocol == null) throw new Fault(PROTOCOL_NAME, null, "is required for CT but empty");
        AcquisitionType acquisition = null;
        if (raw.get(ACQUISITION_TYPE) != null) {
            acquisition = AcquisitionType.parse(raw.get(ACQUISITION_TYPE)).orElseThrow(() ->
                    new Fault(ACQUISITION_TYPE, raw.get(ACQUISITION_TYPE), "is not an acquisition type"));
        }
        TargetRegion region = null;
        if (raw.get(TARGET_REGION) != null) {
            region = TargetRegion.parse(raw.get(TARGET_REGION)).orElseThrow(() ->
                    new Fault(TARGET_REGION, raw.get(TARGET_REGION), "is not a target region"));
        }
        LocalDateTime eventDatetime = raw.get(EVENT_DATETIME) == null ? studyDatetime : dateTime(raw, EVENT_DATETIME);
        Double kvp = number(raw, KVP);
        if (kvp != null && (kvp < 40 || kvp > 150)) throw new Fault(KVP, raw.get(KVP), "is outside 40-150 kVp");
        Double mas = dose(raw, MAS);
        Double ctdivol = dose(raw, CTDIVOL_MGY);
        if (ctdivol != null && ctdivol > 10_000) {
            throw new Fault(CTDIVOL_MGY, raw.get(CTDIVOL_MGY), "is above 10,000 mGy, not a possible CTDIvol");
        }
        Integer phantom = phantom(raw);
        Double dlp = dose(raw, DLP_MGYCM);
        Double scanLength = dose(raw, SCAN_LENGTH_MM);
        Double ssde = dose(raw, SSDE_MGY);
        Double effDiameter = dose(raw, EFFECTIVE_DIAMETER_CM);
        Double wed = dose(raw, WATER_EQUIVALENT_DIAMETER_CM);
        Double dap = dose(raw, DAP_GYCM2);
        Double fluoro = dose(raw, FLUORO_TIME_S);

        if (ctdivol != null && ctdivol > unusualCtdivolMgy) {
            warn(raw, CTDIVOL_MGY, "is above " + fmt(unusualCtdivolMgy) + " mGy for one event: check the export");
        }
        if (weight != null && implausibleForAge(age, weight)) {
            warn(raw, WEIGHT_KG, "is unusual for a patient aged " + fmt(age) + " y");
        }
        Double dlpAlert = attribute(raw, DoseCheck.DLP_ALERT);
        Double dlpForward = attribute(raw, DoseCheck.DLP_FORWARD);
        Double ctdivolAlert = attribute(raw, DoseCheck.CTDIVOL_ALERT);
        Double ctdivolForward = attribute(raw, DoseCheck.CTDIVOL_FORWARD);
        String reason = raw.extras().get(DoseCheck.REASON);
        Boolean alert = doseCheckAlert(raw, dlpAlert, dlpForward, ctdivolAlert, ctdivolForward, reason);
        Study.Header study = new Study.Header(pseudonymiser.pseudonym(raw.get(PATIENT_ID)), age, sex, weight, height,
                facility, station, identity.mask(raw.get(MANUFACTURER)), identity.mask(raw.get(MODEL)),
                accession, studyDatetime, modality, identity.mask(raw.get(STUDY_DESCRIPTION)),
                identity.mask(raw.get(INDICATION)));
        Acquisition given = new Acquisition(protocol, acquisition, region, eventDatetime, raw.get(EVENT_UID), contrast(raw));
        Measurements measured = new Measurements(kvp, mas, ctdivol, phantom, dlp, scanLength, ssde, effDiameter, wed, dap,
                fluoro);
        DoseCheckRecord doseCheck = alert == null ? null : new DoseCheckRecord(alert, ctdivolAlert, ctdivolForward,
                dlpAlert, dlpForward, reason == null || reason.isBlank() ? null : identity.mask(reason.trim()));
        return new ScanRow(raw.source(), study, given, measured, doseCheck, raw.extras().containsKey(RawRow.PATIENT_PER_STUDY),
                projection(raw, identity));
    }

    /**
     * The radiography and fluoroscopy values. The limits reject what no device reports: an exposure index of
     * 100,000 is a thousand times a typical one, a deviation index beyond ±30 a factor of 1,000 from the target,
     * and 100 Gy of air kerma or skin dose a unit mix-up (µGy read as mGy) rather than a patient.
     */
    private ProjectionDose projection(RawRow raw, IdentifyingValues identity) {
        String bodyPart = upper(identity.mask(raw.get(BODY_PART)));
        String view = upper(identity.mask(raw.get(VIEW)));
        Double ei = within(raw, EXPOSURE_INDEX, 0, 100_000, "is not a possible exposure index (0 to 100,000)");
        Double target = within(raw, TARGET_EXPOSURE_INDEX, 0, 100_000, "is not a possible target exposure index (0 to 100,000)");
        Double di = within(raw, DEVIATION_INDEX, -30, 30, "is not a possible deviation index (-30 to 30)");
        Double kar = within(raw, KA_R_MGY, 0, 100_000, "is not a possible reference air kerma (0 to 100,000 mGy)");
        Double psd = within(raw, PEAK_SKIN_DOSE_MGY, 0, 100_000, "is not a possible peak skin dose (0 to 100,000 mGy)");
        ProjectionDose p = ProjectionDose.of(bodyPart, view, ei, target, di, kar, psd, plane(raw));
        Double computed = p.computedDeviationIndex();
        if (di != null && computed != null && Math.abs(di - computed) > ProjectionDose.DEVIATION_INDEX_TOLERANCE) {
            warn(raw, DEVIATION_INDEX, "disagrees with 10·log10(exposure_index / target_exposure_index) = "
                    + fmt(computed) + "; the exported value is used");
        }
        return p;
    }

    private static String upper(String v) { return v == null ? null : v.trim().toUpperCase(Locale.ROOT); }

    private Double within(RawRow raw, CanonicalColumn c, double min, double max, String reason) {
        Double d = number(raw, c);
        if (d != null && (d < min || d > max)) throw new Fault(c, raw.get(c), reason);
        return d;
    }

    /** The plane of a biplane system, A or B; OpenREM writes "Plane A", and a single-plane system has plane A. */
    private static String plane(RawRow raw) {
        String v = raw.get(PLANE);
        if (v == null) return null;
        switch (v.trim().toUpperCase(Locale.ROOT)) {
            case "A": case "PLANE A": case "FRONTAL": case "SINGLE PLANE": case "SINGLE": return "A";
            case "B": case "PLANE B": case "LATERAL": return "B";
            default: throw new Fault(PLANE, v, "is not a plane (A or B)");
        }
    }

    /** The contrast column: yes or no, with or without, or both (an exam done with and without contrast). */
    private static Contrast contrast(RawRow raw) {
        String v = raw.get(CONTRAST);
        if (v == null) return null;
        switch (v.trim().toLowerCase(Locale.ROOT)) {
            case "yes": case "y": case "true": case "1": case "with": case "w": case "c+": return Contrast.WITH;
            case "no": case "n": case "false": case "0": case "without": case "wo": case "w/o": case "c-": return Contrast.WITHOUT;
            case "both": case "with and without": case "w/wo": return Contrast.BOTH;
            default: throw new Fault(CONTRAST, v, "is not with or without contrast (yes, no, with, without or both)");
        }
    }

    /**
     * The alert flag as given (a dose_check_alert column, or read from OpenREM's text), else derived from the
     * values: a forward estimate above its alert value, or a recorded reason, means the scanner alerted.
     */
    private Boolean doseCheckAlert(RawRow raw, Double dlpAlert, Double dlpForward, Double ctdivolAlert,
                                   Double ctdivolForward, String reason) {
        String given = raw.extras().get(DoseCheck.ALERT);
        if (given != null) {
            switch (given.trim().toLowerCase(Locale.ROOT)) {
                case "yes": case "y": case "true": case "1": return true;
                case "no": case "n": case "false": case "0": return false;
                default: throw new Fault(DoseCheck.ALERT, given, "is not yes or no");
            }
        }
        if (dlpAlert == null && dlpForward == null && ctdivolAlert == null && ctdivolForward == null && reason == null) return null;
        return (dlpForward != null && dlpAlert != null && dlpForward > dlpAlert)
                || (ctdivolForward != null && ctdivolAlert != null && ctdivolForward > ctdivolAlert)
                || (reason != null && !reason.isBlank());
    }

    /** A numeric extra attribute (dose-check values): a number, not negative, or the row is rejected. */
    private Double attribute(RawRow raw, String name) {
        String v = raw.extras().get(name);
        if (v == null || v.isBlank()) return null;
        String t = raw.decimalComma() ? DecimalComma.toDot(v) : v;
        if (t == null) throw new Fault(name, v, DecimalComma.MISPLACED_DOT);
        try {
            double d = Double.parseDouble(t.trim());
            if (!Double.isFinite(d) || t.endsWith("d") || t.endsWith("f") || t.endsWith("D") || t.endsWith("F")) throw new NumberFormatException();
            if (d < 0) throw new Fault(name, v, "is negative");
            return d;
        } catch (NumberFormatException e) {
            throw new Fault(name, v, "is not a number");
        }
    }

    /** A text no longer than the history store holds for its column; else the row is rejected, with the limit. */
    private static String storable(CanonicalColumn c, String v) {
        Integer limit = StoredTextLimits.LIMITS.get(c);
        if (v != null && limit != null && v.length() > limit) {
            throw new Fault(c, null, "is " + v.length() + " characters long; the history store holds at most " + limit);
        }
        return v;
    }

    /** A child's weight far beyond any growth chart is a swapped column or unit more often than a patient. */
    private static boolean implausibleForAge(double age, double weight) {
        return (age < 1 && weight > 20) || (age < 5 && weight > 60) || (age < 10 && weight > 120);
    }

    private double age(RawRow raw, LocalDateTime studyDatetime) {
        Double given = number(raw, AGE_YEARS);
        Double fromBirth = null;
        if (raw.get(BIRTH_DATE) != null) {
            // Read digit by digit when it is shaped so (nearly every row); the parser decides the rest.
            LocalDate birth = IdentifyingValues.isoShapedDate(raw.get(BIRTH_DATE));
            if (birth == null) {
                try {
                    birth = LocalDate.parse(raw.get(BIRTH_DATE));
                } catch (DateTimeParseException e) {
                    // Which day of which month would give the birth date away: the reason says no more than the form.
                    String local = LocalDateForm.withheldHint(BIRTH_DATE.header(), raw.get(BIRTH_DATE));
                    throw new Fault(BIRTH_DATE, raw.get(BIRTH_DATE), ImpossibleDate.why(raw.get(BIRTH_DATE)) != null
                            ? "names a day that is not in the calendar"
                            : "is not a date YYYY-MM-DD" + (local == null ? "" : "; " + local));
                }
            }
            // Calendar age, so every band edge holds on the birthday (see CalendarAge).
            fromBirth = org.alaraaudit.model.CalendarAge.years(birth, studyDatetime.toLocalDate());
            if (given == null && fromBirth < 0) {
                // The birth date itself is never echoed: reports must not carry it.
                throw new Fault(BIRTH_DATE, "(withheld)", "is after the study date");
            }
        }
        if (given == null && fromBirth == null) throw new Fault(AGE_YEARS, null, "is required (age_years or birth_date) but empty");
        // The birth date gives the exact calendar age, which every band edge and the 18th birthday need; an age_years
        // exported rounded (18.0 the day before the birthday) would move a child across them. age_years wins only where
        // the two disagree by more than 0.1 y: a birth date shifted or defaulted by the export.
        boolean disagree = given != null && fromBirth != null && (fromBirth < 0 || Math.abs(given - fromBirth) > AGE_AGREEMENT_YEARS);
        double age = fromBirth != null && !disagree ? fromBirth : given;
        if (age < 0 || age > 130) throw new Fault(AGE_YEARS, given != null ? raw.get(AGE_YEARS) : fmt(age), "is not a possible age (0 to 130 years)");
        if (disagree) {
            warnings.accept(new DataWarning(raw.source().file(), raw.source().line(), AGE_YEARS.header(), raw.get(AGE_YEARS),
                    "disagrees with birth_date by " + org.alaraaudit.model.ThresholdText.beside(Math.abs(given - fromBirth), 0.1, 2)
                    + " y (more than 0.1 y); age_years is used"));
        }
        return age;
    }

    /** How far age_years and the birth date's age may differ and still agree; a hair over 0.1, as 18.0 - 17.9 is in binary. */
    private static final double AGE_AGREEMENT_YEARS = 0.1 + 1e-9;

    private Integer phantom(RawRow raw) {
        String v = raw.get(PHANTOM);
        if (v == null) return null;
        String t = v.trim().toUpperCase(Locale.ROOT).replace(" CM", "").replace("CM", "");
        switch (t) {
            case "16": case "HEAD": case "IEC HEAD DOSIMETRY PHANTOM": return 16;
            case "32": case "BODY": case "IEC BODY DOSIMETRY PHANTOM": return 32;
            default: throw new Fault(PHANTOM, v, "is not a CTDI phantom (16, 32, HEAD or BODY)");
        }
    }

    private LocalDateTime dateTime(RawRow raw, CanonicalColumn c) {
        String v = raw.get(c);
        LocalDateTime read = readDateTime(v);
        if (read != null) return read;
        // In the right form, the calendar is what is wrong: say which day or hour does not exist.
        String why = ImpossibleDate.why(v);
        String local = why == null ? LocalDateForm.hint(c.header(), v) : null;
        throw new Fault(c, v, why != null ? why
                : "is not a date-time YYYY-MM-DDTHH:MM[:SS]" + (local == null ? "" : "; " + local));
    }

    /**
     * A date-time as the validator reads one (ISO, with 'T' or a space); null when it is no date-time. The one reading
     * of a study start, also where a rejected row's start must find the study the validator made of its other rows.
     */
    static LocalDateTime readDateTime(String v) {
        if (v == null) return null;
        LocalDateTime quick = plainDateTime(v);
        if (quick != null) return quick;
        try {
            return LocalDateTime.parse(v.replace(' ', 'T'));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /**
     * YYYY-MM-DD[T ]HH:MM[:SS], the layout nearly every export uses, read digit by digit: the general ISO parser
     * was a tenth of reading. Anything else, or an impossible date, is left to it (null here).
     */
    static LocalDateTime plainDateTime(String v) {
        int n = v.length();
        if (n != 16 && n != 19) return null;
        if (v.charAt(4) != '-' || v.charAt(7) != '-' || (v.charAt(10) != 'T' && v.charAt(10) != ' ') || v.charAt(13) != ':') return null;
        if (n == 19 && v.charAt(16) != ':') return null;
        int year = digits(v, 0, 4);
        int month = digits(v, 5, 2);
        int day = digits(v, 8, 2);
        int hour = digits(v, 11, 2);
        int minute = digits(v, 14, 2);
        int second = n == 19 ? digits(v, 17, 2) : 0;
        if ((year | month | day | hour | minute | second) < 0) return null;
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static int digits(String v, int from, int count) {
        int out = 0;
        for (int i = from; i < from + count; i++) {
            char ch = v.charAt(i);
            if (ch < '0' || ch > '9') return -1;
            out = out * 10 + (ch - '0');
        }
        return out;
    }

    private Double dose(RawRow raw, CanonicalColumn c) {
        Double d = number(raw, c);
        if (d != null && d < 0) throw new Fault(c, raw.get(c), "is negative");
        return d;
    }

    private Double number(RawRow raw, CanonicalColumn c) {
        String v = raw.get(c);
        if (v == null) return null;
        String t = raw.decimalComma() ? DecimalComma.toDot(v) : v;
        if (t == null) throw new Fault(c, v, DecimalComma.MISPLACED_DOT);
        try {
            double d = Double.parseDouble(t);
            if (Double.isNaN(d) || Double.isInfinite(d) || t.endsWith("d") || t.endsWith("f") || t.endsWith("D") || t.endsWith("F")) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new Fault(c, v, "is not a number");
        }
    }

    private <E extends Enum<E>> E parseEnum(RawRow raw, CanonicalColumn c, Class<E> type) {
        String v = raw.get(c);
        try {
            return Enum.valueOf(type, v.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new Fault(c, v, "is not one of " + java.util.Arrays.toString(type.getEnumConstants()).replaceAll("[\\[\\]]", ""));
        }
    }

    private void warn(RawRow raw, CanonicalColumn c, String reason) {
        warnings.accept(new DataWarning(raw.source().file(), raw.source().line(), c.header(), raw.get(c), reason));
    }

    static String fmt(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e15) return String.valueOf((long) d);
        return String.format(Locale.ROOT, "%.2f", d);
    }

    /**
     * A cell of a rejected row as reports may show it: null when empty or longer than the store takes for the column
     * (a quoted cell that runs over lines may hold other lines' text, other patients' identifiers among it), withheld when it
     * may identify the patient.
     */
    private static String cell(IdentifyingValues identity, RawRow raw, CanonicalColumn column) {
        String v = raw.get(column);
        if (v == null || v.isBlank()) return null;
        Integer limit = StoredTextLimits.LIMITS.get(column);
        if (v.length() > (limit == null ? 64 : limit)) return null;
        return shown(identity, column.header(), v.trim());
    }
}
