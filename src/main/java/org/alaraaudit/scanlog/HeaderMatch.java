package org.alaraaudit.scanlog;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A profile laid over one file's header: which column index each of the profile's column names found, how many
 * numbered event blocks the header has, which required columns are missing, and which columns the profile
 * does not use (kept as extra attributes).
 */
final class HeaderMatch {
    /** One column name of the profile, found in this header: a study-level index, or one index per event. */
    record Column(int index, int[] byEvent, int stride) {
        /**
         * The cell of event {@code event}; an event past the header's last block is read {@code stride} columns on per
         * event from that block's column (0: the header's blocks are all there are).
         */
        Object cell(Object[] row, int event) {
            int i = byEvent == null ? index : (event > 0 && event < byEvent.length ? byEvent[event] : -1);
            if (byEvent != null && event >= byEvent.length && stride > 0 && byEvent.length > 1) {
                int last = byEvent[byEvent.length - 1];
                i = last < 0 ? -1 : last + (event - (byEvent.length - 1)) * stride;
            }
            return i >= 0 && i < row.length ? row[i] : null;
        }

        boolean perEvent() { return byEvent != null; }

        boolean present() {
            if (byEvent == null) return index >= 0;
            for (int i : byEvent) if (i >= 0) return true;
            return false;
        }
    }

    /** A column the profile does not map: kept as an extra attribute of its study's rows or of its event's row. */
    record Extra(int index, int event, String name) {}

    private final MappingProfile profile;
    private final List<String> header;
    /** The header names normalised once: a wide export has 100,000 of them and many names to look for. */
    private final List<String> normed = new ArrayList<>();
    private final Map<String, Integer> byName = new HashMap<>();
    /** The second column of a name that appears more than once, by normalised name. */
    private final Map<String, Integer> secondByName = new HashMap<>();
    /** A column the profile reads that the header has twice: which of the two holds the value is a guess. */
    private String repeated;
    private final Map<String, Column> columns = new HashMap<>();
    private final Set<Integer> used = new LinkedHashSet<>();
    /** Columns that are a field's own source; columns only consulted (.study, .time, .times) stay extras too. */
    private final Set<Integer> mapped = new LinkedHashSet<>();
    private final List<Extra> extras = new ArrayList<>();
    private final List<String> missing = new ArrayList<>();
    private final int events;
    /**
     * The width of the header's last event block when the header ends with it and each block has the same columns in
     * the same order; 0 otherwise. A row longer than the header by whole blocks of this width holds further events:
     * OpenREM's radiography CSV sizes its header by the largest "Total Number of Radiographic Frames" its studies
     * state, and writes every event a study has, so a study with more events than it states has a row longer than
     * the header (shared/reference/openrem-dx-rf-export-layout.md, 3.3).
     */
    private final int blockWidth;
    /** The profile's numbered block names ("E{n} ..."), to tell which block a column belongs to. */
    private final List<Block> blocks = new ArrayList<>();
    /**
     * For each column, the lowest event number of it and every column after it (0: a study column among them);
     * computed on the first short row, as most files have none.
     */
    private int[] lowestEventFrom;

    HeaderMatch(MappingProfile profile, List<String> header) {
        this.profile = profile;
        this.header = header;
        for (int i = 0; i < header.size(); i++) {
            normed.add(MappingProfile.norm(header.get(i)));
            if (byName.putIfAbsent(normed.get(i), i) != null) secondByName.putIfAbsent(normed.get(i), i);
        }
        int maxEvent = 0;
        for (MappingProfile.Field f : profile.fields().values()) {
            for (String s : names(f)) {
                if (s.contains(MappingProfile.EVENT)) {
                    blocks.add(blockPattern(s));
                    maxEvent = Math.max(maxEvent, highestEvent(s));
                }
            }
        }
        this.events = maxEvent;
        this.blockWidth = trailingBlockWidth();
        for (MappingProfile.Field f : profile.fields().values()) {
            for (String s : names(f)) resolve(s);
            for (String s : f.sources()) mapped.addAll(indices(column(s)));
        }
        findMissing();
        for (int i = 0; i < header.size(); i++) {
            String n = normed.get(i);
            if (mapped.contains(i) || n.isEmpty() || profile.ignored().contains(n)
                    || !Integer.valueOf(i).equals(byName.get(n))) continue;
            extras.add(eventExtra(i, n));
        }
    }

