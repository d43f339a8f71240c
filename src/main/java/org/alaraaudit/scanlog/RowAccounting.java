package org.alaraaudit.scanlog;

/** Every row read ends as exactly one of audited, rejected, duplicate or excluded; the counts must reconcile. */
public final class RowAccounting {
    private long read;
    private long audited;
    private long rejected;
    private long duplicate;
    private long excluded;

    /** Counts summed over several readers (one per input file on a cluster); {@link #reconciles()} still checks them. */
    public static RowAccounting of(long read, long audited, long rejected, long duplicate, long excluded) {
        RowAccounting a = new RowAccounting();
        a.read = read;
        a.audited = audited;
        a.rejected = rejected;
        a.duplicate = duplicate;
        a.excluded = excluded;
        return a;
    }

    void countRead() { read++; }

    /** Rows that passed exclusions and validation: each is audited unless it repeats an earlier one. */
    void countValid(long valid, long duplicates) {
        audited += valid - duplicates;
        duplicate += duplicates;
    }

    void countRejected() { rejected++; }

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
