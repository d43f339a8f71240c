package org.alaraaudit.rules;

/** A rule as its DRL metadata describes it: for `rules list`, the methodology section and the workbook. */
public record RuleDescription(String ruleId, String name, String severity, String scope, String source,
                              String description, String file) {}
