package org.alaraaudit.scanlog;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * The zip entries of a workbook's parts, found as FastExcel finds them when it opens a workbook: the workbook,
 * styles and shared-text parts named in {@code [Content_Types].xml}, the workbook's relationships beside it, and each
 * sheet's part through those relationships. Each is the entry's name in the zip, or null when FastExcel would not
 * find it. What cannot be read is left null or out: FastExcel cannot open such a workbook either.
 *
 * @param sheets each sheet's part by the sheet's name, in workbook order
 */
record PartNames(String contentTypes, String workbook, String relationships, String styles, String sharedTexts,
                 Map<String, String> sheets) {
    private static final String WORKBOOK = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml";
    private static final String MACRO_WORKBOOK = "application/vnd.ms-excel.sheet.macroEnabled.main+xml";
    private static final String SHARED_TEXTS = "application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml";
    private static final String STYLES = "application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml";
    private static final XMLInputFactory XML = SharedTextScan.parserAsFastExcel();

    /** The parts FastExcel reads when it opens a workbook, before any sheet. */
    List<String> openedByFastExcel() {
        return Arrays.asList(contentTypes, workbook, relationships, styles, sharedTexts);
    }

    static PartNames read(ZipFile zip) {
        String contentTypes = entry(zip, "[Content_Types].xml");
        String workbook = null;
        String relationships = null;
        String styles = null;
        String sharedTexts = null;
        Map<String, String> sheets = new LinkedHashMap<>();
        try {
            String workbookName = null;
            String stylesName = null;
            String sharedTextsName = null;
            try (InputStream in = open(zip, contentTypes)) {
                XMLStreamReader r = XML.createXMLStreamReader(in);
                while (next(r, "Override")) {
                    String type = required(r, "ContentType");
                    if (WORKBOOK.equals(type) || MACRO_WORKBOOK.equals(type)) workbookName = required(r, "PartName");
                    else if (SHARED_TEXTS.equals(type)) sharedTextsName = required(r, "PartName");
                    else if (STYLES.equals(type)) stylesName = required(r, "PartName");
                    if (workbookName != null && sharedTextsName != null && stylesName != null) break;
                }
            }
            if (workbookName == null) workbookName = "/xl/workbook.xml";
            workbook = entry(zip, workbookName);
            styles = entry(zip, stylesName);
            sharedTexts = entry(zip, sharedTextsName);
            String relationshipsName = workbookName.replaceFirst("^(.*/)([^/]+)$", "$1_rels/$2.rels");
            relationships = entry(zip, relationshipsName);
            // Relative targets are taken from the workbook's folder, as FastExcel takes them.
            String folder = relationshipsName.substring(0, relationshipsName.lastIndexOf("_rels/"));
            Map<String, String> targets = new HashMap<>();
            try (InputStream in = open(zip, relationships)) {
                XMLStreamReader r = XML.createXMLStreamReader(in);
                while (next(r, "Relationship")) {
                    String target = r.getAttributeValue(null, "Target");
                    targets.put(r.getAttributeValue(null, "Id"), target.startsWith("/") ? target : folder + target);
                }
            }
            try (InputStream in = open(zip, workbook)) {
                XMLStreamReader r = XML.createXMLStreamReader(in);
                while (next(r, "sheet")) {
                    String name = r.getAttributeValue(null, "name");
                    String target = targets.get(relationshipId(r));
                    // With ".." resolved, which FastExcel does not do (it then fails) but POI does.
                    String part = target == null ? null : entry(zip, normalised(target));
                    if (name != null && part != null) sheets.putIfAbsent(name, part);
                }
            }
        } catch (IOException | XMLStreamException | RuntimeException e) {
            // what was found so far; FastExcel fails where this stopped
        }
        return new PartNames(contentTypes, workbook, relationships, styles, sharedTexts, sheets);
    }

    /** The sheet's {@code r:id}, in the transitional relationships namespace or Strict OOXML's. */
    private static String relationshipId(XMLStreamReader r) {
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String ns = r.getAttributeNamespace(i);
            if ("id".equals(r.getAttributeLocalName(i)) && ns != null && ns.endsWith("/relationships")) return r.getAttributeValue(i);
        }
        return null;
    }

    private static InputStream open(ZipFile zip, String entry) throws IOException {
        if (entry == null) throw new IOException("no such part");
        return zip.getInputStream(zip.getEntry(entry));
    }

    /** Moves to the next start of an element of that local name, at any depth, as FastExcel looks for one. */
    private static boolean next(XMLStreamReader r, String element) throws XMLStreamException {
        while (r.hasNext()) {
            if (r.next() == XMLStreamConstants.START_ELEMENT && element.equals(r.getLocalName())) return true;
        }
        return false;
    }

    private static String required(XMLStreamReader r, String attribute) throws XMLStreamException {
        String value = r.getAttributeValue(null, attribute);
        if (value == null) throw new XMLStreamException("missing required attribute " + attribute);
        return value;
    }

    /**
     * The zip entry a part name stands for, looked up as FastExcel looks it up: without its leading slash, by its
     * exact name or else ignoring case; null when there is none.
     */
    static String entry(ZipFile zip, String part) {
        if (part == null) return null;
        String name = part.startsWith("/") ? part.substring(1) : part;
        if (zip.getEntry(name) != null) return name;
        for (Enumeration<ZipArchiveEntry> e = zip.getEntries(); e.hasMoreElements(); ) {
            String other = e.nextElement().getName();
            if (other.equalsIgnoreCase(name)) return other;
        }
        return null;
    }

    private static String normalised(String part) {
        Deque<String> names = new ArrayDeque<>();
        for (String n : part.split("/")) {
            if (n.isEmpty() || n.equals(".")) continue;
            if (n.equals("..")) names.pollLast();
            else names.addLast(n);
        }
        return String.join("/", names);
    }
}
