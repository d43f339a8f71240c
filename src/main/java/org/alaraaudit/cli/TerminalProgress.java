package org.alaraaudit.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alaraaudit.audit.AuditProgress;

/**
 * Rows read, then studies audited, with the rate and the time left, on a terminal only; scripts and CI get
 * plain output. The rows to read are estimated from the file sizes; the rows to audit are known once read.
 */
final class TerminalProgress implements AuditProgress, AutoCloseable {
    private final boolean shown;
    private ProgressBar bar;
    private boolean auditing;
    private long estimatedRows = -1;

    private TerminalProgress(boolean shown) { this.shown = shown; }

    static TerminalProgress create(boolean wanted, PrintWriter err) {
        return new TerminalProgress(wanted && System.console() != null);
    }

    private static ProgressBar bar(String task, long max) {
        return new ProgressBarBuilder().setTaskName(task).setInitialMax(max)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" rows", 1)
                .showSpeed().setSpeedUnit(ChronoUnit.SECONDS).setMaxRenderedLength(120)
                .setEtaFunction(TerminalProgress::eta).continuousUpdate().build();
    }

    /** Time left from the mean rate so far; unknown (no ETA) when the total is not known. */
    private static java.util.Optional<Duration> eta(me.tongfei.progressbar.ProgressState state) {
        long max = state.getMax();
        long done = state.getCurrent() - state.getStart();
        if (max <= 0 || done <= 0) return java.util.Optional.empty();
        Duration spent = Duration.between(state.getStartInstant(), java.time.Instant.now());
        long left = Math.max(0, max - state.getCurrent());
        return java.util.Optional.of(spent.multipliedBy(left).dividedBy(done));
    }

    @Override
    public void started(long estimatedRows) {
        this.estimatedRows = estimatedRows;
    }

    @Override
    public void rowsRead(long rows) {
        if (!shown || auditing) return;
        if (bar == null) bar = bar("Reading", estimatedRows > 0 ? estimatedRows : -1);
        // The estimate from file sizes may fall short: grow it rather than show more than 100%.
        if (estimatedRows > 0 && rows > bar.getMax()) bar.maxHint(rows + rows / 20);
        bar.stepTo(rows);
    }

    @Override
    public void patientsAudited(long patients, long studies) {
        if (bar != null && auditing) bar.setExtraMessage(" " + studies + " studies of " + patients + " patients audited");
    }

    @Override
    public void rowsAudited(long rows, long ofRows) {
        if (!shown) return;
        if (!auditing) {
            auditing = true;
            if (bar != null) {
                bar.maxHint(bar.getCurrent());
                bar.close();
            }
            bar = bar("Auditing", ofRows);
        }
        bar.stepTo(rows);
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
