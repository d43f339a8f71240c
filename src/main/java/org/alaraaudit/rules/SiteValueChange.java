package org.alaraaudit.rules;

/**
 * A number in a site's table that differs from the built-in row it otherwise copies word for word, citation and
 * status included: the number is the site's own, but the row still names the publication (or "local policy
 * (default)") the built-in value came from, so a report would present it as stronger than it is.
 *
 * @param file        the table's file name under {@code tables/}
 * @param line        the row's line in the site's file
 * @param column      the column whose number differs
 * @param siteValue   the site's cell, null when blank
 * @param builtInValue the built-in row's cell, null when blank
 * @param status      the status both rows give
 * @param source      the source both rows give
 */
public record SiteValueChange(String file, long line, String column, String siteValue, String builtInValue, String status,
                              String source) {
    /** One line for a terminal or a log. */
    public String describe() {
        return "tables/" + file + " line " + line + ", " + column + ": " + shown(siteValue) + " where the built-in row has "
                + shown(builtInValue) + ", under the same source and status (" + status + ": " + source + ")";
    }

    private static String shown(String v) { return v == null ? "blank" : v; }
}
