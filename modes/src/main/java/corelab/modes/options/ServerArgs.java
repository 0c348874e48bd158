package corelab.modes.options;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How a server JVM is started ({@code java ... corelab.modes.ServerMain workerId=2 mode=single
 * port=0 ...}): its {@link ServerOptions}, and two things that are not the server's options but
 * the process's. This is where the options become text for another JVM and typed again in it.
 *
 * @param workerId      a cluster worker's id, from 1; 0 for a server of its own
 * @param exitWithStdin exit when standard input closes, that is when the process that started
 *                      this server dies. Cluster workers always do; the harness asks for it too.
 */
public record ServerArgs(ServerOptions options, int workerId, boolean exitWithStdin) {
    public static final Option<Integer> WORKER_ID = Option.of("workerId",
            ValueType.optional(ValueType.wholeNumber(1, 10_000)), null, "a cluster worker's id, set by its primary");
    public static final Option<Boolean> EXIT_WITH_STDIN = Option.of("exitWithStdin", ValueType.flag(false), false,
            "exit when standard input closes: when the parent dies");
    private static final OptionSet PROCESS = OptionSet.of(WORKER_ID, EXIT_WITH_STDIN);

    public ServerArgs {
        if (workerId != 0) {
            WORKER_ID.check(workerId);
        }
    }

    /** A cluster worker: it always keeps its primary as its lifeline. */
    public static ServerArgs worker(ServerOptions options, int workerId) {
        return new ServerArgs(options, workerId, false);
    }

    public static ServerArgs fromArgs(String... args) {
        Map<String, String> given = new LinkedHashMap<>(Arguments.parse(Arrays.asList(args)));
        Map<String, String> own = new LinkedHashMap<>();
        for (String name : PROCESS.names()) {
            if (given.containsKey(name)) {
                own.put(name, given.remove(name));
            }
        }
        OptionValues process = PROCESS.read(own);
        Integer workerId = process.get(WORKER_ID);
        return new ServerArgs(ServerOptions.parse(given), workerId == null ? 0 : workerId, process.get(EXIT_WITH_STDIN));
    }

    /** The arguments {@link #fromArgs} reads back: the worker id first, so a short listing of processes still shows it. */
    public List<String> toArgs() {
        List<String> args = new ArrayList<>();
        if (workerId > 0) {
            args.add(WORKER_ID.name() + "=" + WORKER_ID.text(workerId));
        }
        args.addAll(options.toArgs());
        if (exitWithStdin) {
            args.add(EXIT_WITH_STDIN.name() + "=" + EXIT_WITH_STDIN.text(true));
        }
        return args;
    }
}
