package io.relata.cli;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideOutsideOfPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/**
 * Keeps the data flow of docs/architecture.md true as the code grows: data travels one way, and no step
 * reaches back upstream. Lives in relata-cli because only this module sees every other one on its class path.
 */
@AnalyzeClasses(packages = "io.relata", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {
    /** Ours outside the given packages: third-party and JDK classes are always allowed. */
    private static ArchRule onlyOursFrom(String layer, String... allowed) {
        return classes().that().resideInAPackage(layer)
                .should().onlyDependOnClassesThat(resideInAnyPackage(allowed).or(resideOutsideOfPackage("io.relata..")))
                .because("data flows one way: " + layer + " may use only " + String.join(", ", allowed) + " of ours");
    }

    // Core is the library every other module builds on; any dependency out of it would be a cycle.
    @ArchTest
    static final ArchRule coreDependsOnNothingOfOursOutsideCore = onlyOursFrom("io.relata.core..", "io.relata.core..");

    @ArchTest
    static final ArchRule modelDependsOnNoOtherPackage = onlyOursFrom("io.relata.core.model..", "io.relata.core.model..");

    @ArchTest
    static final ArchRule ingestDependsOnModelOnly = onlyOursFrom("io.relata.core.ingest..",
            "io.relata.core.ingest..", "io.relata.core.model..");

    // Standardization knows nothing of entities, readers or metrics.
    @ArchTest
    static final ArchRule standardizeDependsOnModelOnly = onlyOursFrom("io.relata.core.standardize..",
            "io.relata.core.standardize..", "io.relata.core.model..");

    // Resolution works on standardized features; how they were read and how they are scored is not its business.
    @ArchTest
    static final ArchRule resolveDoesNotReachIntoIngestOrEvaluate = noClasses()
            .that().resideInAPackage("io.relata.core.resolve..")
            .should().dependOnClassesThat().resideInAnyPackage("io.relata.core.ingest..", "io.relata.core.evaluate..");

    // Metrics compare label arrays keyed by RecordKey; they must not need the resolver to be computed.
    @ArchTest
    static final ArchRule evaluateDependsOnModelOnly = onlyOursFrom("io.relata.core.evaluate..",
            "io.relata.core.evaluate..", "io.relata.core.model..");

    // The store persists what core decides; it knows core's values and nothing above it (app, server, cli).
    @ArchTest
    static final ArchRule storeDependsOnCoreOnly = onlyOursFrom("io.relata.store..",
            "io.relata.store..", "io.relata.core..");

    @ArchTest
    static final ArchRule coreDoesNotDependOnStore = noClasses()
            .that().resideInAPackage("io.relata.core..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.store..")
            .because("core has no database; the store depends on core, never the other way");

    @ArchTest
    static final ArchRule benchDoesNotDependOnCli = noClasses()
            .that().resideInAPackage("io.relata.bench..")
            .should().dependOnClassesThat().resideInAPackage("io.relata.cli..");

    @ArchTest
    static final ArchRule noGrabBagClasses = noClasses()
            .should().haveSimpleNameEndingWith("Util")
            .orShould().haveSimpleNameEndingWith("Utils")
            .orShould().haveSimpleNameEndingWith("Helper")
            .orShould().haveSimpleNameEndingWith("Helpers")
            .orShould().haveSimpleNameEndingWith("Manager")
            .because("a class says what it is (docs/architecture.md, house rules)");

    /*
     * The module direction: store on core; app on core and store; server and cli on app. Every change goes
     * through an app use case; the server renders the store's value records (leads, alerts, audit entries) that
     * its use cases return, and the cli's read-only listings read store views directly. Cli uses bench for
     * `generate` and starts the server for `serve`.
     */
    @ArchTest
    static final ArchRule modulesKeepTheirDirection = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .withOptionalLayers(true)
            .layer("Core").definedBy("io.relata.core..")
            .layer("Store").definedBy("io.relata.store..")
            .layer("App").definedBy("io.relata.app..")
            .layer("Server").definedBy("io.relata.server..")
            .layer("Cli").definedBy("io.relata.cli..")
            .layer("Bench").definedBy("io.relata.bench..")
            .whereLayer("Core").mayNotAccessAnyLayer()
            .whereLayer("Store").mayOnlyAccessLayers("Core")
            .whereLayer("App").mayOnlyAccessLayers("Core", "Store")
            .whereLayer("Server").mayOnlyAccessLayers("Core", "App", "Store")
            .whereLayer("Cli").mayOnlyAccessLayers("Core", "App", "Store", "Bench", "Server")
            .whereLayer("Bench").mayOnlyAccessLayers("Core");
}
