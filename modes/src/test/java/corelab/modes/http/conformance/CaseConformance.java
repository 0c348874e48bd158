package corelab.modes.http.conformance;

import corelab.modes.http.conformance.ConformanceServer.Case;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A rule group given as exchange cases: each subclass lists its cases, and each case runs
 * against every in-process mode here and against a cluster behind each front in {@link FrontConformance}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class CaseConformance {

    /** The requests of this rule group and the answers the RFC asks for. */
    abstract List<Case> cases();

    Stream<Arguments> modesAndCases() {
        List<Arguments> arguments = new ArrayList<>();
        for (String mode : ConformanceServer.IN_PROCESS_MODES) {
            cases().forEach(c -> arguments.add(Arguments.of(mode, c)));
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("modesAndCases")
    void answersAsTheRfcSays(String mode, Case c) throws IOException {
        ConformanceServer.against(mode, address -> ConformanceServer.check(address, c));
    }
}
