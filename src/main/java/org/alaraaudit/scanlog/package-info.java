/**
 * Reading scan logs into canonical rows: the CSV, XLSX and OpenREM readers, mapping profiles, validation and
 * pseudonyms. Every row read is accounted for here: audited, rejected with its reason, duplicate or excluded.
 */
package org.alaraaudit.scanlog;
