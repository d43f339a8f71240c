/**
 * The benchmark users run: the audit and its anchors timed side by side in one run, printed with the machine and
 * commit. Never called by tests.
 */
package org.alaraaudit.bench;
