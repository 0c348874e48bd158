package corelab.harness.plan;

import static corelab.modes.options.ValueType.wholeNumber;

import corelab.harness.load.LoadModel;
import corelab.harness.tool.Generator;
import corelab.harness.tool.ToolRun;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ValueType;
import corelab.workloads.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The load a run drives at every server: each workload, at each concurrency, under each
 * load model (the open model once per rate). Every combination is one {@link LoadPoint}.
 */
public record LoadSweep(List<Workload> workloads, List<Integer> concurrency, List<LoadModel> models,
                        List<Generator> generators) {
    public static final Option<List<Workload>> WORKLOADS = Option.of("workload",
            ValueType.list(ValueType.word(Workload::fromWord), false), List.of(Workload.HELLO, Workload.CPU, Workload.IO),
            "workloads, a list: " + Workload.words());
    public static final Option<LoadModel.Kind> LOAD = Option.of("load", ValueType.word(LoadModel.Kind::fromWord),
            LoadModel.Kind.CLOSED, "load model: closed (C connections, next request when the answer comes) or open"
                    + " (a fixed rate, wrk2-style, latency from when each request was due)");
    public static final Option<List<Integer>> CONCURRENCY = Option.of("concurrency",
            ValueType.list(wholeNumber(1, 100_000), false), List.of(64),
            "connections the load generator keeps open, a list to sweep");
    public static final Option<List<Double>> RATES = Option.of("rate",
            ValueType.list(ValueType.number(rate -> rate > 0 && !Double.isInfinite(rate), "above 0"), true), List.of(),
            "open load only: requests per second in total, a list to sweep (required)");

    public static final Option<List<Generator>> GENERATORS = Option.of("generator",
            ValueType.list(ValueType.word(Generator::fromWord), false), List.of(Generator.CORELAB),
            "what drives the load, a list: " + Generator.words() + " (the tools: closed load, one run per trial)");

    public LoadSweep {
        workloads = WORKLOADS.check(workloads);
        generators = GENERATORS.check(generators);
        concurrency = CONCURRENCY.check(concurrency);
        models = List.copyOf(models);
        if (models.isEmpty()) {
            throw new IllegalArgumentException("a run needs a load model");
        }
    }

    /** corelab's own generator only. */
    public LoadSweep(List<Workload> workloads, List<Integer> concurrency, List<LoadModel> models) {
        this(workloads, concurrency, models, List.of(Generator.CORELAB));
    }

    /** The load options; a rate without the open model, or the open model without one, is refused here. */
    static LoadSweep read(OptionValues values) {
        LoadModel.Kind kind = values.get(LOAD);
        List<Double> rates = values.get(RATES);
        List<LoadModel> models = switch (kind) {
            case CLOSED -> {
                if (!rates.isEmpty()) {
                    throw new OptionException("-Drate applies only to the open load model: add -Dload=open, or drop -Drate");
                }
                yield List.of(LoadModel.CLOSED);
            }
            case OPEN -> {
                if (rates.isEmpty()) {
                    throw new OptionException(
                            "the open load model needs a rate: -Drate=1000 (requests per second; a list sweeps)");
                }
                yield rates.stream().<LoadModel>map(LoadModel.Open::new).toList();
            }
        };
        List<Generator> generators = values.get(GENERATORS);
        if (kind == LoadModel.Kind.OPEN && generators.stream().anyMatch(g -> g != Generator.CORELAB)) {
            throw new OptionException("wrk and ab drive closed load only: -Dload=open needs -Dgenerator=corelab");
        }
        for (Generator generator : generators) {
            ToolRun.missing(generator).ifPresent(message -> {
                throw new OptionException(message);
            });
        }
        return new LoadSweep(values.get(WORKLOADS), values.get(CONCURRENCY), models, generators);
    }

    /** Every workload at every concurrency under every model, in that order of nesting. */
    List<LoadPoint> points() {
        List<LoadPoint> points = new ArrayList<>();
        for (Workload workload : workloads) {
            for (int connections : concurrency) {
                for (LoadModel model : models) {
                    for (Generator generator : generators) {
                        points.add(new LoadPoint(workload, model, connections, generator));
                    }
                }
            }
        }
        return points;
    }

    /** Whether some workload runs the CPU kernel, so that its size changes what is measured. */
    boolean usesCpu() {
        return workloads.stream().anyMatch(Workload::usesCpu);
    }
}
