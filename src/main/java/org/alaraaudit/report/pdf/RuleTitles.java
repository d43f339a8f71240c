package org.alaraaudit.report.pdf;

import java.util.Map;

/**
 * Plain-language names for the rule ids (the ids stay beside them, since findings files and the workbook use
 * them) and the first step a physicist would usually take when a rule fires at a site.
 */
final class RuleTitles {
    private record Entry(String title, String action) {}

    private static final Map<String, Entry> ENTRIES = Map.ofEntries(
            Map.entry("PEDIATRIC_ADULT_PROTOCOL", new Entry("Adult protocol used on a child",
                    "review protocol selection with the technologists and make the pediatric protocols the default choice for children")),
            Map.entry("PEDIATRIC_PROTOCOL_SIZE_MISMATCH", new Entry("Pediatric protocol outside its size range",
                    "check that the size-banded pediatric protocols are chosen by the patient's age or weight")),
            Map.entry("UNMAPPED_PROTOCOL", new Entry("Protocol not in the catalog",
                    "add these protocol names to the protocol catalog so they are audited against their expected ranges")),
            Map.entry("CT_NOTIFICATION_VALUE", new Entry("CTDIvol above the notification value",
                    "confirm each exam was justified and review the protocol's technique factors against the notification value")),
            Map.entry("CT_ALERT_VALUE", new Entry("Accumulated CTDIvol above the alert value",
                    "investigate each study as a potential dose incident and document the review")),
            Map.entry("DOSE_ABOVE_EXPECTED_RANGE", new Entry("Dose above the protocol's expected range",
                    "review these exams under The Joint Commission PI.02.01.01 EP 6 and check the protocol's parameters")),
            Map.entry("DOSE_BELOW_EXPECTED_RANGE", new Entry("Dose below the protocol's expected range",
                    "check image quality and whether the right protocol was used")),
            Map.entry("DRL_MEDIAN_EXCEEDED", new Entry("Facility median above the DRL",
                    "start a protocol optimisation review for this exam type and band (ICRP 135)")),
            Map.entry("REPEAT_STUDY", new Entry("Repeat CT within the repeat window",
                    "review the reasons for the repeats (motion, wrong range, technical failure) with the department")),
            Map.entry("PEDIATRIC_MULTIPHASE", new Entry("Multiphase CT on a child",
                    "confirm the clinical indication for each extra phase; one phase is often enough (Image Gently)")),
            Map.entry("CUMULATIVE_DOSE", new Entry("High cumulative dose",
                    "review the imaging history of these patients with the referring teams")),
            Map.entry("PEDIATRIC_HIGH_KVP", new Entry("High kVp on a small child",
                    "review the kVp of the pediatric body protocols (child-size the kVp, Image Gently)")),
            Map.entry("PEDIATRIC_BODY_32CM_PHANTOM", new Entry("Pediatric body dose on the 32 cm phantom",
                    "record SSDE alongside CTDIvol for children, as the 32 cm value understates their dose")),
            Map.entry("PEDIATRIC_REGION_UNKNOWN", new Entry("Child's CT series of unknown region",
                    "fill in the target region (or map the protocol in the catalog) so each series meets its own notification value")),
            Map.entry("DOSE_DATA_MISSING", new Entry("Dose data missing",
                    "fix the dose export so every diagnostic acquisition carries CTDIvol and DLP")),
            Map.entry("DOSE_CHECK_OVERRIDDEN", new Entry("Dose Check alert overridden without a reason",
                    "remind operators to record a reason whenever they proceed past a Dose Check alert (NEMA XR 25)")),
            Map.entry("NONIONIZING_ALTERNATIVE", new Entry("CT where ultrasound or MRI is preferred",
                    "review the justification of these exams with the referrers")));

    private RuleTitles() {}

    /** The rule's title; an unknown id (a site's own rule) in words, never raw. */
    static String title(String ruleId) {
        Entry e = ENTRIES.get(ruleId);
        return e == null ? (ruleId == null ? "" : ruleId.replace('_', ' ')) : e.title();
    }

    /** The rule's title, or null when the id is not a known rule. */
    static String titleOrNull(String id) {
        Entry e = ENTRIES.get(id);
        return e == null ? null : e.title();
    }

    static java.util.Set<String> ruleIds() { return ENTRIES.keySet(); }

    static String action(String ruleId) {
        Entry e = ENTRIES.get(ruleId);
        return e == null ? "review the findings of this rule" : e.action();
    }
}
