package org.alaraaudit.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectionAgeBandsTest {
    @Test
    void theOldestChildrensBandEndsAtThePediatricLimitAndSaysSo() {
        assertEquals("15-<18 y", new ProjectionAgeBands(18).of(16.4));
        assertEquals("15-<21 y", new ProjectionAgeBands(21).of(19));
        assertEquals("adult", new ProjectionAgeBands(18).of(18));
        assertEquals("10-15 y", new ProjectionAgeBands(18).of(14.9));
        assertEquals("0-1 y", new ProjectionAgeBands(18).of(0.3));
    }

    @Test
    void aBandThePediatricLimitCutsShortIsLabelledWithTheLimit() {
        assertEquals("10-<12 y", new ProjectionAgeBands(12).of(11));
        assertEquals("adult", new ProjectionAgeBands(12).of(13));
        assertEquals("15-<16.5 y", new ProjectionAgeBands(16.5).of(16));
        assertEquals("5-10 y", new ProjectionAgeBands(10).of(9.9));
    }

    @Test
    void anEarlierRunsOpenOldestBandIsReadAsTheBandFromFifteenToThatRunsLimit() {
        assertEquals("15-<18 y", ProjectionAgeBands.stored("15+ y", 18));
        assertEquals("15-<21 y", ProjectionAgeBands.stored("15+ y", 21));
        assertEquals("5-10 y", ProjectionAgeBands.stored("5-10 y", 21));
    }

    @Test
    void bandsAreListedYoungestFirstWithAdultsLast() {
        List<String> bands = new ArrayList<>(List.of("adult", "15-<18 y", "1-5 y", "10-15 y", "0-1 y", "5-10 y"));
        bands.sort(ProjectionAgeBands.YOUNGEST_FIRST);
        assertEquals(List.of("0-1 y", "1-5 y", "5-10 y", "10-15 y", "15-<18 y", "adult"), bands);
    }
}
