package org.alaraaudit.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.alaraaudit.audit.PatientDoses;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.Study;
import org.alaraaudit.rules.RuleEngine;
import org.alaraaudit.scanlog.ScanRow;
import scala.Tuple2;

/**
 * One partition of patients on an executor: each patient's rows become studies and their doses are assessed as
 * on one machine, and the rules get them in batches of patients, one rule session per batch. Stored studies of
 * earlier runs do not take part: the cluster audit keeps no history store.
 */
final class PatientRules {
    private static final Comparator<FileRead.Row> INPUT_ORDER =
            Comparator.comparingInt(FileRead.Row::file).thenComparingInt(FileRead.Row::ordinal);

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

    static Iterator<byte[]> findings(Iterator<Tuple2<String, Iterable<FileRead.Row>>> patients, AuditSettings settings) {
        ExecutorRules rules = ExecutorRules.of(settings);
        List<byte[]> out = new ArrayList<>();
        List<List<Study>> batchStudies = new ArrayList<>();
        List<List<?>> batchFacts = new ArrayList<>();
        int batchSize = 0;
        while (patients.hasNext()) {
            List<ScanRow> patientRows = rows(patients.next()._2());
            List<Study> assembled = rules.assembler.assemble(patientRows);
            PatientDoses.Assessment dose = rules.doses.assess(assembled, settings.period().to());
            // A stand-in patient for one study of an export without identifiers: no cumulative dose facts.
            List<?> facts = patientRows.get(0).patientPerStudy() ? List.of() : dose.facts();
            batchStudies.add(assembled);
            batchFacts.add(facts);
            batchSize += facts.size() + patientRows.size() + assembled.size();
            if (batchSize >= RuleEngine.BATCH_FACTS) {
                evaluate(rules.engine, batchStudies, batchFacts, out);
                batchSize = 0;
            }
        }
        if (!batchStudies.isEmpty()) evaluate(rules.engine, batchStudies, batchFacts, out);
        return out.iterator();
    }

    private static void evaluate(RuleEngine engine, List<List<Study>> studies, List<List<?>> facts, List<byte[]> out) {
        for (Finding f : engine.evaluatePatients(studies, facts)) out.add(Encoded.finding(f));
        studies.clear();
        facts.clear();
    }
}
