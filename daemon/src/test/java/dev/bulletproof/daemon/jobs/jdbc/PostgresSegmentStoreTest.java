package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import java.nio.file.Path;

class PostgresSegmentStoreTest extends SegmentStoreContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return PostgresDatabaseFixture.create();
    }
}
