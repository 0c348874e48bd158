package corelab.harness.plan;

import corelab.modes.options.Option;
import corelab.modes.options.ServerOptions;
import java.util.List;

/**
 * The values a run tries for one server option. A server whose mode does not read the option
 * is not multiplied by it ({@code threads} sweeps only the platform pool), and a value the mode
 * cannot serve is skipped ({@code counter=primary} without a cluster).
 */
record Sweep<T>(Option<T> option, List<T> values) {
    Sweep {
        values = List.copyOf(values);
    }

    /** {@code server} once per value of this sweep that applies to its mode; unchanged if none applies. */
    List<ServerOptions> expand(ServerOptions server) {
        if (!option.appliesTo(server.mode())) {
            return List.of(server);
        }
        return values.stream().filter(value -> option.fits(value, server.mode()))
                .map(value -> server.with(option, value)).toList();
    }

    /** Every server of {@code servers} expanded by each sweep in turn: their cartesian product, the first sweep outermost. */
    static List<ServerOptions> product(List<ServerOptions> servers, List<Sweep<?>> sweeps) {
        List<ServerOptions> expanded = servers;
        for (Sweep<?> sweep : sweeps) {
            expanded = expanded.stream().flatMap(server -> sweep.expand(server).stream()).toList();
        }
        return expanded;
    }
}
