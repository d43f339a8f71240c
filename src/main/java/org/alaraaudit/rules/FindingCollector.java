package org.alaraaudit.rules;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.alaraaudit.model.CumulativeDose;
import org.alaraaudit.model.DoseGroup;
import org.alaraaudit.model.ExpectedRangeCheck;
import org.alaraaudit.model.Finding;
import org.alaraaudit.model.IrradiationEvent;
import org.alaraaudit.model.ProjectionReferenceLevel;
import org.alaraaudit.model.ProtocolUse;
import org.alaraaudit.model.Severity;
import org.alaraaudit.model.SourceLine;
import org.alaraaudit.model.Study;
import org.alaraaudit.model.TargetRegion;
import org.alaraaudit.model.TypicalDap;
import org.kie.api.runtime.rule.RuleContext;

/**
 * The rules' global {@code findings}: turns a firing into a {@link Finding} whose id, severity and scope come
 * from the rule's metadata, so a DRL consequence states only what was measured against what.
 */
public final class FindingCollector {
    private final List<Finding> findings = new ArrayList<>();
    /**
     * The audited period ("2026-10-01..2026-10-31") in the id of every finding on the period's figures (a DRL group, a
     * station's use of a protocol, a typical DAP): those are found again each month for the same group, and each
     * month's finding needs its own review, not the one an earlier month's got. Null in the patients' sessions.
     */
    private final String period;

    public FindingCollector() { this(null); }

    public FindingCollector(String period) { this.period = period; }

    public List<Finding> drain() {
        List<Finding> out = new ArrayList<>(findings);
        findings.clear();
        return out;
    }

    /** A finding on one irradiation event. */
    public void event(RuleContext ctx, IrradiationEvent e, String quantity, Double measured, Double reference,
                      String unit, String source, String message) {
        Study s = e.getStudy();
        String eventKey = e.getEventUid() != null ? e.getEventUid() : String.valueOf(e.getIndex());
        add(ctx, s, e, e.getTargetRegion(), quantity, measured, reference, unit, source, message,
                List.of(e.getSource()), s.getFacility(), s.getAccessionNumber(), eventKey, quantity);
    }

    /** A finding on a study; {@code at} is the event it rests on, or null for the study as a whole. */
    public void study(RuleContext ctx, Study s, IrradiationEvent at, String quantity, Double measured, Double reference,
                      String unit, String source, String message) {
        TargetRegion region = at != null ? at.getTargetRegion() : single(s);
        List<SourceLine> lines = at != null ? List.of(at.getSource()) : new ArrayList<>(s.getLines());
        add(ctx, s, at, region, quantity, measured, reference, unit, source, message, lines,
                s.getFacility(), s.getAccessionNumber(), quantity, region == null ? "" : region.name());
    }

    /** A finding on a study's use of one device protocol against its expected range: one per study and protocol. */
    public void expectedRange(RuleContext ctx, ExpectedRangeCheck c, String message) {
        Study s = c.study();
        IrradiationEvent at = c.at();
        record(ctx, s, at, at.getTargetRegion(), c.quantity(), c.measured(), c.bound(), c.unit(), at.getProtocol().source(),
                message, c.lines(), null, s.getFacility(), s.getAccessionNumber(), c.protocolName());
    }

    /** A study-level finding over one region of the study (accumulation, multiphase): on the events that cover it. */
    public void region(RuleContext ctx, Study s, TargetRegion region, String quantity, Double measured, Double reference,
                       String unit, String source, String message) {
        List<SourceLine> lines = new ArrayList<>();
        IrradiationEvent first = null;
        for (IrradiationEvent e : s.getEvents()) {
            if (e.getTargetRegion() != null && e.getTargetRegion().covers(region)) {
                lines.add(e.getSource());
                if (first == null || (e.isDiagnostic() && !first.isDiagnostic())) first = e;
            }
        }
        add(ctx, s, first, region, quantity, measured, reference, unit, source, message, lines,
                s.getFacility(), s.getAccessionNumber(), quantity, region.name());
    }

    /** A finding on a later study that names an earlier one. */
    public void pair(RuleContext ctx, Study later, Study earlier, String quantity, Double measured, Double reference,
                     String unit, String source, String message) {
        List<SourceLine> lines = new ArrayList<>(later.getLines());
        lines.addAll(earlier.getLines());
        record(ctx, later, firstDiagnostic(later), single(later), quantity, measured, reference, unit, source, message,
                lines, earlier.getAccessionNumber(), later.getFacility(), later.getAccessionNumber(), earlier.getFacility(),
                earlier.getAccessionNumber());
    }

    /** A period-level finding on a station's use of a protocol. */
    public void protocolUse(RuleContext ctx, ProtocolUse u, String quantity, Double measured, Double reference,
                            String unit, String source, String message) {
        protocolUse(ctx, u, u.lines(), quantity, measured, reference, unit, source, message);
    }

    /** As above, resting on the given lines: the events of the use that the rule is about. */
    public void protocolUse(RuleContext ctx, ProtocolUse u, List<SourceLine> lines, String quantity, Double measured,
                            Double reference, String unit, String source, String message) {
        Map<String, Object> md = ctx.getRule().getMetaData();
        String ruleId = meta(md, "ruleId");
        findings.add(new Finding(id(ruleId, u.facility(), u.stationName(), u.protocolName(), period), ruleId,
                Severity.valueOf(meta(md, "severity")), meta(md, "scope"),
                Finding.Where.inPeriod(u.facility(), u.stationName(), u.protocolName(), u.protocolName(), null),
                new Finding.Measured(quantity, measured, unit),
                new Finding.Against(reference, source != null ? source : meta(md, "source")), message, lines, null));
    }

