/**
 * The history store behind a JDBC URL (embedded H2 or PostgreSQL): writing each run, answering the rules'
 * look-backs, reviews and the trend's figures. Report writers read its data types; it imports no report code.
 */
package org.alaraaudit.history;
