package org.alaraaudit.model;

/**
 * A row of tables/nonionizing-alternatives.csv: an indication for which guidelines recommend ultrasound or MRI
 * before CT in children. Inserted into every patient session, so the rule reads as the policy does.
 */
public record ImagingAlternative(Glob pattern, String preferredModality, String guideline, Double maxAgeYears,
                                 String source, long line) {

    /** Case-insensitive glob on the indication, then on the study description. */
    public boolean matches(Study s) {
        if (maxAgeYears != null && s.getAgeYears() >= maxAgeYears) return false;
        return pattern.matches(s.getIndication()) || pattern.matches(s.getStudyDescription());
    }

    /** Which text matched, for the message. */
    public String matchedText(Study s) {
        if (pattern.matches(s.getIndication())) return "indication '" + s.getIndication().trim() + "'";
        return "study description '" + s.getStudyDescription().trim() + "'";
    }

    public long getLine() { return line; }

    public String getPreferredModality() { return preferredModality; }
}
