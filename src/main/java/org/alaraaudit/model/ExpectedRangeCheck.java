package org.alaraaudit.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A study's use of one device protocol held against the protocol's expected dose range (The Joint Commission
 * PI.02.01.01 EP 6): of the quantities judged (CTDIvol of each diagnostic acquisition, the study DLP of the
 * protocol), the one furthest outside its bound. A safety officer acts on the protocol use, not on each
 * acquisition, so one study and protocol is one finding; a quantity above its upper value outranks one below
 * the lower value, since dose is what the check is for.
 *
 * @param ratio how far outside: measured / upper value above the range, lower value / measured below it
 * @param other the other quantity and its bound, for the message; blank when it has none
 * @param measured the value compared with the bound, on the phantom the range refers to (CatalogEntry#rangePhantomCm)
 * @param logged the value as logged where it was converted to that phantom (an acquisition, or one of the study DLP's,
 *               on the other phantom), else null; null too for a study DLP of acquisitions on both phantoms
 * @param mixedPhantoms a study DLP summed over acquisitions on both phantoms, those on the other converted one by one
 */
public record ExpectedRangeCheck(Study study, IrradiationEvent at, boolean above, String quantity, double measured,
                                 double bound, String unit, double ratio, String other, List<SourceLine> lines, Double logged,
                                 boolean mixedPhantoms) {
    static final String CTDIVOL = "CTDIvol";
    static final String DLP = "DLP";

    public boolean isAbove() { return above; }

    public boolean isBelow() { return !above; }

    public double getRatio() { return ratio; }

    public boolean isInPeriod() { return study.isInPeriod(); }

    public String protocolName() { return at.getProtocolName(); }

    /** "CTDIvol 5.10 mGy" or "study DLP 80.0 mGy·cm": the measured value as a message quotes it. */
    public String measuredText() {
        String name = CTDIVOL.equals(quantity) ? "CTDIvol " : "study DLP ";
        int decimals = CTDIVOL.equals(quantity) ? 2 : 1;
        String compared = ThresholdText.beside(measured, bound, decimals) + " " + unit;
        CatalogEntry range = at.getProtocol();
        if (mixedPhantoms) {
            // No one logged sum stands for it: each acquisition on the other phantom was converted before the sum.
            int other = range.rangePhantomCm() == 16 ? 32 : 16;
            return name + compared + String.format(Locale.ROOT, " on the %d cm phantom of the expected range (acquisitions on both"
                    + " phantoms, those on %d cm converted one by one: %s %s, AAPM Report 204 ratio)", range.rangePhantomCm(), other,
                    other == 16 ? "/" : "x", Range.fmt(range.phantomRatio16To32()));
        }
        if (logged == null) return name + compared;
        int other = range.rangePhantomCm() == 16 ? 32 : 16;
        // Said once, with the ratio, as the notification findings say theirs: a reviewer sees what was compared.
        return name + String.format(Locale.ROOT, "%." + decimals + "f %s (%d cm phantom) = %s on the %d cm phantom of the expected range (%s %s, AAPM Report 204 ratio)",
                logged, unit, other, compared, range.rangePhantomCm(), other == 16 ? "/" : "x", Range.fmt(range.phantomRatio16To32()));
    }

    /** The bound as the catalog gives it, with its unit. */
    public String boundText() { return Range.fmt(bound) + " " + unit; }

    /** The checks of a study's device protocols that fall outside their range, in the order of first use. */
    static List<ExpectedRangeCheck> of(Study s) {
        if (!s.isCt() || !anyOutside(s)) return List.of();
        return byProtocol(s);
    }

    /**
     * Whether any diagnostic acquisition's CTDIvol, or its protocol's study DLP, lies outside its own protocol's
     * range: true whenever {@link #byProtocol} finds a check (and in a few cases more). Most studies are in range,
     * and the rules ask this of every CT study, so those are told without grouping their events.
     */
    private static boolean anyOutside(Study s) {
        for (IrradiationEvent e : s.getEvents()) {
            if (e.getProtocolName() == null || !e.isDiagnostic()) continue;
            if (e.getCtdivol() != null && outside(e.getRangeCtdivol(), e.getExpectedCtdivolMin(), e.getExpectedCtdivolMax())) return true;
            Double dlp = e.getRangeStudyProtocolDlp();
            if (dlp != null && outside(dlp, e.getExpectedDlpMin(), e.getExpectedDlpMax())) return true;
        }
        return false;
    }

    private static boolean outside(double v, Double min, Double max) {
        return max != null && v > max || min != null && v < min;
    }

    /** Every device protocol's check, grouping the events by protocol. */
    static List<ExpectedRangeCheck> byProtocol(Study s) {
        if (!s.isCt()) return List.of();
        Map<String, List<IrradiationEvent>> byProtocol = new LinkedHashMap<>();
        for (IrradiationEvent e : s.getEvents()) {
            if (e.getProtocolName() != null) byProtocol.computeIfAbsent(e.getProtocolName(), k -> new ArrayList<>()).add(e);
        }
        List<ExpectedRangeCheck> out = new ArrayList<>();
        for (List<IrradiationEvent> events : byProtocol.values()) {
            ExpectedRangeCheck c = check(s, events);
            if (c != null) out.add(c);
        }
        return List.copyOf(out);
    }

    private static ExpectedRangeCheck check(Study s, List<IrradiationEvent> events) {
        IrradiationEvent first = events.stream().filter(IrradiationEvent::isDiagnostic).findFirst().orElse(null);
        if (first == null || first.getProtocol() == null) return null;
        Candidate worst = null;
        for (IrradiationEvent e : events) {
            if (!e.isDiagnostic() || e.getCtdivol() == null) continue;
            Candidate c = Candidate.of(e, CTDIVOL, e.getRangeCtdivol(), e.getExpectedCtdivolMin(), e.getExpectedCtdivolMax());
            if (c != null && c.above && reportedAsNotification(e, c.bound)) c = null;
            worst = Candidate.worse(worst, c);
        }
        Double dlp = first.getRangeStudyProtocolDlp();
        Candidate dlpCheck = dlp == null ? null : Candidate.of(first, DLP, dlp, first.getExpectedDlpMin(), first.getExpectedDlpMax());
        // A study that lost a row to rejection, or whose acquisition of this protocol has no DLP, has at most an
        // understated DLP: above the range it is above, below it may be only the missing row or DLP.
        String understated = s.isIncomplete() ? "rows rejected" : first.isStudyProtocolDlpShort() ? "an acquisition has no DLP" : null;
        if (dlpCheck != null && !dlpCheck.above && understated != null) dlpCheck = null;
        worst = Candidate.worse(worst, dlpCheck);
        if (worst == null) return null;
        List<SourceLine> lines = events.stream().map(IrradiationEvent::getSource).sorted().distinct().toList();
        boolean dlpConverted = events.stream().anyMatch(e -> e.getDlp() != null && e.isOnOtherPhantomThanRange());
        boolean dlpAsRange = events.stream().anyMatch(e -> e.getDlp() != null && !e.isOnOtherPhantomThanRange());
        boolean mixed = !CTDIVOL.equals(worst.quantity) && dlpConverted && dlpAsRange;
        Double logged = CTDIVOL.equals(worst.quantity) ? (worst.at.isOnOtherPhantomThanRange() ? worst.at.getCtdivol() : null)
                : dlpConverted && !mixed ? first.getStudyProtocolDlp() : null;
        return new ExpectedRangeCheck(s, worst.at, worst.above, worst.quantity, worst.measured, worst.bound,
                unit(worst.quantity), worst.ratio, otherText(worst.quantity, first, events, dlp, understated), lines, logged, mixed);
    }

    /**
     * An acquisition above its notification value whose expected upper end is no lower than that value: the
     * notification finding reports this very excess (MAJOR), against the same or a looser number, so the range adds
     * nothing. The shipped adult rows end at the AAPM notification value itself, and a reviewer found each adult
     * exceedance counted twice, at two severities, against one source. A range tighter than the value still reports.
     */
    private static boolean reportedAsNotification(IrradiationEvent e, double upper) {
        NotificationValue n = e.getNotificationValue();
        // Both on the range's phantom: the notification value expressed there, the upper end as given.
        Integer phantom = e.getProtocol().rangePhantomCm();
        return n != null && e.isAboveNotificationValue() && upper >= n.valueOn(phantom == null ? e.getPhantom() : phantom) - 1e-9;
    }

    /** The quantity not reported, with its range, so the message shows both CTDIvol and DLP. */
    private static String otherText(String reported, IrradiationEvent first, List<IrradiationEvent> events, Double dlp,
                                    String understated) {
        // Values converted to the range's phantom say so, as the reported one does.
        boolean converted = events.stream().anyMatch(e -> e.isOnOtherPhantomThanRange() && (CTDIVOL.equals(reported) ? e.getDlp() != null : e.getCtdivol() != null));
        String onRange = converted ? " on the " + first.getProtocol().rangePhantomCm() + " cm phantom" : "";
        if (CTDIVOL.equals(reported)) {
            if (dlp == null) return "";
            // Quoted beside a CTDIvol verdict, the DLP of a study that lost rows or an acquisition's DLP says it is
            // understated (STUDY_INCOMPLETE, DOSE_DATA_MISSING).
            return String.format(Locale.ROOT, "; study DLP %.1f mGy·cm%s%s (expected %s)", dlp, onRange, understated != null ? ", understated: " + understated : "",
                    range(first.getExpectedDlpMin(), first.getExpectedDlpMax(), "mGy·cm"));
        }
        Double most = null;
        for (IrradiationEvent e : events) {
            if (e.isDiagnostic() && e.getCtdivol() != null && (most == null || e.getRangeCtdivol() > most)) most = e.getRangeCtdivol();
        }
        if (most == null) return "";
        return String.format(Locale.ROOT, "; highest CTDIvol %.2f mGy%s (expected %s)", most, onRange,
                range(first.getExpectedCtdivolMin(), first.getExpectedCtdivolMax(), "mGy"));
    }

    private static String range(Double min, Double max, String unit) {
        if (min == null && max == null) return "no range";
        if (min == null) return "up to " + Range.fmt(max) + " " + unit;
        if (max == null) return "from " + Range.fmt(min) + " " + unit;
        return Range.fmt(min) + "-" + Range.fmt(max) + " " + unit;
    }

    private static String unit(String quantity) { return CTDIVOL.equals(quantity) ? "mGy" : "mGy·cm"; }

    /** One quantity outside its bound. */
    private record Candidate(IrradiationEvent at, boolean above, String quantity, double measured, double bound, double ratio) {
        static Candidate of(IrradiationEvent at, String quantity, double measured, Double min, Double max) {
            if (max != null && measured > max) return new Candidate(at, true, quantity, measured, max, measured / max);
            if (min != null && measured < min) {
                return new Candidate(at, false, quantity, measured, min, measured > 0 ? min / measured : Double.POSITIVE_INFINITY);
            }
            return null;
        }

        /** Above outranks below; then the larger ratio; on a tie the one seen first stays. */
        static Candidate worse(Candidate a, Candidate b) {
            if (a == null) return b;
            if (b == null) return a;
            if (a.above != b.above) return a.above ? a : b;
            return b.ratio > a.ratio ? b : a;
        }
    }
}
