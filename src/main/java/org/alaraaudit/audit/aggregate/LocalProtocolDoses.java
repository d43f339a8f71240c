package org.alaraaudit.audit.aggregate;

import java.time.LocalDate;

/**
 * A site's own CTDIvol values of one standard protocol at one station on one phantom, over a span of its history:
 * what a locally derived expected range rests on.
 *
 * @param studies the number of studies the values come from (a study may give several acquisitions)
 * @param ctdivol CTDIvol per diagnostic acquisition, in mGy
 * @param withContrastLeftOut studies of exams with contrast left out, because the catalog now holds such exams of
 *        this protocol to a row of their own (they were stored under this one before that row existed)
 * @param contrastNotKeptLeftOut studies left out for the same reason whose contrast the store did not keep (stored
 *        before it did), so they may be of either contrast
 */
public record LocalProtocolDoses(String stationName, String standardProtocol, int phantomCm, int studies,
                                 LocalDate first, LocalDate last, DoseSample ctdivol, int withContrastLeftOut,
                                 int contrastNotKeptLeftOut) {

    public LocalProtocolDoses(String stationName, String standardProtocol, int phantomCm, int studies, LocalDate first,
                              LocalDate last, DoseSample ctdivol) {
        this(stationName, standardProtocol, phantomCm, studies, first, last, ctdivol, 0, 0);
    }
}
