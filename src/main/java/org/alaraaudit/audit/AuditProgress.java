package org.alaraaudit.audit;

/** What a long run reports while it works; the command line shows it on a terminal. */
public interface AuditProgress {
    AuditProgress NONE = new AuditProgress() {};

    default void rowsRead(long rows) {}

    default void patientsAudited(long patients, long studies) {}
}
