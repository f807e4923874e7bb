package dev.bulletproof.daemon.webhooks.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.SqliteDatabaseFixture;
import java.nio.file.Path;

class SqliteDeliveryStoreTest extends DeliveryStoreContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return SqliteDatabaseFixture.in(folder);
    }
}
