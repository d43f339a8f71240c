package org.alaraaudit.history.trend;

import java.nio.file.Path;
import org.alaraaudit.rules.Policy;
import org.alaraaudit.rules.RuleSet;
import org.alaraaudit.rules.TableFile;

/**
 * When a protocol's month-to-month change of median is flagged: more than {@code fraction} up or down, with
 * at least {@code minStudies} studies in both months (the DRL table's minimum sample, so a handful of unusual
 * patients does not look like a protocol change). The fraction is the settings table's
 * {@value #SETTING}, with its source.
 */
public record StepRule(double fraction, String source, int minStudies) {
    public static final String SETTING = "trend_median_step_fraction";

    /** From {@code tables/settings.csv} of a rules folder, or of the built-in rules when {@code rules} is null. */
    public static StepRule load(Path rules) {
        Path root = rules != null ? rules : RuleSet.defaultRules();
        Policy policy = Policy.from(TableFile.read(root.resolve("tables").resolve(Policy.FILE), "tables/" + Policy.FILE,
                "key", "value", "source"));
        Policy.Setting step = policy.settings().get(SETTING);
        if (step == null) {
            throw new org.alaraaudit.model.TableException("tables/" + Policy.FILE, 0, "setting '" + SETTING + "' is missing");
        }
        double fraction;
        try {
            fraction = Double.parseDouble(step.value());
        } catch (NumberFormatException e) {
            throw new org.alaraaudit.model.TableException("tables/" + Policy.FILE, 0,
                    "setting " + SETTING + ": \"" + step.value() + "\" is not a number");
        }
        if (fraction <= 0) {
            throw new org.alaraaudit.model.TableException("tables/" + Policy.FILE, 0, "setting " + SETTING + " must be above 0");
        }
        return new StepRule(fraction, step.source(), policy.getDrlMinSampleStudies());
    }
}
