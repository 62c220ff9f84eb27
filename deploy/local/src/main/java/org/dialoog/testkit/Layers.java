package org.dialoog.testkit;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The layer rules every service keeps, over its compiled main classes: rest and messaging (the
 * adapters) → service → store → events → the entities and values at the package root. Packages
 * are spelled out in full, because {@code ..service..} would also match library packages.
 */
public final class Layers {

    private final String root;
    private final JavaClasses classes;

    private Layers(String root) {
        this.root = root;
        this.classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** The classes of the service whose packages start with {@code root}, e.g. {@code org.dialoog.session}. */
    public static Layers of(String root) {
        return new Layers(root);
    }

    /** Each layer is used only by the layers above it. */
    public void checkArrowsPointDown() {
        layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("Adapters")
                .definedBy(root + ".rest..", root + ".messaging..")
                .layer("Service")
                .definedBy(root + ".service..")
                .layer("Store")
                .definedBy(root + ".store..")
                .layer("Events")
                .definedBy(root + ".events..")
                .whereLayer("Adapters")
                .mayNotBeAccessedByAnyLayer()
                .whereLayer("Service")
                .mayOnlyBeAccessedByLayers("Adapters")
                .whereLayer("Store")
                .mayOnlyBeAccessedByLayers("Service", "Adapters")
                .whereLayer("Events")
                .mayOnlyBeAccessedByLayers("Service", "Store", "Adapters")
                .check(classes);
    }

    /** The entities and values at the package root use nothing of the layers above them. */
    public void checkRootUsesNothingAbove() {
        noClasses()
                .that()
                .resideInAPackage(root)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        root + ".rest..",
                        root + ".service..",
                        root + ".messaging..",
                        root + ".store..",
                        root + ".events..")
                .check(classes);
    }
}
