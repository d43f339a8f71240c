package org.alaraaudit.history.trend;

import java.util.Locale;

/** {@code --by}: what the trend's series are split by; {@link #ALL} is one series for everything in the store. */
public enum Grouping {
    ALL, FACILITY, STATION, PROTOCOL;

    /**
     * The series a study falls in. A study's protocol is the standard protocol of its first diagnostic acquisition,
     * at its facility: one protocol name at two facilities is two protocols (their scanners, their settings), and
     * pooling their counts would hide one behind the other, as the trend's header promises it does not.
     */
    String key(String facility, String station, String mainProtocol) {
        return switch (this) {
            case ALL -> "all";
            case FACILITY -> facility;
            case STATION -> facility + " / " + station;
            case PROTOCOL -> facility + " / " + (mainProtocol == null ? "(no protocol)" : mainProtocol);
        };
    }

    /**
     * The series a dose median falls in: never more than one facility, because each facility's DRL comparison is
     * its own (a pooled median can hide one facility's excess behind another's margin).
     */
    String medianKey(String facility, String station, String mainProtocol) {
        return this == ALL ? facility : key(facility, station, mainProtocol);
    }

    public String label() { return name().toLowerCase(Locale.ROOT); }

    /** {@code facility}, {@code station} or {@code protocol}, as the command line spells them; null is FACILITY. */
    public static Grouping parse(String by) {
        if (by == null) return FACILITY;
        for (Grouping g : values()) if (g != ALL && g.label().equalsIgnoreCase(by.trim())) return g;
        throw new IllegalArgumentException("--by " + by + ": expected facility, station or protocol");
    }
}
