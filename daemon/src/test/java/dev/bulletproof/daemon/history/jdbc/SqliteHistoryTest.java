package dev.bulletproof.daemon.history.jdbc;

import dev.bulletproof.daemon.db.DatabaseUnderTest;
import dev.bulletproof.daemon.db.SqliteDatabaseUnderTest;
import java.nio.file.Path;

class SqliteHistoryTest extends HistoryContract {

    @Override
    protected DatabaseUnderTest newDatabase(Path folder) {
        return SqliteDatabaseUnderTest.in(folder);
    }
}
