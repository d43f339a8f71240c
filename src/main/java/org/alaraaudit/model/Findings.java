package org.alaraaudit.model;

import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A run's findings in report order, read front to back. A registry-sized audit finds millions, so they may be
 * held in temporary files rather than in memory: there is no random access, only a pass from the first to the
 * last, as every report reads them.
 */
public interface Findings extends Iterable<Finding> {
    /** No findings. */
    Findings NONE = of(List.of());

    int size();

    default boolean isEmpty() { return size() == 0; }

    /** The findings front to back; each call starts a new pass. */
    default Stream<Finding> stream() { return StreamSupport.stream(spliterator(), false); }

    /** Findings already in memory, in the order given. */
    static Findings of(List<Finding> findings) {
        List<Finding> copy = List.copyOf(findings);
        return new Findings() {
            @Override
            public int size() { return copy.size(); }

            @Override
            public Iterator<Finding> iterator() { return copy.iterator(); }

            @Override
            public Stream<Finding> stream() { return copy.stream(); }
        };
    }
}
