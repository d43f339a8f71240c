package org.alaraaudit.scanlog;

/**
 * An input file of the run, its SHA-256, and how it was read, so a report can be checked against its sources: the
 * same bytes read with another mapping are other doses.
 *
 * @param readAs        the mapping profile: a built-in one's name ({@code canonical}, {@code openrem-ct-csv} ...), or
 *                      the file name of the site's own profile file
 * @param profileSha256 the SHA-256 of that profile file's bytes, which the site may change between runs; null for a
 *                      built-in profile, whose text the tool version fixes
 */
public record InputFile(String file, String path, String sha256, String readAs, String profileSha256) {
    /** Read with a profile file of the site's (whose digest a report then gives too), not a built-in layout. */
    public boolean readWithProfileFile() { return profileSha256 != null; }
}
