package corelab.modes.http.conformance;

import corelab.modes.RunningServer;
import corelab.modes.http.conformance.ConformanceServer.Case;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every conformance case against a cluster ({@code kernel} balance, two {@code single}
 * workers): the workers run the same core, so the answers must be the same, whichever
 * worker the kernel hands a connection to. One cluster serves every case.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterConformanceTest {
    private RunningServer cluster;

    @BeforeAll
    void startCluster() throws IOException {
        cluster = ConformanceServer.start("cluster");
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    List<Case> cases() {
        List<Case> all = new ArrayList<>();
        for (CaseConformance group : List.of(new MethodConformanceTest(), new RequestLineConformanceTest(),
                new HeaderConformanceTest(), new ExpectConformanceTest())) {
            all.addAll(group.cases());
        }
        return all;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachCaseAsTheInProcessModesDo(Case c) throws IOException {
        ConformanceServer.check(cluster.address(), c);
    }

    @Test
    void answersHeadAsGetWithoutTheBody() throws IOException {
        MethodConformanceTest.headAsGet(cluster.address());
    }

    @Test
    void sendsContinueWhenTheBodyFits() throws IOException {
        ExpectConformanceTest.continueThenAnswer(cluster.address());
    }

    @Test
    void deliversTheErrorToAClientStillSending() throws IOException {
        ResponseConformanceTest.errorReadWholeThenClosed(cluster.address());
    }
}