    /** See {@link #blockWidth}: the last block's columns end the header, after the block before it, name by name. */
    private int trailingBlockWidth() {
        if (events < 1) return 0;
        int end = header.size();
        int start = end;
        while (start > 0 && eventOf(start - 1) == events) start--;
        int width = end - start;
        if (width == 0) return 0;
        for (int i = 0; i < start; i++) if (eventOf(i) == events) return 0;
        if (events == 1) return width;
        if (start - width < 0) return 0;
        for (int i = 0; i < width; i++) {
            Matcher before = blockName(normed.get(start - width + i));
            Matcher last = blockName(normed.get(start + i));
            if (before == null || parseEvent(before.group(1)) != events - 1 || !before.group(2).equals(last.group(2))) return 0;
        }
        return width;
    }

    /**
     * How many events a row of {@code cells} cells can hold (cells past the header's last non-empty one left out):
     * the header's blocks, and for a row longer than the header by whole blocks, those too; -1 for a row longer by
     * part of a block, or longer where the header does not end with blocks (a separator too many).
     * {@code wholeBlocks} false: a workbook row, which leaves out the empty cells of its last block.
     */
    int eventsIn(int cells, boolean wholeBlocks) {
        int surplus = cells - header.size();
        if (surplus <= 0) return events;
        if (blockWidth == 0 || (wholeBlocks && surplus % blockWidth != 0)) return -1;
        return events + (surplus + blockWidth - 1) / blockWidth;
    }

    /** True when rows longer than the header may hold events (see {@link #blockWidth}). */
    boolean blocksPastHeader() { return blockWidth > 0; }

    /** The column of an unmapped extra for event {@code n}: its own, or for an event past the header, moved on by blocks. */
    int extraIndex(Extra e, int n) {
        if (e.event() == 0 || n <= events) return e.index();
        return e.event() == events && blockWidth > 0 ? e.index() + (n - events) * blockWidth : -1;
    }

    private static List<String> names(MappingProfile.Field f) {
        List<String> out = new ArrayList<>(f.sources());
        out.addAll(f.studySources());
        if (f.times() != null) out.add(f.times());
        if (f.time() != null) out.add(f.time());
        return out;
    }

    /** "E{n} CTDIvol" as the text around the event number: "e" and " ctdivol" once normalised. */
    private record Template(String before, String after) {
        static Template of(String source) {
            String n = MappingProfile.norm(source);
            int at = n.indexOf(MappingProfile.EVENT);
            return new Template(n.substring(0, at), n.substring(at + MappingProfile.EVENT.length()));
        }

        /** The event number a normalised header name has in this template, or -1. */
        int event(String name) {
            int from = before.length();
            int to = name.length() - after.length();
            if (to <= from || !name.startsWith(before) || !name.endsWith(after)) return -1;
            for (int i = from; i < to; i++) if (name.charAt(i) < '0' || name.charAt(i) > '9') return -1;
            return parseEvent(name.substring(from, to));
        }
    }

    /** The block prefix of a template ("E{n} ..." gives "E\d+ "), to recognise event columns no field maps. */
    private record Block(String before, Pattern pattern) {}

    private static Block blockPattern(String source) {
        String n = MappingProfile.norm(source);
        int at = n.indexOf(MappingProfile.EVENT);
        int end = at + MappingProfile.EVENT.length();
        String after = end < n.length() ? n.substring(end, end + 1) : "";
        return new Block(n.substring(0, at), Pattern.compile(Pattern.quote(n.substring(0, at)) + "(\\d+)" + Pattern.quote(after) + "(.+)"));
    }

    private int highestEvent(String source) {
        Template t = Template.of(source);
        int max = 0;
        for (String h : normed) max = Math.max(max, t.event(h));
        return max;
    }

    private static int parseEvent(String digits) {
        return digits.length() > 6 ? 0 : Integer.parseInt(digits);
    }

    private void resolve(String source) {
        String key = MappingProfile.norm(source);
        if (columns.containsKey(key)) return;
        if (!key.contains(MappingProfile.EVENT)) {
            int i = byName.getOrDefault(key, -1);
            if (i >= 0) used.add(i);
            if (i >= 0 && secondByName.containsKey(key)) repeatedColumn(i, secondByName.get(key));
            columns.put(key, new Column(i, null, 0));
            return;
        }
        int[] byEvent = new int[events + 1];
        java.util.Arrays.fill(byEvent, -1);
        Template t = Template.of(source);
        for (int i = 0; i < header.size(); i++) {
            int n = t.event(normed.get(i));
            if (n >= 1 && n <= events && byEvent[n] >= 0) repeatedColumn(byEvent[n], i);
            if (n >= 1 && n <= events && byEvent[n] < 0) {
                byEvent[n] = i;
                used.add(i);
            }
        }
        columns.put(key, new Column(-1, byEvent, blockWidth));
    }

