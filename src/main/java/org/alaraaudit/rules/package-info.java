/**
 * The rule set in `rules/`: loading and checking its DRL files and tables, the Drools sessions a run evaluates
 * patients in, and the findings they raise. Rule knowledge (titles, actions, thresholds) lives in the DRL metadata.
 */
package org.alaraaudit.rules;
