/**
 * The facts the rules reason about (studies, irradiation events, findings, reference levels), immutable and
 * free of I/O. It imports nothing else of the project, so every stage can share it.
 */
package org.alaraaudit.model;
