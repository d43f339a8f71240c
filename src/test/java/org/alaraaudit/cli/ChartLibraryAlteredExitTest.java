package org.alaraaudit.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.alaraaudit.report.html.ChartLibrary;
import org.junit.jupiter.api.Test;

/** A jar whose charting library differs from the pinned one is the build's defect, not the user's input: exit 70. */
class ChartLibraryAlteredExitTest {
    @Test
    void aChartingLibraryThatDiffersFromThePinnedOneEndsTheRunAsAnInternalError() {
        StringWriter err = new StringWriter();
        PrintWriter w = new PrintWriter(err);
        int code = ErrorReport.report(new ChartLibrary.Altered("the charting library echarts.min.js in the jar has SHA-256 00, not the pinned one"),
                w, w, false);
        assertEquals(ExitCode.INTERNAL, code);
        assertEquals(70, code);
        assertTrue(err.toString().startsWith("alara-audit: internal error: ") && err.toString().contains("not the pinned one"), err.toString());
        assertEquals(1, err.toString().lines().count(), "one line, no stack trace");
    }
}
