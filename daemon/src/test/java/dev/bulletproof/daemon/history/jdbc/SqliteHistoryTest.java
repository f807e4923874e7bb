package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqliteDatabaseFixture;
import java.nio.file.Path;

class SqliteHistoryTest extends HistoryContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return SqliteDatabaseFixture.in(folder);
    }
}
