package dev.bulletproof.daemon.schedule.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqliteDatabaseFixture;
import java.nio.file.Path;

class SqliteScheduleOverrideStoreTest extends ScheduleOverrideStoreContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return SqliteDatabaseFixture.in(folder);
    }
}
