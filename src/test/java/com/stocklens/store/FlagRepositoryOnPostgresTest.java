package com.stocklens.store;

import org.junit.jupiter.api.AfterAll;

/** Every test of {@link FlagRepositoryTest}, run on a real PostgreSQL (team mode) instead of H2. */
class FlagRepositoryOnPostgresTest extends FlagRepositoryTest {
    @Override
    Database newDatabase(String name) {
        return TestDatabases.freshPostgres();
    }

    @AfterAll
    static void dropDatabases() {
        TestDatabases.dropAll();
    }
}
