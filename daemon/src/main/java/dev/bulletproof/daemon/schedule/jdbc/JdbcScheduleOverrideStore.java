package dev.bulletproof.daemon.schedule.jdbc;

import dev.bulletproof.daemon.db.RowMapper;
import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.schedule.ScheduleOverride;
import dev.bulletproof.daemon.schedule.ScheduleOverrideStore;
import java.time.Instant;
import java.util.Optional;

/** {@link ScheduleOverrideStore} on the jobs database (table schedule_overrides, migration V009). */
public final class JdbcScheduleOverrideStore implements ScheduleOverrideStore {

    private static final RowMapper<ScheduleOverride> OVERRIDE = row -> new ScheduleOverride(
            ScheduleOverride.Mode.valueOf(row.getString("mode")),
            Instant.ofEpochMilli(row.getLong("until_at")),
            Instant.ofEpochMilli(row.getLong("set_at")));

    private final SqlDatabase database;

    public JdbcScheduleOverrideStore(SqlDatabase database) {
        this.database = database;
    }

    @Override
    public Optional<ScheduleOverride> load(String scope) {
        return database.queryOne(
                "SELECT mode, until_at, set_at FROM schedule_overrides WHERE scope = ?", OVERRIDE, scope);
    }

    @Override
    public void save(String scope, ScheduleOverride override) {
        // Delete then insert in one transaction: the same SQL on both dialects, and never two rows.
        database.inTransaction(tx -> {
            tx.update("DELETE FROM schedule_overrides WHERE scope = ?", scope);
            return tx.update(
                    "INSERT INTO schedule_overrides (scope, mode, until_at, set_at) VALUES (?, ?, ?, ?)",
                    scope,
                    override.mode().name(),
                    override.until(),
                    override.setAt());
        });
    }

    @Override
    public void clear(String scope) {
        database.inTransaction(tx -> tx.update("DELETE FROM schedule_overrides WHERE scope = ?", scope));
    }
}
