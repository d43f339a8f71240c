package org.alaraaudit.audit.aggregate;

import java.util.Map;

/**
 * The figures every audit reports (rule catalog): counts of the period's studies and events, pediatric protocol
 * compliance, repeat rate, findings by rule, severity, facility, station and protocol, and the cumulative
 * red-marrow dose profile of the period's pediatric CT patients.
 */
public record ComplianceFigures(
        long studies,
        long pediatricStudies,
        long events,
        Map<String, Long> studiesByModality,
        long ctStudies,
        long pediatricCtStudies,
        long pediatricCtStudiesWithAdultProtocol,
        Double pediatricProtocolCompliance,
        long ctStudiesRepeated,
        Double repeatRate,
        Map<String, Long> findingsByRule,
        Map<String, Long> findingsBySeverity,
        Map<String, Long> findingsByFacility,
        Map<String, Long> findingsByStation,
        Map<String, Long> findingsByProtocol,
        Map<String, Long> studiesByFacility,
        MarrowDoseProfile cumulativeMarrowDoseProfile,
        /** The headline figures per facility: a network's sites differ, and pooled figures hide it. */
        java.util.List<FacilityFigures> facilities) {

    public ComplianceFigures(long studies, long pediatricStudies, long events, Map<String, Long> studiesByModality,
                             long ctStudies, long pediatricCtStudies, long pediatricCtStudiesWithAdultProtocol,
                             Double pediatricProtocolCompliance, long ctStudiesRepeated, Double repeatRate,
                             Map<String, Long> findingsByRule, Map<String, Long> findingsBySeverity,
                             Map<String, Long> findingsByFacility, Map<String, Long> findingsByStation,
                             Map<String, Long> findingsByProtocol, Map<String, Long> studiesByFacility,
                             MarrowDoseProfile cumulativeMarrowDoseProfile) {
        this(studies, pediatricStudies, events, studiesByModality, ctStudies, pediatricCtStudies,
                pediatricCtStudiesWithAdultProtocol, pediatricProtocolCompliance, ctStudiesRepeated, repeatRate,
                findingsByRule, findingsBySeverity, findingsByFacility, findingsByStation, findingsByProtocol,
                studiesByFacility, cumulativeMarrowDoseProfile, java.util.List.of());
    }
}
