package org.alaraaudit.audit;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.alaraaudit.model.Acquisition;
import org.alaraaudit.model.CatalogEntry;
import org.alaraaudit.model.Contrast;
import org.alaraaudit.model.EventRecord;
import org.alaraaudit.model.Measurements;
import org.alaraaudit.model.Modality;
import org.alaraaudit.model.NotificationValue;
import org.alaraaudit.model.ReferenceLevel;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TargetRegion;
import org.alaraaudit.rules.PolicyTables;
import org.alaraaudit.rules.ReferenceLevels;
import org.alaraaudit.scanlog.IncompleteStudies;
import org.alaraaudit.scanlog.ScanRow;

/**
 * Builds a patient's studies from their validated rows and resolves each event against the policy tables: its
 * catalog protocol, region, phantom, notification value and DRL band.
 */
public final class StudyAssembler {
    private final PolicyTables tables;
    private final List<ReferenceLevel> drlSet;
    /** The set's rows written for adults (their age band starts at the pediatric limit or later). */
    private final List<ReferenceLevel> adultDrls;
    private final double pediatricAgeYears;
    private final AuditPeriod period;
    /** Where a study's rows that disagree on its station or start are told: the one machine's data warnings. */
    private final java.util.function.Consumer<org.alaraaudit.scanlog.DataWarning> warnings;
    private final IncompleteStudies incomplete;

    public StudyAssembler(PolicyTables tables, String drlSet, double pediatricAgeYears, AuditPeriod period) {
        this(tables, drlSet, pediatricAgeYears, period, w -> { });
    }

    public StudyAssembler(PolicyTables tables, String drlSet, double pediatricAgeYears, AuditPeriod period,
                          java.util.function.Consumer<org.alaraaudit.scanlog.DataWarning> warnings) {
        this(tables, drlSet, pediatricAgeYears, period, warnings, IncompleteStudies.NONE);
    }

    /** {@code incomplete}: the studies that lost rows to the validation, which each study is told of. */
    public StudyAssembler(PolicyTables tables, String drlSet, double pediatricAgeYears, AuditPeriod period,
                          java.util.function.Consumer<org.alaraaudit.scanlog.DataWarning> warnings, IncompleteStudies incomplete) {
        this.warnings = warnings;
        this.incomplete = incomplete;
        this.tables = tables;
        this.drlSet = tables.referenceLevels().set(drlSet);
        this.pediatricAgeYears = pediatricAgeYears;
        this.period = period;
        // An adult is judged only against adult rows: a pediatric band open upwards (EU ">=6 y") is not meant for them.
        this.adultDrls = this.drlSet.stream()
                .filter(l -> l.ageYears().min() != null && l.ageYears().min() >= pediatricAgeYears).toList();
    }

    public List<Study> assemble(List<ScanRow> patientRows) {
        // Keyed by facility and accession as a pair: joining them into one text for every row cost more than the map.
        Map<StudyId, List<ScanRow>> byStudy = new LinkedHashMap<>();
        for (ScanRow r : patientRows) {
            byStudy.computeIfAbsent(new StudyId(r.study().facility(), r.study().accessionNumber()), k -> new ArrayList<>()).add(r);
        }
        List<Study> studies = new ArrayList<>(byStudy.size());
        for (List<ScanRow> rows : byStudy.values()) studies.add(study(rows));
        studies.sort(Comparator.comparing(Study::getStudyDatetime).thenComparing(Study::getKey));
        return studies;
    }

    private record StudyId(String facility, String accessionNumber) {}

    private Study study(List<ScanRow> rows) {
        ScanRow first = rows.stream().min(Comparator.comparing(ScanRow::source)).orElseThrow();
        Study.Header h = first.study();
        for (ScanRow r : rows) {
            Study.Header other = r.study();
            if (r == first || java.util.Objects.equals(other.stationName(), h.stationName()) && other.studyDatetime().equals(h.studyDatetime())) continue;
            // One facility and accession is one study; rows that disagree on its station or start are most likely two
            // studies under a reused accession number, and the study takes the first row's: the reader must know.
            warnings.accept(new org.alaraaudit.scanlog.DataWarning(r.source().file(), r.source().line(), "accession_number",
                    h.accessionNumber(), "shares facility and accession number with " + first.source() + " (station "
                    + h.stationName() + ", study " + h.studyDatetime() + ") but gives station " + other.stationName() + ", study "
                    + other.studyDatetime() + ": audited as one study with the first row's station and start; if they are two"
                    + " studies, the export reuses accession numbers"));
        }
        boolean pediatric = h.ageYears() < pediatricAgeYears;
        Contrast contrast = h.modality() == Modality.CT ? contrast(rows) : null;
        List<EventRecord> events = new ArrayList<>(rows.size());
        for (ScanRow r : rows) events.add(event(r, h, pediatric, contrast));
        return new Study(h, pediatric, period.contains(h.studyDatetime()), events,
                incomplete.rejectedLines(h.facility(), h.accessionNumber(), h.patientRef(), h.studyDatetime()));
    }

