package org.alaraaudit.model;

import java.util.Locale;
import java.util.Optional;

/**
 * How far a default reference value was verified: read in the publication itself, read in a transcription of it,
 * a choice of the tool's defaults, or a number whose own source was not found. A report never presents a value as
 * stronger than its status, and an unverified value is never the sole basis of a CRITICAL finding.
 */
public enum ReferenceStatus {
    PRIMARY("primary", "read in the publication"),
    SECONDARY("secondary", "from a secondary source"),
    /**
     * Worded without "(default)": the tool's defaults and a site's own numbers share this status, and each row's
     * source says which ("local policy (default): reason" as shipped, the site's own words, or "local policy: the
     * site's 40 ... in place of 50" for a number changed under a built-in citation).
     */
    LOCAL_POLICY("local-policy", "local policy"),
    UNVERIFIED("unverified", "unverified");

    private final String code;
    private final String wording;

    ReferenceStatus(String code, String wording) {
        this.code = code;
        this.wording = wording;
    }

    /** As written in a table's {@code status} column: {@code primary}, {@code secondary}, {@code local-policy}, {@code unverified}. */
    public String code() { return code; }

    /** The status in a reviewer's words. */
    public String wording() { return wording; }

    /** At least secondary: a value a CRITICAL finding may rest on. */
    public boolean isPublished() { return this == PRIMARY || this == SECONDARY; }

    /**
     * A status as a table or a citation spells it, in a reviewer's words ("from a secondary source"); text that is no
     * status code ("confirmed by NAME on DATE") as it is; null for none.
     */
    public static String words(String status) {
        return status == null ? null : parse(status).map(ReferenceStatus::wording).orElse(status);
    }

    /**
     * A citation with its status, as a reader meets it: "SOURCE (from a secondary source)", the status always last, where
     * a reviewer looks for it (also after a source that begins "local policy"). A range whose upper end is published and
     * whose lower end is local policy says which end the status is of, as the lower end's own words say its.
     */
    public static String cited(String source, String status) {
        String words = words(status);
        if (words == null || source == null) return source;
        boolean localPolicy = words.equals(LOCAL_POLICY.wording);
        // An upper end set by local policy at a published value (a DRL's, as one exam's screening level): the choice is
        // the site's, the value has the row's status.
        if (!localPolicy && source.startsWith("upper end: " + LOCAL_POLICY.wording)) {
            return source + " (" + (source.contains(" DRL") ? "the DRL's value " : "the upper end's value ") + words + ")";
        }
        if (!localPolicy && source.startsWith("upper end: ") && source.contains("; lower end: " + LOCAL_POLICY.wording)) {
            return source + " (upper end " + words + ")";
        }
        return source + " (" + words + ")";
    }

    public static Optional<ReferenceStatus> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ReferenceStatus s : values()) if (s.code.equals(t)) return Optional.of(s);
        return Optional.empty();
    }
}
