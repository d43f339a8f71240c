package org.alaraaudit.model;

import java.time.LocalDateTime;

/**
 * What an irradiation event was, as its row names it: protocol, acquisition type, region, time, UID and the
 * contrast column. Absent values are null; the region and contrast are those given, before the catalog or the
 * exam's other rows fill them in.
 */
public record Acquisition(String protocolName, AcquisitionType acquisitionType, TargetRegion targetRegion,
                          LocalDateTime eventDatetime, String eventUid, Contrast contrast) {}
