package org.alaraaudit.audit.aggregate;

import java.time.LocalDate;

/**
 * A site's own CTDIvol values of one standard protocol at one station on one phantom, over a span of its history:
 * what a locally derived expected range rests on.
 *
 * @param studies the number of studies the values come from (a study may give several acquisitions)
 * @param ctdivol CTDIvol per diagnostic acquisition, in mGy
 */
public record LocalProtocolDoses(String stationName, String standardProtocol, int phantomCm, int studies,
                                 LocalDate first, LocalDate last, DoseSample ctdivol) {}
