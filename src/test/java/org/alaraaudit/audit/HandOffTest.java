package org.alaraaudit.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What fails on the second thread fails on the thread that waits for it, as it was raised: an out-of-memory
 * error there must reach the command line as one, not die with the thread while the audit goes on.
 */
class HandOffTest {
    @Test
    void anErrorOnTheWorkerThreadIsThrownOnTheWaitingThreadAsItWas() {
        OutOfMemoryError oom = new OutOfMemoryError("Java heap space");
        try (HandOff<Integer> h = new HandOff<>("test-worker", 2, i -> { throw oom; })) {
            Error e = assertThrows(Error.class, () -> {
                for (int i = 0; i < 10; i++) h.submit(i);
                h.finish();
            });
            assertSame(oom, e);
        }
    }

    @Test
    void aRuntimeFailureOnTheWorkerThreadIsThrownOnTheWaitingThread() {
        IllegalStateException failure = new IllegalStateException("rule defect");
        try (HandOff<Integer> h = new HandOff<>("test-worker", 2, i -> { if (i == 3) throw failure; })) {
            RuntimeException e = assertThrows(RuntimeException.class, () -> {
                for (int i = 0; i < 10; i++) h.submit(i);
                h.finish();
            });
            assertSame(failure, e);
        }
    }

    @Test
    void everyItemIsConsumedInOrderWhenNothingFails() {
        List<Integer> seen = new ArrayList<>();
        try (HandOff<Integer> h = new HandOff<>("test-worker", 2, seen::add)) {
            for (int i = 0; i < 100; i++) h.submit(i);
            h.finish();
        }
        assertEquals(100, seen.size());
        for (int i = 0; i < 100; i++) assertEquals(i, seen.get(i));
    }
}
