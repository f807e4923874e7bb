package dev.bulletproof.daemon.db;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Brings a database up to the current schema with the versioned scripts of its dialect,
 * {@code db/migration/<dialect>/V001__description.sql}, {@code V002__...}, found on the classpath. Each
 * script runs in its own transaction together with its row in {@code schema_version}, so a crash mid-way
 * leaves the database at the previous version and the next start simply tries again. Only the version
 * number identifies a script that was applied: a released script is never edited (a test compares them
 * with what was released), and a new one takes the next number.
 */
public final class Migrations {

    private static final System.Logger LOG = System.getLogger(Migrations.class.getName());
    private static final String ROOT_FOLDER = "db/migration";
    private static final Pattern SCRIPT_NAME = Pattern.compile("V(\\d+)__(.+)\\.sql");

    /** One script: its version number, description and SQL text. */
    public record Migration(int version, String description, String sql) {}

    private final Function<Dialect, List<Migration>> scripts;

    /** These scripts, whatever the database's dialect. */
    public Migrations(List<Migration> migrations) {
        List<Migration> inOrder = inVersionOrder(migrations);
        this.scripts = dialect -> inOrder;
    }

    private Migrations(Function<Dialect, List<Migration>> scripts) {
        this.scripts = dialect -> inVersionOrder(scripts.apply(dialect));
    }

    /** The scripts shipped with the daemon for the dialect of the database they are applied to. */
    public static Migrations fromClasspath() {
        return new Migrations(dialect -> loadFromClasspath(folderOf(dialect)));
    }

    /** Where the scripts of {@code dialect} are on the classpath. */
    public static String folderOf(Dialect dialect) {
        return ROOT_FOLDER + "/" + dialect.name();
    }

    /** Applies every script newer than the database's version; returns the versions it applied. */
    public List<Integer> apply(SqlDatabase database) {
        Dialect dialect = database.dialect();
        database.update(dialect.createSchemaVersionTable());
        return scripts.apply(dialect).stream()
                .filter(migration -> applyIfNew(database, migration))
                .map(Migration::version)
                .toList();
    }

    private static List<Migration> inVersionOrder(List<Migration> migrations) {
        return migrations.stream()
                .sorted(Comparator.comparingInt(Migration::version))
                .toList();
    }

    private static boolean applyIfNew(SqlDatabase database, Migration migration) {
        return database.inTransaction(tx -> {
            database.dialect().lockForMigration().forEach(tx::update);
            boolean applied = tx.queryOne(
                            "SELECT 1 FROM schema_version WHERE version = ?", row -> true, migration.version())
                    .isPresent();
            if (applied) {
                return false;
            }
            tx.script(migration.sql());
            tx.update(
                    "INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)",
                    migration.version(),
                    migration.description(),
                    Instant.now());
            LOG.log(
                    System.Logger.Level.INFO,
                    "applied database migration V{0} {1}",
                    migration.version(),
                    migration.description());
            return true;
        });
    }

    private static List<Migration> loadFromClasspath(String path) {
        URL folder = Migrations.class.getClassLoader().getResource(path);
        if (folder == null) {
            throw new IllegalStateException("migration folder " + path + " missing from the classpath");
        }
        try {
            URI uri = folder.toURI();
            if ("jar".equals(uri.getScheme())) {
                try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                    return readScripts(jar.getPath(path));
                }
            }
            return readScripts(Path.of(uri));
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("cannot read migrations from " + folder, e);
        }
    }

    private static List<Migration> readScripts(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            List<Path> scripts = files.filter(file ->
                            SCRIPT_NAME.matcher(file.getFileName().toString()).matches())
                    .toList();
            checkUniqueVersions(scripts);
            return scripts.stream().map(Migrations::readScript).toList();
        }
    }

    private static Migration readScript(Path script) {
        Matcher name = SCRIPT_NAME.matcher(script.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalStateException("not a migration script: " + script);
        }
        try (InputStream in = Files.newInputStream(script)) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new Migration(Integer.parseInt(name.group(1)), name.group(2).replace('_', ' '), sql);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read migration " + script, e);
        }
    }

    private static void checkUniqueVersions(List<Path> scripts) {
        long distinct = scripts.stream()
                .map(script -> {
                    Matcher name = SCRIPT_NAME.matcher(script.getFileName().toString());
                    return name.matches() ? Integer.parseInt(name.group(1)) : -1;
                })
                .distinct()
                .count();
        if (distinct != scripts.size()) {
            throw new IllegalStateException("two migration scripts share a version in " + scripts);
        }
    }

    /**
     * The versions of the scripts for {@code dialect}, oldest first: what a database of it records once every
     * script is applied (numbers may be skipped: one is taken only when its script is merged).
     */
    public List<Integer> versions(Dialect dialect) {
        return scripts.apply(dialect).stream().map(Migration::version).toList();
    }

    /** The version a database of {@code dialect} has once every script is applied: what this build expects. */
    public int latestVersion(Dialect dialect) {
        return scripts.apply(dialect).stream()
                .mapToInt(Migration::version)
                .max()
                .orElse(0);
    }

    /**
     * The newest version applied to {@code database}, without changing it; empty when no migration ever ran
     * there (no {@code schema_version} table, or an empty one).
     */
    public static java.util.Optional<Integer> currentVersion(SqlDatabase database) {
        boolean tracked = database.queryOne(database.dialect().selectTableByName(), row -> true, "schema_version")
                .isPresent();
        if (!tracked) {
            return java.util.Optional.empty();
        }
        return database.queryOne("SELECT MAX(version) FROM schema_version", row -> {
            int version = row.getInt(1);
            return row.wasNull() ? null : version;
        });
    }

    /** The versions recorded in the file, oldest first. */
    public static List<Integer> appliedVersions(SqlDatabase database) {
        return database.query("SELECT version FROM schema_version ORDER BY version", row -> row.getInt(1));
    }
}
