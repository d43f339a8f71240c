package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A citation's status as a reviewer reads it: always last, and of the value it is the status of. */
class ReferenceStatusCitationTest {
    private static final String RANGE = "upper end: pediatric DRL, chest 5-10 y (Kanal KM 2022); lower end: local policy"
            + " (default), a quarter of the upper end";

    @Test
    void aPublishedSourceIsFollowedByItsStatus() {
        assertEquals("Kanal KM 2022 (from a secondary source)", ReferenceStatus.cited("Kanal KM 2022", "secondary"));
        assertEquals("ICRP 135 (read in the publication)", ReferenceStatus.cited("ICRP 135", "primary"));
        assertEquals("ICRP 135", ReferenceStatus.cited("ICRP 135", null), "no status, none said");
    }

    @Test
    void aLocalPolicyIsFollowedByItsStatusLikeAnyOtherSourceAndAConfirmationAsWritten() {
        String policy = "local policy (default): a repeat within 48 h is reviewed";
        assertEquals(policy + " (local policy)", ReferenceStatus.cited(policy, "local-policy"), "the status always last");
        assertEquals(policy + " (confirmed by A. Physicist on 2026-11-01)", ReferenceStatus.cited(policy, "confirmed by A. Physicist on 2026-11-01"));
    }

    /**
     * ICRP 135 compares a DRL with a facility's median, never with one exam: an upper end set at a DRL's value is the
     * site's choice of a screening level, and only the value has the DRL's status.
     */
    @Test
    void anUpperEndSetAtADrlsValueIsLocalPolicyWithTheValuesStatus() {
        String range = "upper end: local policy (default), one exam's screening level set at the value of the pediatric DRL,"
                + " chest 5-10 y (Kanal KM 2022); lower end: local policy (default), a quarter of the upper end";
        assertEquals(range + " (the DRL's value from a secondary source)", ReferenceStatus.cited(range, "secondary"));
        assertEquals(range + " (local policy)", ReferenceStatus.cited(range, "local-policy"));
    }

    @Test
    void aRangeWithAPublishedUpperEndAndALocalLowerEndSaysWhichEndTheStatusIsOf() {
        assertEquals(RANGE + " (upper end from a secondary source)", ReferenceStatus.cited(RANGE, "secondary"));
        assertEquals(RANGE + " (upper end unverified)", ReferenceStatus.cited(RANGE, "unverified"));
        assertEquals(RANGE + " (local policy)", ReferenceStatus.cited(RANGE, "local-policy"), "both ends local policy: said of the whole");
        String bothPublished = "upper end: DRL 5-10 y (Kanal); lower end: achievable dose (Kanal)";
        assertEquals(bothPublished + " (from a secondary source)", ReferenceStatus.cited(bothPublished, "secondary"));
    }
}
