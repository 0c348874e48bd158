package corelab.lab;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure a newcomer should be able to trust, checked on the compiled main classes of
 * every module on lab's classpath (workloads, modes, harness, results, reports, lab): no two
 * packages depend on each other, even through others, and the layers point one way.
 */
class ArchitectureTest {
    private static JavaClasses corelab;

    @BeforeAll
    static void importMainClasses() {
        corelab = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("corelab");
    }

    @Test
    void noPackageCycleInAnyModule() {
        slices().matching("corelab.(**)").should().beFreeOfCycles().check(corelab);
    }

    @Test
    void theHttpCoreTheWireAndProcessControlStandOnTheirOwn() {
        noClasses().that().resideInAnyPackage("corelab.modes.http..", "corelab.modes.wire..", "corelab.modes.process..")
                .should().dependOnClassesThat().resideInAnyPackage("corelab.modes.options..", "corelab.modes.server..",
                        "corelab.modes.threads..", "corelab.modes.cluster..", "corelab.modes.counter..", "corelab.harness..")
                .check(corelab);
    }

    @Test
    void resultsAndReportsKnowNothingOfTheLoadGeneratorOrTheRunner() {
        noClasses().that().resideInAnyPackage("corelab.results..", "corelab.reports..")
                .should().dependOnClassesThat().resideInAnyPackage("corelab.harness..", "corelab.modes..")
                .check(corelab);
    }

    @Test
    void onlyTheCompositionRootNamesTheServerProgram() {
        noClasses().that().resideOutsideOfPackages("corelab.modes", "corelab.harness..", "corelab.lab..",
                        "corelab.microbenchmarks..")
                .should().dependOnClassesThat().haveFullyQualifiedName("corelab.modes.ServerMain")
                .check(corelab);
    }
}
