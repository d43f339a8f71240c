/**
 * Dose arithmetic as pure functions: size-specific dose (SSDE), effective dose from k-factors, red-marrow dose,
 * phantom conversion and age bands. Each is built from its coefficient table and returns no estimate rather than a guess.
 */
package org.alaraaudit.dosimetry;
