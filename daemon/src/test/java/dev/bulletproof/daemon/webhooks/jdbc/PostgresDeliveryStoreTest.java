package dev.bulletproof.daemon.webhooks.jdbc;

import dev.bulletproof.daemon.db.DatabaseFixture;
import dev.bulletproof.daemon.db.PostgresDatabaseFixture;
import java.nio.file.Path;

class PostgresDeliveryStoreTest extends DeliveryStoreContract {

    @Override
    protected DatabaseFixture newDatabase(Path folder) {
        return PostgresDatabaseFixture.create();
    }
}
