package org.alaraaudit.model;

import java.util.List;

/**
 * How often a device protocol was used on children at one station in the period; a period-level fact, since
 * an unmapped protocol is a catalog gap to fix once, not a finding per child.
 */
public record ProtocolUse(String facility, String stationName, String protocolName, boolean mapped,
                          int pediatricStudies, List<SourceLine> lines) {
    public boolean isMapped() { return mapped; }

    public int getPediatricStudies() { return pediatricStudies; }
}
