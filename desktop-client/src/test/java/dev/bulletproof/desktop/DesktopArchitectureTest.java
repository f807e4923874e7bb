package dev.bulletproof.desktop;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "dev.bulletproof.desktop", importOptions = ImportOption.DoNotIncludeTests.class)
class DesktopArchitectureTest {

    @ArchTest
    static final ArchRule desktopNeverUsesTheDaemonsClasses = noClasses()
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.bulletproof.daemon..")
            .because("the desktop client talks to the daemon only through its API, so it runs without the daemon's"
                    + " jars and against a daemon on another machine");

    @ArchTest
    static final ArchRule viewModelsDoNotTouchTheSceneGraph = noClasses()
            .that()
            .haveSimpleNameEndingWith("ViewModel")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("javafx.scene..")
            .because("view models are tested without a stage; nodes belong in the views");

    @ArchTest
    static final ArchRule onlyBackgroundCallsStartsThreads = noClasses()
            .that()
            .doNotHaveSimpleName("BackgroundCalls")
            .should()
            .callConstructor(Thread.class, Runnable.class)
            .orShould()
            .callConstructor(Thread.class)
            .because("daemon calls go through the one background helper, never a thread of their own");
}