    private static List<Integer> indices(Column c) {
        List<Integer> out = new ArrayList<>();
        if (c.byEvent() == null) {
            if (c.index() >= 0) out.add(c.index());
        } else {
            for (int i : c.byEvent()) if (i >= 0) out.add(i);
        }
        return out;
    }

    private Extra eventExtra(int i, String n) {
        Matcher m = blockName(n);
        return m == null ? new Extra(i, 0, n) : new Extra(i, parseEvent(m.group(1)), m.group(2).trim());
    }

    /** A normalised header name read as a numbered block's column (group 1 the number, 2 the rest), or null. */
    private Matcher blockName(String n) {
        for (Block b : blocks) {
            if (!n.startsWith(b.before())) continue;
            Matcher m = b.pattern().matcher(n);
            if (m.matches()) return m;
        }
        return null;
    }

    /** The event block of a header column by its name, mapped or not; 0 for a study column. */
    private int eventOf(int i) {
        Matcher m = blockName(normed.get(i));
        return m == null ? 0 : parseEvent(m.group(1));
    }

    /**
     * Whether a CSV row of {@code cells} cells, fewer than the header's, ends where the export itself ends rows: OpenREM
     * does not pad its CSV rows, so a study with fewer events than the export's largest has only the blocks of its own
     * events (none for a study without any), and a single-plane fluoroscopy study has no plane B columns. Such a row
     * ends just before an event block, every column after it being of that block or a later one, or just before a
     * column the profile names as a row end ({@link MappingProfile#rowEnds()}). Ending anywhere else, it was cut: inside
     * a block or among the study's columns, cells that may have held values are gone.
     */
    boolean rowMayEndAt(int cells) {
        if (cells >= header.size()) return true;
        if (cells <= 0) return false;
        if (profile.rowEnds().contains(normed.get(cells))) return true;
        if (lowestEventFrom == null) {
            int[] lowest = new int[header.size()];
            int min = Integer.MAX_VALUE;
            for (int i = header.size() - 1; i >= 0; i--) {
                min = Math.min(min, eventOf(i));
                lowest[i] = min;
            }
            lowestEventFrom = lowest;
        }
        int block = eventOf(cells);
        return block > 0 && eventOf(cells - 1) < block && lowestEventFrom[cells] == block;
    }

    private boolean present(MappingProfile.Field f) {
        if (f.constant() != null) return true;
        for (String s : f.sources()) if (column(s).present()) return true;
        for (String s : f.studySources()) if (column(s).present()) return true;
        return false;
    }

    /** The columns a required field could come from, as the profile names them, when none is in the header. */
    private void findMissing() {
        for (CanonicalColumn c : CanonicalColumn.values()) {
            if (!c.required()) continue;
            if (c == CanonicalColumn.PATIENT_ID && profile.patientPerStudy()) continue;
            profile.field(c.header()).filter(f -> !present(f)).ifPresent(f -> missing.add(describe(f)));
        }
        MappingProfile.Field age = profile.field("age_years").orElse(null);
        MappingProfile.Field birth = profile.field("birth_date").orElse(null);
        boolean ageFound = (age != null && present(age)) || (birth != null && present(birth));
        if (!ageFound) {
            List<String> either = new ArrayList<>();
            if (age != null) either.add(describe(age));
            if (birth != null) either.add(describe(birth));
            missing.add(String.join(" or ", either));
        }
    }

    private static String describe(MappingProfile.Field f) {
        List<String> names = new ArrayList<>(f.sources());
        names.addAll(f.studySources());
        return String.join(" or ", names);
    }

    private void repeatedColumn(int first, int second) {
        if (repeated == null) {
            repeated = "column " + header.get(first).trim() + " appears twice (columns " + (first + 1) + " and " + (second + 1)
                    + "); rename or remove one";
        }
    }

    /** Why the header cannot be read with this profile although it fits: a column it reads appears twice; or null. */
    String repeated() { return repeated; }

    MappingProfile profile() { return profile; }

    List<String> header() { return header; }

    Column column(String source) { return columns.get(MappingProfile.norm(source)); }

    /** The highest event number among the header's per-event columns; 0 for a file of one row per event. */
    int events() { return events; }

    List<Extra> extras() { return extras; }

    /** Required columns (as the profile names them) the header lacks; empty when the profile fits. */
    List<String> missing() { return missing; }

    boolean fits() { return missing.isEmpty(); }

    /** How many of the header's columns the profile uses: the better fit among profiles that all fit. */
    int matched() { return used.size(); }

    /** False when the export has no patient identifier column at all. */
    boolean hasPatientIdentifiers() {
        return profile.field("patient_id").map(f -> {
            for (String s : f.sources()) if (column(s).present()) return true;
            return false;
        }).orElse(false);
    }
}
