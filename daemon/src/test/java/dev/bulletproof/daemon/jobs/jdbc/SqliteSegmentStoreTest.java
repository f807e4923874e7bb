package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqliteDatabaseFixture;
import java.nio.file.Path;

class SqliteSegmentStoreTest extends SegmentStoreContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return SqliteDatabaseFixture.in(folder);
    }
}
