package org.alaraaudit.audit;

/**
 * Use and doses of one standard protocol at one station in the period: CTDIvol per diagnostic acquisition and
 * DLP per study, as the workbook's protocol sheet and the DRL work read them.
 */
public final class ProtocolStatistics {
    private final String facility;
    private final String stationName;
    private final String standardProtocol;
    private int studies;
    private int pediatricStudies;
    private final DoseSample ctdivol;
    private final DoseSample dlp;

    public ProtocolStatistics(String facility, String stationName, String standardProtocol) {
        this(facility, stationName, standardProtocol, null);
    }

    ProtocolStatistics(String facility, String stationName, String standardProtocol, DoseValueFile doses) {
        this.facility = facility;
        this.stationName = stationName;
        this.standardProtocol = standardProtocol;
        this.ctdivol = new DoseSample(doses);
        this.dlp = new DoseSample(doses);
    }

    /** Keeps the quartiles and lets the values go: the run is over. */
    void freeze() {
        ctdivol.freeze();
        dlp.freeze();
    }

    void countStudy(boolean pediatric, Double studyDlp) {
        studies++;
        if (pediatric) pediatricStudies++;
        if (studyDlp != null) dlp.add(studyDlp);
    }

    void addCtdivol(double v) { ctdivol.add(v); }

    public String facility() { return facility; }

    public String stationName() { return stationName; }

    public String standardProtocol() { return standardProtocol; }

    public int studies() { return studies; }

    public int pediatricStudies() { return pediatricStudies; }

    public DoseSample ctdivol() { return ctdivol; }

    public DoseSample dlp() { return dlp; }
}
