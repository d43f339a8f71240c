package org.alaraaudit.cli;

import java.io.PrintWriter;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.alaraaudit.audit.AuditProgress;

/** Rows read and studies audited, on a terminal only; scripts and CI get plain output. */
final class TerminalProgress implements AuditProgress, AutoCloseable {
    private final ProgressBar bar;
    private long rows;

    private TerminalProgress(ProgressBar bar) { this.bar = bar; }

    static TerminalProgress create(boolean wanted, PrintWriter err) {
        if (!wanted || System.console() == null) return new TerminalProgress(null);
        ProgressBar bar = new ProgressBarBuilder().setTaskName("Reading").setInitialMax(-1)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(250).setUnit(" rows", 1)
                .continuousUpdate().build();
        return new TerminalProgress(bar);
    }

    @Override
    public void rowsRead(long rows) {
        this.rows = rows;
        if (bar != null) bar.stepTo(rows);
    }

    @Override
    public void patientsAudited(long patients, long studies) {
        if (bar == null) return;
        bar.setExtraMessage(" audited " + studies + " studies of " + patients + " patients");
    }

    @Override
    public void close() {
        if (bar != null) bar.close();
    }
}
