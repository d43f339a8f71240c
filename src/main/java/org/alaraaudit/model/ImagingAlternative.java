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

    /**
     * Where the table matched and the words it matched, for the message; never the whole text, which is the
     * clinician's note about one patient and may name more than the policy needs.
     */
    public String matchedText(Study s) {
        if (pattern.matches(s.getIndication())) return quoted("indication", pattern.matchedPieces(s.getIndication()));
        return quoted("study description", pattern.matchedPieces(s.getStudyDescription()));
    }

    private static String quoted(String where, String words) {
        return words == null ? where : where + " '" + words + "'";
    }

    public long getLine() { return line; }

    public String getPreferredModality() { return preferredModality; }
}
