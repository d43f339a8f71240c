package org.alaraaudit.history;

import java.util.Map;

/** Another process using a store, for the tests: opens it, says "open", and keeps it until its input ends. */
public final class StoreHolder {
    private StoreHolder() {}

    public static void main(String[] args) throws Exception {
        HistoryStore.open(args[0], Map.of());
        System.out.println("open");
        System.out.flush();
        while (System.in.read() >= 0) {
            // Held until the test closes this process's input.
        }
    }
}
