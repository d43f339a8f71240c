package org.alaraaudit.dicom;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One item of a structured report's content tree (PS3.3 C.17.3): its relationship to its parent, value type,
 * concept name and value, and its children. {@link #path()} is its position, 1-based per level ("1.5.2" is the
 * second child of the fifth child of the root), which is how a rejection points into the report.
 */
public record ContentItem(String path, String relationship, String valueType, Code concept, String text, Code code,
                          String numeric, Code unit, List<ContentItem> children) {

    /** The content tree of an SR document: its root is the data set itself. */
    public static ContentItem tree(DataSet document) {
        return item(document, "1");
    }

    private static ContentItem item(DataSet ds, String path) {
        String type = ds.string(Tag.VALUE_TYPE);
        Code concept = Code.of(ds.item(Tag.CONCEPT_NAME_CODE_SEQUENCE));
        String text = null;
        Code code = null;
        String numeric = null;
        Code unit = null;
        if (type != null) {
            switch (type) {
                case "TEXT": text = ds.string(Tag.TEXT_VALUE); break;
                case "CODE": code = Code.of(ds.item(Tag.CONCEPT_CODE_SEQUENCE)); break;
                case "NUM": {
                    DataSet mv = ds.item(Tag.MEASURED_VALUE_SEQUENCE);
                    if (mv != null) {
                        numeric = mv.string(Tag.NUMERIC_VALUE);
                        unit = Code.of(mv.item(Tag.MEASUREMENT_UNITS_CODE_SEQUENCE));
                    }
                    break;
                }
                case "DATETIME": text = ds.string(Tag.DATE_TIME); break;
                case "DATE": text = ds.string(Tag.DATE); break;
                case "TIME": text = ds.string(Tag.TIME); break;
                case "UIDREF": text = ds.string(Tag.UID); break;
                case "PNAME": text = ds.string(Tag.PERSON_NAME); break;
                default: break;
            }
        }
        List<ContentItem> children = new ArrayList<>();
        List<DataSet> items = ds.items(Tag.CONTENT_SEQUENCE);
        for (int i = 0; i < items.size(); i++) children.add(item(items.get(i), path + "." + (i + 1)));
        return new ContentItem(path, ds.string(Tag.RELATIONSHIP_TYPE), type, concept, text, code, numeric, unit, List.copyOf(children));
    }

    public boolean isConcept(String codeValue) { return concept != null && concept.is(codeValue); }

    /** The first child of this concept, if any. */
    public Optional<ContentItem> child(String codeValue) {
        for (ContentItem c : children) if (c.isConcept(codeValue)) return Optional.of(c);
        return Optional.empty();
    }

    /** All children of this concept, in order. */
    public List<ContentItem> all(String codeValue) {
        List<ContentItem> out = new ArrayList<>();
        for (ContentItem c : children) if (c.isConcept(codeValue)) out.add(c);
        return out;
    }

    /** The first item of this concept anywhere below, depth first. */
    public Optional<ContentItem> find(String codeValue) {
        for (ContentItem c : children) {
            if (c.isConcept(codeValue)) return Optional.of(c);
            Optional<ContentItem> deeper = c.find(codeValue);
            if (deeper.isPresent()) return deeper;
        }
        return Optional.empty();
    }

    /** The first item anywhere below whose concept meaning is one of these (case aside), depth first. */
    public Optional<ContentItem> findByMeaning(java.util.Set<String> meanings) {
        for (ContentItem c : children) {
            if (c.concept() != null && c.concept().meaning() != null
                    && meanings.contains(c.concept().meaning().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.of(c);
            }
            Optional<ContentItem> deeper = c.findByMeaning(meanings);
            if (deeper.isPresent()) return deeper;
        }
        return Optional.empty();
    }

    /** The path with the concept's meaning, for messages: {@code 1.5.7.1 (Mean CTDIvol)}. */
    public String where() { return path + (concept == null || concept.meaning() == null ? "" : " (" + concept.meaning() + ")"); }

    /**
     * The mean of a value given per pulse (pulsed fluoroscopy writes kVp and tube current once per pulse, as
     * several values; OpenREM averages them the same way); a single value is itself.
     */
    public Optional<BigDecimal> meanOfValues() {
        if (numeric == null) return Optional.empty();
        String[] parts = numeric.split("\\\\");
        BigDecimal sum = BigDecimal.ZERO;
        try {
            for (String p : parts) sum = sum.add(new BigDecimal(p.trim()));
        } catch (NumberFormatException e) {
            throw new DicomException(where() + ": \"" + numeric + "\" is not a number");
        }
        return Optional.of(parts.length == 1 ? sum : sum.divide(BigDecimal.valueOf(parts.length), java.math.MathContext.DECIMAL64));
    }

    /**
     * The numeric value, or empty when the item has none (an empty measured value is "not reported").
     *
     * @throws DicomException when the value is there but is not one decimal number
     */
    public Optional<BigDecimal> number() {
        if (numeric == null) return Optional.empty();
        if (numeric.contains("\\")) {
            throw new DicomException(where() + ": holds " + numeric.split("\\\\").length + " values where one number belongs");
        }
        try {
            return Optional.of(new BigDecimal(numeric.trim()));
        } catch (NumberFormatException e) {
            throw new DicomException(where() + ": \"" + numeric + "\" is not a number");
        }
    }
}
