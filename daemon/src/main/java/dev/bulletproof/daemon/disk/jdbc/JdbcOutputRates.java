package dev.bulletproof.daemon.disk.jdbc;

import dev.bulletproof.daemon.db.SqlDatabase;
import dev.bulletproof.daemon.disk.OutputRates;
import java.util.OptionalDouble;

/** {@link OutputRates} from the jobs table: the latest completed jobs of a profile (served by jobs_by_profile_newest). */
public final class JdbcOutputRates implements OutputRates {

    /** Enough jobs to smooth one odd input out, few enough to follow a profile that was changed. */
    static final int LATEST_JOBS = 20;

    private final SqlDatabase database;
    private final String select;

    public JdbcOutputRates(SqlDatabase database) {
        this.database = database;
        this.select = "SELECT SUM(output_size), SUM(media_duration_seconds) FROM ("
                + database.dialect()
                        .firstRows(
                                "SELECT output_size, media_duration_seconds FROM jobs WHERE profile = ?"
                                        + " AND status = 'COMPLETED' AND output_size IS NOT NULL"
                                        + " AND media_duration_seconds > 0 ORDER BY id DESC",
                                LATEST_JOBS)
                + ") latest";
    }

    @Override
    public OptionalDouble bytesPerMediaSecond(String profile) {
        return database.queryOne(
                        select,
                        row -> {
                            long bytes = row.getLong(1);
                            double seconds = row.getDouble(2);
                            return row.wasNull() || seconds <= 0
                                    ? OptionalDouble.empty()
                                    : OptionalDouble.of(bytes / seconds);
                        },
                        profile)
                .orElse(OptionalDouble.empty());
    }
}
