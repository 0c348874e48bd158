package corelab.harness;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The harness's packages show the house: what to measure ({@code plan}), what a measured
 * window is made of ({@code measure}), faults ({@code fault}), running the plan
 * ({@code execute}) and what is printed ({@code console}), beside the load generator, the
 * server's processes and the results. A cycle between them would make them one package again
 * under several names, so it fails here, not in review.
 */
class PackageCyclesTest {
    /** The packages that run a plan; the load generator below them must not know them. */
    private static final String[] RUNNER_SIDE = {"corelab.harness.plan..", "corelab.harness.measure..",
            "corelab.harness.fault..", "corelab.harness.execute..", "corelab.harness.console..",
            "corelab.harness.profile.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("corelab.harness");

    @Test
    void noPackageCycle() {
        slices().matching("corelab.harness.(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void theLoadGeneratorDoesNotKnowTheRunner() {
        noClasses().that().resideInAPackage("corelab.harness.load..")
                .should().dependOnClassesThat().resideInAnyPackage(RUNNER_SIDE)
                .check(MAIN);
    }

    /** plan at the bottom, execute at the top; fault, profile and console are execute's alone. */
    @Test
    void theRunnerSideIsLayered() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("plan").definedBy("corelab.harness.plan..")
                .layer("measure").definedBy("corelab.harness.measure..")
                .layer("fault").definedBy("corelab.harness.fault..")
                .layer("console").definedBy("corelab.harness.console..")
                .layer("profile").definedBy("corelab.harness.profile..")
                .layer("execute").definedBy("corelab.harness.execute..")
                .whereLayer("execute").mayNotBeAccessedByAnyLayer()
                .whereLayer("profile").mayOnlyBeAccessedByLayers("execute")
                .whereLayer("console").mayOnlyBeAccessedByLayers("execute")
                .whereLayer("fault").mayOnlyBeAccessedByLayers("execute")
                .whereLayer("measure").mayOnlyBeAccessedByLayers("fault", "profile", "execute")
                .whereLayer("plan").mayOnlyBeAccessedByLayers("measure", "fault", "profile", "execute")
                .check(MAIN);
    }
}
