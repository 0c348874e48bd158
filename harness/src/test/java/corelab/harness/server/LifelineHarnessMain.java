package corelab.harness.server;

import corelab.modes.options.ServerOptions;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A stand-in harness for {@link HarnessDeathTest}: starts one server, prints its tree's pids
 * as {@code tree=1,2,3}, and waits to be killed. {@code mode name=value...} starts a corelab
 * mode; {@code command <template>} a foreign server.
 */
public final class LifelineHarnessMain {
    static final String TREE_PREFIX = "tree=";

    private LifelineHarnessMain() {
    }

    public static void main(String[] args) throws Exception {
        ServerProcess server;
        if (args[0].equals("mode")) {
            Map<String, String> options = new LinkedHashMap<>();
            for (int i = 1; i < args.length; i++) {
                options.put(args[i].substring(0, args[i].indexOf('=')), args[i].substring(args[i].indexOf('=') + 1));
            }
            server = ServerProcess.startMode(ServerOptions.parse(options), 0, List.of(), Duration.ofSeconds(60));
        } else {
            server = ServerProcess.startCommand(args[1], "127.0.0.1", 0, Duration.ofSeconds(60));
        }
        System.out.println(TREE_PREFIX + Trees.pids(server.handle()).stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE); // never closes the server: its death is the test's business
    }
}