    /**
     * A run has a few hundred distinct protocol names at its stations and millions of events: each pair (and the
     * exam's contrast, which a catalog row may name) is matched against the catalog's globs once. Bounded, so a
     * log of unique names cannot grow it without end. Concurrent: a Spark executor's task threads share one assembler.
     */
    private final java.util.Map<String, java.util.Optional<CatalogEntry>> matched = new java.util.concurrent.ConcurrentHashMap<>();
    private static final int MATCH_CACHE = 50_000;

    private CatalogEntry catalogEntry(String protocolName, String stationName, Contrast contrast) {
        if (protocolName == null) return null;
        String key = (contrast == null ? "-" : contrast.name()) + "\u001f" + (stationName == null ? "\u0000" : stationName) + "\u001f" + protocolName;
        java.util.Optional<CatalogEntry> found = matched.get(key);
        if (found == null) {
            found = tables.catalog().match(protocolName, stationName, contrast);
            if (matched.size() < MATCH_CACHE) matched.put(key, found);
        }
        return found.orElse(null);
    }

    /**
     * The exam's contrast, as the DRL sets class exams: each row says it by the contrast column, else by its
     * protocol name, else by the study description (tables/contrast-patterns.csv); rows that differ make an exam
     * done both ways; null when no row says.
     */
    private Contrast contrast(List<ScanRow> rows) {
        Contrast exam = null;
        for (ScanRow r : rows) {
            Contrast c = r.acquisition().contrast();
            if (c == null) c = contrastSaid(r.acquisition().protocolName());
            if (c == null) c = contrastSaid(r.study().studyDescription());
            exam = Contrast.combine(exam, c);
        }
        return exam;
    }

    /**
     * What a protocol name or description says of contrast: a run has few distinct ones, each matched against the
     * patterns once (matching every row was a third of assembling studies). Bounded, like the catalog's matches.
     */
    private final java.util.Map<String, java.util.Optional<Contrast>> contrastSaid = new java.util.concurrent.ConcurrentHashMap<>();

    private Contrast contrastSaid(String text) {
        if (text == null) return null;
        java.util.Optional<Contrast> said = contrastSaid.get(text);
        if (said == null) {
            said = java.util.Optional.ofNullable(tables.contrastPatterns().of(text));
            if (contrastSaid.size() < MATCH_CACHE) contrastSaid.put(text, said);
        }
        return said.orElse(null);
    }

    /** Judged by the study's age and weight (its first row's), the row's own modality, station and description. */
    private EventRecord event(ScanRow r, Study.Header study, boolean pediatric, Contrast contrast) {
        Acquisition given = r.acquisition();
        Measurements measured = r.measurements();
        Study.Header own = r.study();
        // Radiographs are matched too: a child's exposure with an adult radiography protocol is the CT finding's twin.
        CatalogEntry protocol = own.modality() == Modality.CT || own.modality() == Modality.DX || own.modality() == Modality.CR
                ? catalogEntry(given.protocolName(), own.stationName(), contrast) : null;
        TargetRegion region = region(given, own, protocol);
        int phantom = measured.phantomCm() != null ? measured.phantomCm() : (region == TargetRegion.HEAD ? 16 : 32);
        NotificationValue notification = null;
        ReferenceLevel drl = null;
        if (own.modality() == Modality.CT) {
            notification = tables.notificationValues().forSeries(region, given.acquisitionType(), study.ageYears(), phantom, pediatric,
                    protocol == null ? null : protocol.notificationCategory()).orElse(null);
            drl = ReferenceLevels.bandFor(pediatric ? drlSet : adultDrls, region, contrast, study.ageYears(), study.weightKg())
                    .orElse(null);
        }
        return new EventRecord(r.source(), given, measured, protocol, region, phantom, notification, drl, r.doseCheck(),
                tables.seriesKinds().classify(given.acquisitionType(), given.protocolName(), measured.ctdivolMgy()), contrast,
                r.projection());
    }

    /** Given in the row, else from the protocol catalog, else from the protocol name and study description. */
    private static TargetRegion region(Acquisition given, Study.Header study, CatalogEntry protocol) {
        if (given.targetRegion() != null) return given.targetRegion();
        if (protocol != null && protocol.targetRegion() != null) return protocol.targetRegion();
        Optional<TargetRegion> inferred = TargetRegion.infer(given.protocolName());
        if (inferred.isEmpty()) inferred = TargetRegion.infer(study.studyDescription());
        return inferred.orElse(TargetRegion.OTHER);
    }
}
