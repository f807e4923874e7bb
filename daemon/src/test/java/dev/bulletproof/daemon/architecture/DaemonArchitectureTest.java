package dev.bulletproof.daemon.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.name;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of docs/architecture.md, checked on the compiled daemon. */
class DaemonArchitectureTest {

    private static JavaClasses daemon;

    @BeforeAll
    static void importDaemon() {
        daemon = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bulletproof.daemon");
    }

    @Test
    void daemonNeverUsesTheDesktopClient() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.bulletproof.desktop..")
                .because("the daemon runs headless; clients reach it only over HTTP/WebSocket")
                .allowEmptyShould(true)
                .check(daemon);
    }

    @Test
    void onlyTheApiPackageTouchesHelidon() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.bulletproof.daemon.api..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.helidon..")
                .because("the HTTP edge stays thin and replaceable; the engine knows nothing of it")
                .allowEmptyShould(true)
                .check(daemon);
    }

    @Test
    void onlyDatabaseCodeTouchesJdbc() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.bulletproof.daemon.db..", "dev.bulletproof.daemon..jdbc..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("java.sql..")
                .because("SQL and its row mappers live together in the db and *.jdbc packages")
                .allowEmptyShould(true)
                .check(daemon);
    }

    @Test
    void onlyTheMediaPackageStartsProcesses() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.bulletproof.daemon.media..")
                .should()
                .dependOnClassesThat()
                .belongToAnyOf(ProcessBuilder.class)
                .orShould()
                .callMethodWhere(target(name("exec")).and(target(owner(assignableTo(Runtime.class)))))
                .because("every child process (ffmpeg, ffprobe) is owned, watched and killed by media")
                .allowEmptyShould(true)
                .check(daemon);
    }

    @Test
    void theEngineNeverDependsOnTheDaemonsEdgesOrItsWiring() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "dev.bulletproof.daemon.jobs..",
                        "dev.bulletproof.daemon.watch..",
                        "dev.bulletproof.daemon.rules..",
                        "dev.bulletproof.daemon.media..",
                        "dev.bulletproof.daemon.db..",
                        "dev.bulletproof.daemon.history..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.bulletproof.daemon.monitor..",
                        "dev.bulletproof.daemon.api..",
                        "dev.bulletproof.daemon.cli..",
                        "dev.bulletproof.daemon.app..")
                .because("the engine is reused by the CLI, the API and (next) cluster nodes; the wiring depends on it,"
                        + " never the other way round")
                .check(daemon);
    }

    @Test
    void theApiReachesTheEngineOnlyThroughItsNarrowInterfaces() {
        noClasses()
                .that()
                .resideInAPackage("dev.bulletproof.daemon.api..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.bulletproof.daemon.monitor..", "dev.bulletproof.daemon.app..")
                .because("the HTTP edge is served by job queries, job commands, queue control, live config and"
                        + " history, so its handlers can be tested on stand-ins and the pipeline changed behind them")
                .check(daemon);
    }

    @Test
    void onlyTheCliStartsTheDaemon() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.bulletproof.daemon.app..", "dev.bulletproof.daemon.cli..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.bulletproof.daemon.app..")
                .because("the composition root builds every part; a part that reached back into it would use it as"
                        + " a service locator")
                .check(daemon);
    }

    @Test
    void featurePackagesHaveNoCycles() {
        com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices()
                .matching("dev.bulletproof.daemon.(*)..")
                .should()
                .beFreeOfCycles()
                .because("a cycle between features means neither can be understood, tested or replaced alone")
                .check(daemon);
    }
}
