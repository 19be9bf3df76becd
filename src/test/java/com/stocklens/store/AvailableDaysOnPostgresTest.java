package com.stocklens.store;

import org.junit.jupiter.api.AfterAll;

/** Every test of {@link AvailableDaysTest}, run on a real PostgreSQL (team mode) instead of H2. */
class AvailableDaysOnPostgresTest extends AvailableDaysTest {
    @Override
    Database newDatabase(String name) {
        return TestDatabases.freshPostgres();
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabases.dropAll();
    }
}
