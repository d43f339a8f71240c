package org.alaraaudit.scanlog;

/** Every row read ends as exactly one of audited, rejected, duplicate or excluded; the counts must reconcile. */
public final class RowAccounting {
    private long read;
    private long audited;
    private long rejected;
    private long duplicate;
    private long excluded;

    void countRead() { read++; }

    void countAudited() { audited++; }

    void countRejected() { rejected++; }

    void countDuplicate() { duplicate++; }

    void countExcluded() { excluded++; }

    public long read() { return read; }

    public long audited() { return audited; }

    public long rejected() { return rejected; }

    public long duplicate() { return duplicate; }

    public long excluded() { return excluded; }

    public boolean reconciles() { return read == audited + rejected + duplicate + excluded; }

    @Override
    public String toString() {
        return read + " read = " + audited + " audited + " + rejected + " rejected + " + duplicate + " duplicate + "
                + excluded + " excluded";
    }
}
