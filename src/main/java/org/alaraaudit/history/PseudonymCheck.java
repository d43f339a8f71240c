package org.alaraaudit.history;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Stops an audit whose site secret is not the one the store's patients were pseudonymised with. Pseudonyms are
 * keyed hashes: with another secret the same child gets another pseudonym, so the run would find none of its
 * history (a repeat or a cumulative dose missed, silently) and would store studies later runs cannot match. The
 * store keeps a keyed hash of a fixed text made with the first writing run's secret, and every audit compares its
 * own with it.
 */
public final class PseudonymCheck {
    private PseudonymCheck() {}

    /**
     * Records {@code check} in a store that has none yet; else throws when it differs from the one kept.
     *
     * @param check the run's pseudonym of a fixed text (the same for the same secret, nothing else for another)
     * @throws HistoryException when the store was written with another secret, or cannot be read
     */
    public static void verify(HistoryStore store, String check) {
        try (Connection c = store.connect()) {
            String kept = kept(c);
            if (kept == null) {
                try (PreparedStatement p = c.prepareStatement("INSERT INTO pseudonym_check (id, check_value) VALUES (1, ?)")) {
                    p.setString(1, check);
                    p.executeUpdate();
                    return;
                } catch (SQLException raced) {
                    // another run recorded its check first: compare with that one
                    kept = kept(c);
                    if (kept == null) throw raced;
                }
            }
            if (!kept.equals(check)) {
                throw new HistoryException(store.printable() + " holds patients pseudonymised with another"
                        + " site secret: this run's patients would not meet their history (repeats and cumulative dose would miss"
                        + " it) and its studies would not meet later runs'. Run with the secret the store was written with"
                        + " (ALARA_AUDIT_SECRET, or the data folder's site-secret), or with another store", null);
            }
        } catch (SQLException e) {
            throw new HistoryException("the history store " + store.printable() + " cannot be read: " + HistoryStore.rootMessage(e), e);
        }
    }

    private static String kept(Connection c) throws SQLException {
        try (PreparedStatement p = c.prepareStatement("SELECT check_value FROM pseudonym_check WHERE id = 1");
             ResultSet rs = p.executeQuery()) {
            return rs.next() ? rs.getString(1) : null;
        }
    }
}
