package dev.bulletproof.model;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class SharedModelArchitectureTest {

    @Test
    void sharedModelDependsOnNeitherTheDaemonNorTheDesktopClient() {
        JavaClasses model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.bulletproof.model", "dev.bulletproof.client", "dev.bulletproof.format");

        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.bulletproof.daemon..", "dev.bulletproof.desktop..")
                .because("shared-model is the contract both sides compile against")
                .check(model);
    }
}
