package io.relata.store;

import java.sql.SQLException;
import java.sql.Statement;

/**
 * For tests only: runs SQL on a store's own connection, to break what the application must survive (the audit
 * trail's table gone). Lives in the store's package because the connection is not part of its API.
 */
public final class StoreBackdoor {
    private StoreBackdoor() {}

    public static void execute(RelataStore store, String sql) {
        try (Statement st = store.connection().createStatement()) {
            st.execute(sql);
            store.connection().commit();
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}
