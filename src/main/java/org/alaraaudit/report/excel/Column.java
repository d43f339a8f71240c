package org.alaraaudit.report.excel;

/** A table column: its header, its width in characters, and whether it holds numbers (header aligned right). */
record Column(String header, int width, boolean numeric) {
    static Column of(String header, int width) { return new Column(header, width, false); }

    static Column num(String header, int width) { return new Column(header, width, true); }
}