    /** A period-level finding on a facility x exam type x band group (DRL_MEDIAN_EXCEEDED). */
    public void doseGroup(RuleContext ctx, DoseGroup g, String message) {
        Map<String, Object> md = ctx.getRule().getMetaData();
        String ruleId = meta(md, "ruleId");
        TargetRegion region = g.getLevel().targetRegions().size() == 1 ? g.getLevel().targetRegions().iterator().next() : null;
        findings.add(new Finding(id(ruleId, g.getFacility(), g.getDrlSet(), g.getExamType(), g.getBand(), g.getQuantity(),
                String.valueOf(g.getDataPhantomCm()), period), ruleId, Severity.valueOf(meta(md, "severity")), meta(md, "scope"),
                Finding.Where.inPeriod(g.getFacility(), null, null, null, region),
                new Finding.Measured("median " + g.getQuantity(), g.getMedian(), g.getUnit()),
                new Finding.Against(g.getDrl(), g.getLevel().source()), message, g.getLines(), null));
    }

    /** A period-level finding on a facility's typical DAP of one radiography or fluoroscopy exam and band. */
    public void typicalDap(RuleContext ctx, TypicalDap t, String message) {
        Map<String, Object> md = ctx.getRule().getMetaData();
        String ruleId = meta(md, "ruleId");
        ProjectionReferenceLevel l = t.getLevel();
        findings.add(new Finding(id(ruleId, t.getFacility(), l.drlSet(), t.getKind(), t.getExam(), t.getBand(), period), ruleId,
                Severity.valueOf(meta(md, "severity")), meta(md, "scope"), Finding.Where.inPeriod(t.getFacility(), null, null, null, null),
                new Finding.Measured("median DAP " + t.getPer(), t.getMedian(), "Gy·cm²"),
                new Finding.Against(l.dapGycm2(), l.source()), message, t.getLines(), null));
    }

    /** A patient-level finding over the look-back window (CUMULATIVE_DOSE), placed on the latest study of the period. */
    public void cumulative(RuleContext ctx, CumulativeDose c, String message) {
        Map<String, Object> md = ctx.getRule().getMetaData();
        String ruleId = meta(md, "ruleId");
        Study s = c.getStudy();
        findings.add(new Finding(id(ruleId, c.getPatientRef(), c.getWindowTo().toString()), ruleId,
                Severity.valueOf(meta(md, "severity")), meta(md, "scope"), Finding.Where.onStudy(s, null, null, null),
                new Finding.Measured("cumulative " + c.getMetric().code(), c.getValue(), c.getUnit()),
                new Finding.Against(c.getReached().threshold(), c.getReached().source()), message,
                List.copyOf(new java.util.TreeSet<>(c.getLines())), null));
    }

    private void add(RuleContext ctx, Study s, IrradiationEvent at, TargetRegion region, String quantity, Double measured,
                     Double reference, String unit, String source, String message, List<SourceLine> lines, String... keys) {
        record(ctx, s, at, region, quantity, measured, reference, unit, source, message, lines, null, keys);
    }

    private void record(RuleContext ctx, Study s, IrradiationEvent at, TargetRegion region, String quantity, Double measured,
                        Double reference, String unit, String source, String message, List<SourceLine> lines,
                        String related, String... keys) {
        Map<String, Object> md = ctx.getRule().getMetaData();
        String ruleId = meta(md, "ruleId");
        String[] idParts = new String[keys.length + 1];
        idParts[0] = ruleId;
        System.arraycopy(keys, 0, idParts, 1, keys.length);
        IrradiationEvent ref = at != null ? at : firstDiagnostic(s);
        findings.add(new Finding(id(idParts), ruleId, Severity.valueOf(meta(md, "severity")), meta(md, "scope"),
                Finding.Where.onStudy(s, ref == null ? null : ref.getProtocolName(),
                        ref == null ? null : ref.getStandardProtocol(), region),
                new Finding.Measured(quantity, measured, unit),
                new Finding.Against(reference, source != null ? source : meta(md, "source")), message,
                List.copyOf(new java.util.TreeSet<>(lines)), related));
    }

    private static IrradiationEvent firstDiagnostic(Study s) {
        for (IrradiationEvent e : s.getEvents()) if (e.isDiagnostic()) return e;
        return s.getEvents().isEmpty() ? null : s.getEvents().get(0);
    }

    private static TargetRegion single(Study s) {
        return s.getRegions().size() == 1 ? s.getRegions().iterator().next() : null;
    }

    private static String meta(Map<String, Object> md, String key) {
        String v = RuleMetadata.text(md, key);
        if (v == null) throw new IllegalStateException("rule metadata @" + key + " is missing");
        return v;
    }

    /** A stable id: the same rule firing on the same keys gives the same id in every re-run. */
    static String id(String... parts) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : parts) {
                md.update((p == null ? "" : p).getBytes(StandardCharsets.UTF_8));
                md.update((byte) 0x1f);
            }
            return HexFormat.of().formatHex(md.digest(), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
