package org.alaraaudit.scanlog;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The accession numbers of the dose reports of one run, with the Study Instance UIDs each came with. A study is
 * (facility, accession number) wherever the audit groups rows, yet a dose report names its study by UID as well, and
 * anonymised or registry data often reuse one accession (a constant such as "ANON", or two studies anonymised to one
 * number): two reports of one accession and different UIDs are two studies, and audited as one they would take one
 * report's scanner, start and age for both. Every report of such an accession is read with its UID after it,
 * "ACC / 1.2.3" (within the 100 characters the history store keeps: an accession has at most 16, a UID 64), so the
 * studies stay apart and a reviewer can find each. Reports of one UID (a scanner's cumulative reports of one study)
 * keep the accession as it is.
 *
 * <p>Whether an accession is reused is known only once every report has been seen: a run opens each input once to
 * check it before reading any row ({@link ScanLogInput}), and a pull does the same, so what a report's rows say never
 * depends on the order the reports come in.
 */
final class ReusedAccessions {
    private final Map<String, String> firstUid = new HashMap<>();
    private final Set<String> reused = new HashSet<>();

    /** A report of this institution, accession and study was opened. */
    synchronized void seen(String institution, String accession, String studyUid) {
        if (accession == null || studyUid == null) return;
        String key = key(institution, accession);
        String first = firstUid.putIfAbsent(key, studyUid);
        if (first != null && !first.equals(studyUid)) reused.add(key);
    }

    /** The accession as the run reads it for this report: as written, or with the UID when another study has it too. */
    synchronized String accession(String institution, String accession, String studyUid) {
        if (accession == null || studyUid == null) return accession;
        return reused.contains(key(institution, accession)) ? accession + " / " + studyUid : accession;
    }

    private static String key(String institution, String accession) {
        return (institution == null ? "" : institution) + "\u001f" + accession;
    }
}
