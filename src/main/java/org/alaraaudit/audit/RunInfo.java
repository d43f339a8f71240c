package org.alaraaudit.audit;

import java.time.Instant;
import java.util.List;
import org.alaraaudit.scanlog.InputFile;

/** What a report must say about how it was made, so a reviewer can check it against its sources. */
public record RunInfo(String toolVersion, String ruleSetDigest, String ruleSetLocation, List<InputFile> inputs,
                      AuditPeriod period, boolean periodGiven, double pediatricAgeYears, String drlSet,
                      Instant generatedAt, String institution) {
    /**
     * The site's profile files the inputs were read with, each once in input order, as input files of their own
     * (name and SHA-256): a report lists them with the inputs, since the same bytes read with another mapping are
     * other doses.
     */
    public List<InputFile> profileFiles() {
        java.util.Map<String, InputFile> out = new java.util.LinkedHashMap<>();
        for (InputFile f : inputs) {
            if (f.readWithProfileFile()) {
                out.putIfAbsent(f.readAs() + " " + f.profileSha256(), new InputFile(f.readAs(), null, f.profileSha256(), null, null));
            }
        }
        return List.copyOf(out.values());
    }
}
