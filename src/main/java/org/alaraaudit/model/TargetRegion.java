package org.alaraaudit.model;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The body region an irradiation event covers, as the canonical scan log names it. */
public enum TargetRegion {
    HEAD("Head", Part.HEAD),
    NECK("Neck", Part.NECK),
    CHEST("Chest", Part.CHEST),
    ABDOMEN("Abdomen", Part.ABDOMEN),
    PELVIS("Pelvis", Part.PELVIS),
    ABDOMEN_PELVIS("Abdomen and Pelvis", Part.ABDOMEN, Part.PELVIS),
    CHEST_ABDOMEN_PELVIS("Chest, Abdomen and Pelvis", Part.CHEST, Part.ABDOMEN, Part.PELVIS),
    SPINE("Spine", Part.SPINE),
    EXTREMITY("Extremity", Part.EXTREMITY),
    WHOLE_BODY("Entire body", Part.values()),
    /**
     * Not known, or none of the others: it covers no known part, so it overlaps nothing, not even another OTHER
     * (two scans of unknown region may be of any two parts; calling them a repeat would be a guess).
     */
    OTHER("Other");

    /** Anatomical parts, so that regions that share a part count as overlapping (a repeat, an accumulation). */
    private enum Part { HEAD, NECK, CHEST, ABDOMEN, PELVIS, SPINE, EXTREMITY }

    private final String codeMeaning;
    private final Set<Part> parts;

    TargetRegion(String codeMeaning, Part... parts) {
        this.codeMeaning = codeMeaning;
        this.parts = EnumSet.noneOf(Part.class);
        this.parts.addAll(java.util.List.of(parts));
    }

    public String codeMeaning() { return codeMeaning; }

    public boolean overlaps(TargetRegion other) {
        if (other == null) return false;
        for (Part p : parts) if (other.parts.contains(p)) return true;
        return false;
    }

    /**
     * Every part of the other region is in this one: a chest-abdomen-pelvis scan covers the chest, an
     * abdomen-pelvis scan covers the abdomen. A region of no known part (OTHER) is covered by nothing.
     */
    public boolean covers(TargetRegion other) {
        return other != null && COVERS[ordinal()][other.ordinal()];
    }

    /** The regions, shared: {@code values()} copies its array at every call, and the rules ask per study. */
    static final TargetRegion[] ALL = values();

    /** {@link #covers} of every pair, worked out once from the parts. */
    private static final boolean[][] COVERS = new boolean[ALL.length][ALL.length];

    /** The regions each region covers, itself included: what a study's per-region sums add an event to. */
    private static final TargetRegion[][] COVERED = new TargetRegion[ALL.length][];

    static {
        for (TargetRegion a : ALL) {
            for (TargetRegion b : ALL) COVERS[a.ordinal()][b.ordinal()] = !b.parts.isEmpty() && a.parts.containsAll(b.parts);
        }
        for (TargetRegion a : ALL) {
            COVERED[a.ordinal()] = java.util.Arrays.stream(ALL).filter(b -> COVERS[a.ordinal()][b.ordinal()]).toArray(TargetRegion[]::new);
        }
    }

    /** The regions this one covers (shared: not to be changed). */
    TargetRegion[] covered() { return COVERED[ordinal()]; }

    /** How many anatomical parts the region spans: the wider of two regions that tie is named. */
    public int width() { return parts.size(); }

    /** Head and neck scans are judged on the head phantom; everything else is body. */
    public boolean isHead() { return this == HEAD; }

    public boolean isBody() { return this != HEAD && this != NECK && this != EXTREMITY && this != OTHER; }

    /** Accepts the short token or the DICOM code meaning, in any case ("Chest, Abdomen and Pelvis"). */
    public static Optional<TargetRegion> parse(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = text.trim();
        String token = t.toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (TargetRegion r : values()) {
            if (r.name().equals(token) || r.codeMeaning.equalsIgnoreCase(t)) return Optional.of(r);
        }
        String norm = t.toLowerCase(Locale.ROOT).replaceAll("[^a-z]+", " ").trim();
        switch (norm) {
            case "chest abdomen pelvis": case "chest abdomen and pelvis": return Optional.of(CHEST_ABDOMEN_PELVIS);
            case "abdomen pelvis": case "abdomen and pelvis": return Optional.of(ABDOMEN_PELVIS);
            case "whole body": case "entire body": return Optional.of(WHOLE_BODY);
            case "head and neck": return Optional.of(HEAD);
            case "thorax": return Optional.of(CHEST);
            case "brain": case "skull": return Optional.of(HEAD);
            default: return Optional.empty();
        }
    }

    /**
     * The region a protocol name or study description names, for exports that leave target_region blank.
     * Multi-region names are tried first, so "CHEST ABD PELVIS" is not read as a chest.
     */
    public static Optional<TargetRegion> infer(String text) {
        if (text == null || text.isBlank()) return Optional.empty();
        String t = " " + text.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").trim() + " ";
        for (Object[] k : KEYWORDS) {
            for (String w : (String[]) k[1]) if (t.contains(" " + w + " ") || (w.endsWith("*") && t.contains(" " + w.substring(0, w.length() - 1)))) {
                return Optional.of((TargetRegion) k[0]);
            }
        }
        return Optional.empty();
    }

    private static final Object[][] KEYWORDS = {
        {CHEST_ABDOMEN_PELVIS, new String[]{"CAP", "C A P", "TAP", "CHEST ABD*", "THORAX ABD*", "CHEST ABDOMEN PELVIS"}},
        {ABDOMEN_PELVIS, new String[]{"ABD PEL*", "ABDOMEN PEL*", "A P", "ABDPEL*", "ABDO PEL*"}},
        {WHOLE_BODY, new String[]{"WHOLE BODY", "WB", "TRAUMA", "POLYTRAUMA", "WHOLEBODY"}},
        {SPINE, new String[]{"SPINE", "C SPINE", "L SPINE", "T SPINE", "CSPINE", "LSPINE", "TSPINE", "VERTEBR*"}},
        {HEAD, new String[]{"HEAD", "BRAIN", "SKULL", "CRANI*", "SINUS*", "ORBIT*", "FACIAL", "FACE", "IAC", "PETROUS", "TEMPORAL"}},
        {NECK, new String[]{"NECK", "SOFT TISSUE NECK"}},
        {CHEST, new String[]{"CHEST", "THORAX", "LUNG*", "THX", "CTPA", "PE"}},
        {ABDOMEN, new String[]{"ABD", "ABDO", "ABDOMEN", "LIVER", "RENAL", "KIDNEY*", "APPENDI*", "PANCREAS"}},
        {PELVIS, new String[]{"PELVIS", "HIP", "HIPS"}},
        {EXTREMITY, new String[]{"KNEE", "ANKLE", "WRIST", "HAND", "FOOT", "EXTREMITY", "ARM", "LEG", "ELBOW", "SHOULDER"}},
    };
}
