package org.alaraaudit.scanlog;

import java.time.LocalDate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.Map;
import org.alaraaudit.model.SourceLine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The row's own identifier and birth date, found in free text and in rejected values whatever their layout. */
class IdentifyingValuesTest {
    private static IdentifyingValues of(String id, String birth) {
        Map<CanonicalColumn, String> cells = new EnumMap<>(CanonicalColumn.class);
        if (id != null) cells.put(CanonicalColumn.PATIENT_ID, id);
        if (birth != null) cells.put(CanonicalColumn.BIRTH_DATE, birth);
        return IdentifyingValues.of(new RawRow(new SourceLine("f.csv", 2), cells, Map.of(), false));
    }

    @ParameterizedTest(name = "the birth date written \"{0}\" is masked")
    @ValueSource(strings = {"2016-03-11", "11/03/2016", "11.03.2016", "20160311", "03/11/2016", "11/3/2016", "3/11/2016"})
    void theBirthDateIsMaskedInEveryLayout(String written) {
        IdentifyingValues v = of("RCH7788", "2016-03-11");
        assertEquals("follow-up, dob [birth date], see notes", v.mask("follow-up, dob " + written + ", see notes"));
    }

    @Test
    void aBirthDateGivenInAnotherLayoutIsMaskedInTheIsoLayoutToo() {
        assertEquals("born [birth date]", of("X1", "11.03.2016").mask("born 2016-03-11"));
    }

    @Test
    void aBirthDateThatReadsEitherWayIsMaskedBothWays() {
        IdentifyingValues v = of("X1", "03/11/2016");
        assertEquals("[birth date] or [birth date]", v.mask("2016-03-11 or 2016-11-03"));
        assertTrue(v.identifies("study_datetime", "11.03.2016"));
    }

    @Test
    void theIdentifierIsMaskedIgnoringCaseButNeverInsideALongerWordOrNumber() {
        IdentifyingValues v = of("RCH7788", null);
        assertEquals("pt [patient id] (prior CT [patient id])", v.mask("pt RCH7788 (prior CT rch7788)"));
        assertEquals("RCH77880 and XRCH7788", v.mask("RCH77880 and XRCH7788"));
        assertEquals("head 120 kV", of("12", null).mask("head 120 kV"), "a short identifier does not eat digits of a number");
        assertEquals("id [patient id]", of("12", null).mask("id 12"));
    }

    @Test
    void theIdentifierIsFoundIgnoringCaseInPlainAndInAccentedTexts() {
        IdentifyingValues v = of("Rch7788", "2016-03-11");
        assertEquals("pt [patient id]", v.mask("pt RCH7788"));
        assertEquals("pt [patient id]", v.mask("pt rch7788"));
        assertEquals("Kontrolle nach Sturz, Pat. [patient id]", v.mask("Kontrolle nach Sturz, Pat. rCH7788"));
        assertEquals("contrôle, né le [birth date], dossier [patient id]", v.mask("contrôle, né le 11/03/2016, dossier RCH7788"));
        assertEquals("İstanbul [patient id]", v.mask("İstanbul RCH7788"), "a letter whose lower case is two chars long");
    }

    @Test
    void textWithoutTheRowsIdentifiersIsReturnedAsItWas() {
        String text = "Suspected appendicitis, RLQ pain 11/03/2015";
        assertTrue(text == of("RCH7788", "2016-03-11").mask(text));
        assertEquals(text, of(null, null).mask(text));
    }

    @Test
    void aTextHoldingTheBirthYearButNotTheDateIsReturnedAsItWasAndOneHoldingTheDateAfterItIsMasked() {
        IdentifyingValues v = of("RCH7788", "2016-03-11");
        String yearOnly = "prior CT 2016, 3/12/2016 follow-up";
        assertTrue(yearOnly == v.mask(yearOnly));
        assertEquals("prior CT 2016, [birth date] follow-up", v.mask("prior CT 2016, 3/11/2016 follow-up"));
        assertEquals("born [birth date]", v.mask("born 20160311"));
    }

    @Test
    void valuesOfTheIdentifierAndBirthDateColumnsAlwaysIdentify() {
        IdentifyingValues v = of("RCH7788", "2016-03-11");
        assertTrue(v.identifies("birth_date", "2016-02-30"));
        assertTrue(v.identifies("patient_id", "anything"));
        assertFalse(v.identifies("kvp", "300"));
    }

    @ParameterizedTest(name = "in another column \"{0}\" identifies")
    @ValueSource(strings = {"RCH7788", " rch7788 ", "2016-03-11", "11/03/2016", "20160311", "2016-3-11", "x RCH7788"})
    void aValueHoldingTheRowsOwnIdentifierOrBirthDateIdentifies(String value) {
        assertTrue(of("RCH7788", "2016-03-11").identifies("study_datetime", value));
    }

    @ParameterizedTest(name = "age_years \"{0}\" looks like a date of birth")
    @ValueSource(strings = {"2016-03-11", "11/03/2016", "20160311", "11.03.2016", "42440", "2016"})
    void anAgeWrittenLikeADateIdentifiesEvenWithoutABirthDate(String value) {
        assertTrue(of("RCH7788", null).identifies("age_years", value));
    }

    @ParameterizedTest(name = "age_years \"{0}\" is shown")
    @ValueSource(strings = {"-1", "131", "abc", "6,5", "012Y", "7 months"})
    void anAgeWrittenLikeAnAgeIsShown(String value) {
        assertFalse(of("RCH7788", null).identifies("age_years", value));
    }

    @Test
    void isoShapedBirthDatesReadDigitByDigitGiveTheDatesEveryLayoutGives() {
        int checked = 0;
        for (String year : new String[] {"0000", "0001", "1900", "1999", "2000", "2016", "2023", "2024", "9999"}) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format("%s-%02d-%02d", year, month, day);
                    assertEquals(IdentifyingValues.parseDatesInLayouts(text), IdentifyingValues.parseDates(text), text);
                    // The validator's birth date: what LocalDate.parse reads, null where it refuses.
                    LocalDate parsed;
                    try {
                        parsed = LocalDate.parse(text);
                    } catch (java.time.format.DateTimeParseException e) {
                        parsed = null;
                    }
                    assertEquals(parsed, IdentifyingValues.isoShapedDate(text), text);
                    checked++;
                }
            }
        }
        assertEquals(9 * 14 * 33, checked);
        assertEquals(java.util.Set.of(java.time.LocalDate.of(2024, 2, 29)), IdentifyingValues.parseDates("2024-02-29"));
        assertTrue(IdentifyingValues.parseDates("2023-02-29").isEmpty());
    }
}
