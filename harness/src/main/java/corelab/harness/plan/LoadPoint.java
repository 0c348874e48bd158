package corelab.harness.plan;

import corelab.harness.load.LoadModel;
import corelab.harness.tool.Generator;
import corelab.workloads.Workload;

/**
 * One workload at one load level: what a configuration drives at a server; {@code fault},
 * when not null, is fired into its measured window; {@code generator} is what drives the load.
 */
public record LoadPoint(Workload workload, LoadModel model, int concurrency, Fault fault, Generator generator) {
    LoadPoint(Workload workload, LoadModel model, int concurrency, Generator generator) {
        this(workload, model, concurrency, null, generator);
    }

    LoadPoint withFault(Fault fault) {
        return new LoadPoint(workload, model, concurrency, fault, generator);
    }

    /** The open model's rate, as the results give it: null under the closed model, which has none. */
    public Double ratePerSecond() {
        return model instanceof LoadModel.Open open ? open.ratePerSecond() : null;
    }

    String label() {
        String load = switch (model) {
            case LoadModel.Open open -> "open " + (long) open.ratePerSecond() + "/s c" + concurrency;
            case LoadModel.Closed closed -> "closed c" + concurrency;
        };
        return load + (fault == null ? "" : " " + fault.word());
    }
}
