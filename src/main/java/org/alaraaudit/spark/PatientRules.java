package org.alaraaudit.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.alaraaudit.audit.PatientDoses;
import org.alaraaudit.audit.StudyAssembler;
import org.alaraaudit.audit.aggregate.DoseSample;
import org.alaraaudit.audit.aggregate.PeriodEvents;
import org.alaraaudit.audit.aggregate.PeriodTally;
import org.alaraaudit.audit.aggregate.ProjectionTally;
import org.alaraaudit.audit.spill.SpillOut;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.scanlog.DataWarning;
import org.alaraaudit.scanlog.IncompleteStudies;
import org.alaraaudit.scanlog.ScanRow;
import scala.Tuple2;

/**
 * One partition of patients on an executor: each patient's rows become studies and their doses are assessed as
 * on one machine, and the rules get them in batches of patients, one rule session per batch. The partition's
 * studies are tallied for the period's aggregates here too, by the single-machine tallies, with their dose values
 * sent on for Spark to find the exact medians. Stored studies of earlier runs do not take part: the cluster audit
 * keeps no history store.
 */
final class PatientRules {
    private static final Comparator<FileRead.Row> INPUT_ORDER =
            Comparator.comparingInt(FileRead.Row::file).thenComparingInt(FileRead.Row::ordinal);

    /** What a partition of patients yields: its findings, its part of the period's tallies, and its dose values. */
    sealed interface Output extends Serializable permits Found, Tallied, Dose, Warned {}

    /** A finding, encoded. */
    record Found(byte[] finding) implements Output {}

    /** The partition's period, radiography and scanner tallies, encoded; one per partition. */
    record Tallied(byte[] tallies) implements Output {}

    /** One value of a dose sample (a DRL group, a protocol's CTDIvol, ...), named by the sample's id. */
    record Dose(String sample, double value) implements Output {}

    /** A data warning of study assembly (rows of one accession on two scanners or days), as its fields. */
    record Warned(String file, long line, String column, String value, String reason) implements Output {
        DataWarning warning() { return new DataWarning(file, line, column, value, reason); }
    }

    private PatientRules() {}

    /** A patient's rows in input order, as the single-machine audit hands them over. */
    static List<ScanRow> rows(Iterable<FileRead.Row> patientRows) {
        List<FileRead.Row> sorted = new ArrayList<>();
        patientRows.forEach(sorted::add);
        sorted.sort(INPUT_ORDER);
        List<ScanRow> out = new ArrayList<>(sorted.size());
        for (FileRead.Row r : sorted) out.add(Encoded.row(r.row()));
        return out;
    }

    static Iterator<Output> evaluate(Iterator<Tuple2<String, Iterable<FileRead.Row>>> patients, AuditSettings settings,
                                     IncompleteStudies incomplete) {
        ExecutorRules rules = ExecutorRules.of(settings);
        List<Output> out = new ArrayList<>();
        DoseSample.Elsewhere values = new DoseSample.Elsewhere() {
            @Override
            public void add(String sample, double value) { out.add(new Dose(sample, value)); }

            @Override
            public double[] quantiles(String sample) { throw new IllegalStateException("a partition's tally is never frozen"); }
        };
        PeriodTally tally = new PeriodTally(rules.policy.getDrlMinSampleStudies(), rules.engine.estimates()::ssdeMgy, values);
        ProjectionTally projection = new ProjectionTally(rules.policy, rules.ruleSet.tables().projectionLevels(), values);
        PeriodEvents.Collector scanners = PeriodEvents.Collector.scannersOnly();
        // Its own per partition: the warnings go into this partition's output, as the single machine's go to its list.
        StudyAssembler assembler = new StudyAssembler(rules.ruleSet.tables(), rules.policy.getDrlSet(),
                rules.policy.getPediatricAgeYears(), settings.period(),
                w -> out.add(new Warned(w.file(), w.line(), w.column(), w.value(), w.reason())), incomplete);
        List<List<Study>> batchStudies = new ArrayList<>();
        List<List<?>> batchFacts = new ArrayList<>();
        int batchSize = 0;
        while (patients.hasNext()) {
            List<ScanRow> patientRows = rows(patients.next()._2());
            List<Study> assembled = assembler.assemble(patientRows);
            PatientDoses.Assessment dose = rules.doses.assess(assembled, settings.period().to());
            // A stand-in patient for one study of an export without identifiers: no cumulative dose facts.
            boolean standIn = patientRows.get(0).patientPerStudy();
            List<?> facts = standIn ? List.of() : dose.facts();
            if (!standIn && dose.pediatricCtInPeriod()) tally.addPediatricMarrowDose(dose.marrowMgy());
            assembled.forEach(tally::add);
            assembled.forEach(scanners::add);
            projection.addPatient(assembled);
            batchStudies.add(assembled);
            batchFacts.add(facts);
            batchSize += facts.size() + patientRows.size() + assembled.size();
            if (batchSize >= RuleEngine.BATCH_FACTS) {
                evaluate(rules.engine, batchStudies, batchFacts, out);
                batchSize = 0;
            }
        }
        if (!batchStudies.isEmpty()) evaluate(rules.engine, batchStudies, batchFacts, out);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 12);
        try (SpillOut o = new SpillOut(bytes, 0)) {
            tally.write(o, rules.ruleSet.tables().referenceLevels());
            projection.write(o);
            scanners.write(o);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.add(new Tallied(bytes.toByteArray()));
        return out.iterator();
    }

    private static void evaluate(RuleEngine engine, List<List<Study>> studies, List<List<?>> facts, List<Output> out) {
        for (Finding f : engine.evaluatePatients(studies, facts)) out.add(new Found(Encoded.finding(f)));
        studies.clear();
        facts.clear();
    }
}
