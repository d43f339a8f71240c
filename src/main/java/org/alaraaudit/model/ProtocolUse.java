package org.alaraaudit.model;

import java.util.List;

/**
 * How often a device protocol was used on children at one station in the period; a period-level fact, since
 * an unmapped protocol is a catalog gap to fix once, and a body dose on the 32 cm phantom a convention of the
 * protocol to know once, not a finding per child.
 *
 * @param lines the pediatric events of an unmapped protocol (empty for a mapped one)
 * @param body32cm the pediatric diagnostic body acquisitions whose CTDIvol refers to the 32 cm phantom; null when none
 */
public record ProtocolUse(String facility, String stationName, String protocolName, boolean mapped,
                          int pediatricStudies, List<SourceLine> lines, Body32cm body32cm) {
    /**
     * @param ssdeAcquisitions how many of the acquisitions had an SSDE (exported, or from the logged size)
     * @param medianSsdeMgy their median SSDE; null when none had one
     */
    public record Body32cm(int studies, int ssdeAcquisitions, Double medianSsdeMgy, List<SourceLine> lines) {
        /** The SSDE sentence of a message. */
        public String ssdeText() {
            if (medianSsdeMgy == null) return "SSDE not computed (no exported SSDE and no patient size in the log)";
            return String.format(java.util.Locale.ROOT, "median SSDE %.1f mGy over the %d acquisition%s with an SSDE or a logged size",
                    medianSsdeMgy, ssdeAcquisitions, ssdeAcquisitions == 1 ? "" : "s");
        }
    }

    public boolean isMapped() { return mapped; }

    public int getPediatricStudies() { return pediatricStudies; }

    /** Pediatric studies with a diagnostic body acquisition on the 32 cm phantom (0 when none). */
    public int getBody32cmStudies() { return body32cm == null ? 0 : body32cm.studies(); }
}
