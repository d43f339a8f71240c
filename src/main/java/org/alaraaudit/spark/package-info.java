/**
 * The audit on Apache Spark, for registries whose logs outgrow one machine: the same reader, validator, keyed
 * hash, rule base and period aggregates as {@code audit}, with the rows partitioned by pseudonym across executors.
 * Spark is a provided dependency: nothing outside this package refers to it, so the command-line tool runs
 * without it.
 */
package org.alaraaudit.spark;
