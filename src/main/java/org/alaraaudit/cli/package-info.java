/**
 * The picocli commands: each parses options, calls one stage and prints. Exit codes and the one-line error
 * messages a user sees are decided here (ExitCode, ErrorReport).
 */
package org.alaraaudit.cli;
