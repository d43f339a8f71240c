package org.alaraaudit.audit.aggregate;

/**
 * One facility's headline figures of the period: the same counts as the pooled {@link ComplianceFigures}, so a
 * site whose compliance or repeat rate differs from the network's is seen as such.
 */
public record FacilityFigures(String facility, long studies, long pediatricStudies, long ctStudies,
                              long pediatricCtStudies, long pediatricCtStudiesWithAdultProtocol, long ctStudiesRepeated,
                              long findings) {

    /** Share of pediatric CT studies without an adult protocol; null without pediatric CT. */
    public Double pediatricProtocolCompliance() {
        return pediatricCtStudies == 0 ? null : 1.0 - (double) pediatricCtStudiesWithAdultProtocol / pediatricCtStudies;
    }

    public Double repeatRate() { return ctStudies == 0 ? null : (double) ctStudiesRepeated / ctStudies; }
}
