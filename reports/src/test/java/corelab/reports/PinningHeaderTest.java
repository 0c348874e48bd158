package corelab.reports;

import static org.junit.jupiter.api.Assertions.assertTrue;

import corelab.results.CorePinning;
import corelab.results.Provenance;
import corelab.results.RunResult;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report's "What was run" says where the load generator and the server ran, as provenance recorded it. */
class PinningHeaderTest {
    @Test
    void theHeaderSaysWhichCpusEachSideGotOrWhyNone() {
        RunResult base = Fixtures.closedRun();
        assertTrue(header(base).contains("<th>CPUs of the load generator and the server</th><td>not recorded (written"
                + " before pinning was): shared</td>"), "a file from before pinning");
        Provenance p = base.provenance();
        CorePinning pinned = new CorePinning(List.of(3), List.of(0, 1, 2), "load generator on CPUs 3, server on CPUs 0-2");
        RunResult withPinning = new RunResult(base.schemaVersion(), base.runId(), base.status(), base.failure(),
                base.startedAt(), base.endedAt(), new Provenance(p.corelabVersion(), p.gitCommit(), p.javaVersion(),
                p.javaVendor(), p.jvmName(), p.javaHome(), p.harnessJvmFlags(), p.serverJvmFlags(), p.os(),
                p.osVersion(), p.arch(), 4, p.cpuModel(), p.command(), pinned), base.options(), base.schedule(),
                base.calibration(), base.configurations(), base.comparisons());
        assertTrue(header(withPinning).contains("<td>load generator on CPUs 3, server on CPUs 0-2</td>"),
                header(withPinning));
    }

    private static String header(RunResult run) {
        StringBuilder html = new StringBuilder();
        HeaderWriter.write(html, new RunView(run));
        return html.toString();
    }
}
