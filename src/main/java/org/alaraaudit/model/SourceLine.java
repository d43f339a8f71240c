package org.alaraaudit.model;

/**
 * Where a value came from: the input file's name and the 1-based line of its row. Serializable: the Spark runner
 * sends its executors the lines of the rejected rows.
 */
public record SourceLine(String file, long line) implements Comparable<SourceLine>, java.io.Serializable {
    @Override
    public String toString() { return file + ":" + line; }

    @Override
    public int compareTo(SourceLine o) {
        int c = file.compareTo(o.file);
        return c != 0 ? c : Long.compare(line, o.line);
    }
}
