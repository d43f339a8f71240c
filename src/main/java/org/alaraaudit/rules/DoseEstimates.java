package org.alaraaudit.rules;

import java.util.Optional;
import org.alaraaudit.dosimetry.BodySize;
import org.alaraaudit.dosimetry.EffectiveDose;
import org.alaraaudit.dosimetry.EffectiveDoseEstimate;
import org.alaraaudit.dosimetry.MarrowDose;
import org.alaraaudit.dosimetry.MarrowDoseEstimate;
import org.alaraaudit.dosimetry.PhantomConversion;
import org.alaraaudit.dosimetry.Sex;
import org.alaraaudit.dosimetry.Ssde;
import org.alaraaudit.dosimetry.SsdeEstimate;
import org.alaraaudit.dosimetry.UnknownSexRule;
import org.alaraaudit.model.IrradiationEvent;

/**
 * The dose estimates of one irradiation event (SSDE, red-marrow dose, effective dose), built from the policy
 * tables and the run's phantom factor. Visible to the rules as the global {@code estimates}, so a message can
 * quote an SSDE without the rule doing arithmetic.
 */
public final class DoseEstimates {
    private final Ssde ssde;
    private final MarrowDose marrow;
    private final EffectiveDose effective;
    private final double phantomFactor;
    private final double phantomRatio;

    public DoseEstimates(PolicyTables tables, Policy policy) {
        PhantomConversion conversion = new PhantomConversion(policy.getPhantomFactor32To16());
        this.ssde = new Ssde(tables.ssdeCoefficients());
        this.marrow = new MarrowDose(tables.marrowCoefficients(), conversion, UnknownSexRule.valueOf(policy.getUnknownSexMarrow()));
        // Effective dose converts a DLP with AAPM 204's ratio; the larger marrow-dose factor would make a child's
        // estimate jump 2.3-2.5 times at the band edge where the adult coefficient takes over.
        this.effective = new EffectiveDose(tables.kFactors(), PhantomConversion.aapm204(policy.getPhantomRatio16To32()));
        this.phantomFactor = policy.getPhantomFactor32To16();
        this.phantomRatio = policy.getPhantomRatio16To32();
    }

    /** The exported SSDE, else AAPM 204/220 from the logged size; null when neither is known (never from age). */
    public SsdeEstimate ssde(IrradiationEvent e) {
        if (e.getCtdivol() == null && e.getSsde() == null) return null;
        BodySize size = new BodySize(e.getWaterEquivalentDiameter(), e.getEffectiveDiameter(), null, null);
        return ssde.estimate(e.getSsde(), e.getCtdivol(), e.getPhantom(), size).orElse(null);
    }

    /** The SSDE in mGy, as the period's tallies group doses by it; null when {@link #ssde} has none. */
    public Double ssdeMgy(IrradiationEvent e) {
        if (e.getCtdivol() == null && e.getSsde() == null) return null;
        BodySize size = new BodySize(e.getWaterEquivalentDiameter(), e.getEffectiveDiameter(), null, null);
        return ssde.mgy(e.getSsde(), e.getCtdivol(), e.getPhantom(), size);
    }

    /** The SSDE sentence of a message. */
    public String ssdeText(IrradiationEvent e) {
        SsdeEstimate s = ssde(e);
        if (s == null) return "SSDE not computed (no exported SSDE and no patient size in the log)";
        return Messages.format("SSDE %.1f mGy (%s)", s.mgy(), s.method());
    }

    /**
     * Red-marrow dose of a CT event with CTDIvol, whatever the event was for: perfusion, bolus tracking and
     * localizers irradiate the marrow too. Empty for uncovered regions ("not estimated").
     */
    public Optional<MarrowDoseEstimate> marrow(IrradiationEvent e) {
        if (!e.isCt() || e.getCtdivol() == null) return Optional.empty();
        return marrow.estimate(e.getTargetRegion(), e.getAgeYears(), Sex.fromCode(e.getStudy().getSex()), e.getCtdivol(),
                e.getPhantom());
    }

    /** Effective dose of a CT event with DLP (localizers included: their DLP is part of the exam's). */
    public Optional<EffectiveDoseEstimate> effective(IrradiationEvent e) {
        if (!e.isCt() || e.getDlp() == null) return Optional.empty();
        return effective.estimate(e.getTargetRegion(), e.getAgeYears(), e.getDlp(), e.getPhantom());
    }

    public double phantomFactor() { return phantomFactor; }

    /** The AAPM 204 16/32 cm ratio effective dose uses. */
    public double phantomRatio() { return phantomRatio; }
}
