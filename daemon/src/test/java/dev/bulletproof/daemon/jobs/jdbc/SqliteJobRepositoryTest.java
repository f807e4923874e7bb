package dev.bulletproof.daemon.jobs.jdbc;

import dev.bulletproof.daemon.db.DatabaseUnderTest;
import dev.bulletproof.daemon.db.SqliteDatabaseUnderTest;
import java.nio.file.Path;

class SqliteJobRepositoryTest extends JobRepositoryContract {

    @Override
    protected DatabaseUnderTest newDatabase(Path folder) {
        return SqliteDatabaseUnderTest.in(folder);
    }
}
