package corelab.harness.runner;

import corelab.harness.load.LoadModel;
import corelab.workloads.Workload;

/**
 * One workload at one load level: what a configuration drives at a server; {@code fault},
 * when not null, is fired into its measured window.
 */
record LoadPoint(Workload workload, LoadModel model, int concurrency, double ratePerSecond, Fault fault) {
    LoadPoint(Workload workload, LoadModel model, int concurrency, double ratePerSecond) {
        this(workload, model, concurrency, ratePerSecond, null);
    }

    LoadPoint withFault(Fault fault) {
        return new LoadPoint(workload, model, concurrency, ratePerSecond, fault);
    }

    String label() {
        return (model == LoadModel.OPEN
                ? "open " + (long) ratePerSecond + "/s c" + concurrency
                : "closed c" + concurrency) + (fault == null ? "" : " " + fault.word());
    }
}
