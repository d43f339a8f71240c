package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.alaraaudit.audit.AuditPeriod;
import org.alaraaudit.audit.AuditResult;
import org.alaraaudit.audit.DoseHistory;
import org.alaraaudit.audit.EarlierStudy;
import org.alaraaudit.audit.PreviousPeriod;
import org.alaraaudit.audit.StudyDose;
import org.alaraaudit.model.Study;

/**
 * The history store as one audit run sees it: it answers the rules' look-backs from a reading connection held
 * for the run, gathers the run's studies as they are audited, and writes them with the run's figures at the
 * end ({@link #record}) in one transaction. Nothing is written while the audit runs, so a run that fails
 * half-way leaves the store as it was.
 */
public final class RunHistory implements DoseHistory, AuditResult.ReviewSource, AutoCloseable {
    private final HistoryStore store;
    private final Connection reading;
    private final StudyReader reader;
    private final RunStudies studies;
    private boolean recorded;

    private RunHistory(HistoryStore store, int inMemoryStudies) {
        this.store = store;
        this.studies = new RunStudies(inMemoryStudies);
        this.reading = store.connect();
        try {
            this.reader = new StudyReader(reading);
        } catch (SQLException e) {
            closeQuietly();
            throw failure("read", e);
        }
    }

    /** A run over the store; close it when the run is over. */
    public static RunHistory of(HistoryStore store) { return new RunHistory(store, RunStudies.IN_MEMORY); }

    /** Holding at most {@code inMemoryStudies} of the run's studies in memory before they go to disk. */
    static RunHistory of(HistoryStore store, int inMemoryStudies) { return new RunHistory(store, inMemoryStudies); }

    @Override
    public List<StudyDose> studies(String patientRef, LocalDate from, LocalDate to) {
        try {
            return reader.doses(patientRef, from, to);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public List<EarlierStudy> ctStudies(String patientRef, LocalDateTime from, LocalDateTime to) {
        try {
            return reader.ctStudies(patientRef, from, to);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public PreviousPeriod previousPeriod(AuditPeriod period, Set<String> facilities) {
        try {
            return new PreviousPeriodReader(reading).read(period, facilities);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    @Override
    public AuditResult.Reviews reviews(org.alaraaudit.model.Findings findings, AuditPeriod period, Set<String> facilities) {
        try {
            return new ReviewReader(reading).read(findings, period, facilities);
        } catch (SQLException e) {
            throw failure("read", e);
        }
    }

    /** Keeps each study once: a study key that two patients' rows share is a data error the audit has already seen. */
    @Override
    public void audited(List<Study> patientStudies, Function<Study, List<StudyDose>> doses) {
        for (Study s : patientStudies) studies.add(StoredStudy.of(s, doses));
    }

    /** Writes the run: replaces the period's data for the run's facilities, all or nothing. */
    public void record(AuditResult result) { record(result, Clock.systemUTC()); }

    void record(AuditResult result, Clock clock) {
        try (Connection c = store.connect()) {
            new RunWriter(c).write(result, studies, clock.instant());
            recorded = true;
        } catch (SQLException e) {
            throw failure("write", e);
        }
    }

    public String printable() { return store.printable(); }

    private HistoryException failure(String what, SQLException e) {
        return new HistoryException("cannot " + what + " the history store " + store.printable() + ": "
                + HistoryStore.rootMessage(e), e);
    }

    /** Closes the run's connection; after a write, gives back the space it left in an H2 file (docs/history.md). */
    @Override
    public void close() {
        studies.close();
        closeQuietly();
        if (recorded) store.compactIfWasteful();
    }

    private void closeQuietly() {
        try {
            if (reader != null) reader.close();
        } catch (SQLException ignored) {
            // The run's result does not depend on closing a read-only statement.
        }
        try {
            reading.close();
        } catch (SQLException ignored) {
            // Nothing was written on this connection.
        }
    }
}
