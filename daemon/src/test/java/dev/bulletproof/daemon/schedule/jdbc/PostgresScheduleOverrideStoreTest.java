package dev.bulletproof.daemon.schedule.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import java.nio.file.Path;

class PostgresScheduleOverrideStoreTest extends ScheduleOverrideStoreContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return PostgresDatabaseFixture.create();
    }
}
