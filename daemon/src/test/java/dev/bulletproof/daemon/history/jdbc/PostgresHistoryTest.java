package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import java.nio.file.Path;

class PostgresHistoryTest extends HistoryContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return PostgresDatabaseFixture.create();
    }
}
