package corelab.lab;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The structure a newcomer should be able to trust, checked on the compiled main classes of
 * every module on lab's classpath (workloads, modes, harness, results, reports, lab): no two
 * packages depend on each other, even through others, and the layers point one way. The other
 * modules come as classes folders under {@code ./mvnw test} and as jars under {@code verify},
 * so both are read; a rule over no classes fails rather than passes.
 */
class ArchitectureTest {
    private static JavaClasses corelab;

    @BeforeAll
    static void importMainClasses() {
        corelab = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("corelab");
    }

    @Test
    void everyModuleIsRead() {
        for (String module : List.of("corelab.workloads", "corelab.modes", "corelab.harness", "corelab.results",
                "corelab.reports", "corelab.lab")) {
            assertTrue(corelab.stream().anyMatch(c -> c.getPackageName().startsWith(module)),
                    "no class of " + module + " was read: the rules below would check nothing of it");
        }
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

    /**
     * Results and reports read a results file, whoever wrote it: they know nothing of the load
     * generator, the runner or the servers. The one exception is the vocabulary
     * ({@code corelab.modes.options}: the words for each mode and balancing strategy), which the
     * report's captions read so that they say what the README and {@code -Dhelp=true} say.
     */
    @Test
    void resultsAndReportsKnowNothingOfTheLoadGeneratorOrTheRunner() {
        noClasses().that().resideInAnyPackage("corelab.results..", "corelab.reports..")
                .should().dependOnClassesThat(resideInAPackage("corelab.harness..")
                        .or(resideInAPackage("corelab.modes..").and(not(resideInAPackage("corelab.modes.options..")))))
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
