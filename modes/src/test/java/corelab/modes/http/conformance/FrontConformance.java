package corelab.modes.http.conformance;

import corelab.modes.RunningServer;
import corelab.modes.cluster.NginxRequirement;
import corelab.modes.http.conformance.ConformanceServer.Case;
import corelab.modes.options.Balance;
import java.io.IOException;
import java.net.InetSocketAddress;
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
 * Every conformance case against a cluster (two {@code single} workers) behind one front,
 * {@code -Dbalance=}: one subclass per front. The workers run the same core as the in-process
 * modes, so the answers are theirs, except where a front answers itself: each such case is
 * named in the subclass's {@link #behindThisFront}, with its reason. One cluster serves every case.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class FrontConformance {
    private RunningServer cluster;

    /** The front under test. */
    abstract Balance balance();

    /** What this front answers for {@code c}; by default what the workers answer. */
    Case behindThisFront(Case c) {
        return c;
    }

    @BeforeAll
    void startCluster() throws IOException {
        NginxRequirement.needsNginxIf(balance());
        cluster = ConformanceServer.startCluster(balance());
    }

    @AfterAll
    void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    InetSocketAddress clusterAddress() {
        return cluster.address();
    }

    /** The cases of every rule group, as the in-process modes answer them. */
    static List<Case> rfcCases() {
        List<Case> all = new ArrayList<>();
        for (CaseConformance group : List.of(new MethodConformanceTest(), new RequestLineConformanceTest(),
                new HeaderConformanceTest(), new ExpectConformanceTest())) {
            all.addAll(group.cases());
        }
        return all;
    }

    List<Case> cases() {
        return rfcCases().stream().map(this::behindThisFront).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void answersEachCaseAsTheInProcessModesDoOrAsTheFrontIsKnownTo(Case c) throws IOException {
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
    void everyAnswerCarriesADate() throws IOException {
        ResponseConformanceTest.datesOnEveryAnswer(cluster.address());
    }

    @Test
    void deliversTheErrorToAClientStillSending() throws IOException {
        ResponseConformanceTest.errorReadWholeThenClosed(cluster.address());
    }

    @Test
    void lingersForABoundedNumberOfBytes() throws IOException {
        ResponseConformanceTest.lingersBoundedly(cluster.address());
    }
}
