package corelab.harness.runner;

import corelab.harness.load.LoadModel;
import corelab.workloads.Workload;

/** One workload at one load level: what a configuration drives at a server. */
record LoadPoint(Workload workload, LoadModel model, int concurrency, double ratePerSecond) {
    String label() {
        return model == LoadModel.OPEN
                ? "open " + (long) ratePerSecond + "/s c" + concurrency
                : "closed c" + concurrency;
    }
}
