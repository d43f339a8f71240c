package org.alaraaudit.scanlog;

import java.util.HashMap;
import java.util.Map;

/**
 * The accession numbers of the dose reports of one run, with the Study Instance UID each first came with. A study is
 * (facility, accession number) wherever the audit groups rows, yet a dose report names its study by UID as well, and
 * anonymised or registry data often reuse one accession (a constant such as "ANON", or the same number at two sites
 * merged into one name): two reports of one accession and different UIDs are two studies, and audited as one they
 * would take the first report's scanner, start and age. The later report's accession is then written with its UID,
 * "ACC / 1.2.3" (within the 100 characters the history store keeps: an accession has at most 16, a UID 64), so the
 * two stay apart and a reviewer can find each. Reports of one UID (a scanner's cumulative reports of one study)
 * keep the accession as it is.
 */
final class ReusedAccessions {
    private final Map<String, String> firstUid = new HashMap<>();

    /** The accession as the run reads it for this report: as written, or with the UID when another study has it. */
    synchronized String accession(String institution, String accession, String studyUid) {
        if (accession == null || studyUid == null) return accession;
        String first = firstUid.putIfAbsent((institution == null ? "" : institution) + "\u001f" + accession, studyUid);
        return first == null || first.equals(studyUid) ? accession : accession + " / " + studyUid;
    }
}
