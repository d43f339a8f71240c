package org.alaraaudit.rules;

import java.util.List;
import org.alaraaudit.model.TableException;

/**
 * The thresholds workbook cannot be used: each problem is one line naming the row and column, so that the audit
 * never runs with an ambiguous threshold and the officer can fix every row in one pass.
 */
public class ThresholdWorkbookException extends TableException {
    private final List<String> problems;

    public ThresholdWorkbookException(String workbook, List<String> problems) {
        super(workbook, 0, String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem, starting with the workbook's name: {@code thresholds.drl.xlsx row 14, column ...}. */
    public List<String> problems() { return problems; }

    @Override
    public String getMessage() { return String.join("\n", problems); }
}
