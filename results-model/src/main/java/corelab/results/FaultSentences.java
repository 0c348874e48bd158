package corelab.results;

import java.util.Locale;

/**
 * A fault's figures in one plain sentence, the same in the console, the report and the
 * notebooks: what was killed, what it cost, how long until the service was back.
 */
public final class FaultSentences {
    private FaultSentences() {
    }

    public static String of(ConfigurationResult result) {
        FaultResult f = result.fault();
        Configuration c = result.configuration();
        if (f == null) {
            throw new IllegalArgumentException(c.id() + " is not a fault run");
        }
        StringBuilder out = new StringBuilder();
        boolean reload = f.kind().equals("reload");
        boolean stop = f.kind().startsWith("stop-");
        boolean oneWorker = f.kind().endsWith("-worker");
        String verb = stop ? "stopping" : "killing";
        String what = reload ? "a rolling reload of every worker"
                : f.kind().equals("crash-loop") ? "a crash loop (the workers crash, and every replacement fails at start)"
                : oneWorker ? verb + " worker " + f.killedWorkerId() + (c.workers() != null ? " of " + c.workers() : "")
                : c.workers() != null ? verb + " the cluster's primary (and so its " + c.workers() + " workers)"
                : verb + " the server";
        String how = stop ? "SIGTERM, a graceful stop" : f.kind().startsWith("kill-") ? "SIGKILL" : "asked for";
        out.append(String.format(Locale.ROOT, "%s on %s: %s (%s at %.1f s) failed %d request%s",
                c.mode() + (c.workers() != null ? " (" + c.workers() + " workers)" : ""), c.workload(), what,
                how, f.firedAtSeconds(), f.requestsFailed(), f.requestsFailed() == 1 ? "" : "s"));
        if (f.outageMillis() > 0) {
            out.append(String.format(Locale.ROOT, "; nothing was answered for %s", duration(f.outageMillis())));
        }
        out.append(String.format(Locale.ROOT, "; throughput went from %.0f req/s to %.0f at its lowest (%d ms samples)",
                f.throughputBeforePerSecond(), f.throughputLowestPerSecond(), f.sampleMillis()));
        if (f.recovered()) {
            out.append(String.format(Locale.ROOT, " and recovered in %s", duration(f.recoveryMillis())));
        } else {
            out.append(String.format(Locale.ROOT, " and did not recover (%.0f%% of it, without errors, for %d s)"
                            + " by the end of the window",
                    100 * FaultResult.RECOVERED_SHARE, FaultResult.RECOVERY_HOLD_MILLIS / 1000));
        }
        String restarted = reload ? "new worker" : oneWorker || f.kind().equals("crash-loop") ? "worker restart"
                : "restart by the supervisor";
        out.append(String.format(Locale.ROOT, "; %d %s%s", f.restarts(), restarted, f.restarts() == 1 ? "" : "s"));
        if (f.restartMillis() != null) {
            double windowSeconds = result.trials().get(0).seconds();
            out.append(String.format(Locale.ROOT, " (%s %s after the %s%s)", reload ? "the last online" : "ready",
                    duration(f.restartMillis()), reload ? "reload" : stop ? "stop" : "kill",
                    f.firedAtSeconds() + f.restartMillis() / 1000.0 > windowSeconds ? ", after the window ended" : ""));
        }
        if (f.gaveUp()) {
            out.append(String.format(Locale.ROOT, "; %s after the fault the server gave up (exit code %d) and was not"
                    + " restarted", duration(f.gaveUpMillis()), f.gaveUpExitCode()));
        }
        return out.append('.').toString();
    }

    /** 820 ms, 1.4 s. */
    static String duration(long millis) {
        return millis < 1000 ? millis + " ms" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }
}
