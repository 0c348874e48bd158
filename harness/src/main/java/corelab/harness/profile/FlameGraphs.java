package corelab.harness.profile;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import one.convert.Arguments;
import one.convert.FlameGraph;

/**
 * A cluster's merged profile: the processes' collapsed stacks are one line per stack with its
 * count, so the merge is their concatenation, and async-profiler's {@code jfr-converter}
 * renders it as the same interactive flame graph each process wrote.
 */
public final class FlameGraphs {
    private FlameGraphs() {
    }

    /** Writes {@code merged} (collapsed stacks) and, beside it, {@code html}, from {@code parts}. */
    public static void merge(List<Path> parts, Path merged, Path html, String title) throws IOException {
        ProfileFiles.concatenate(parts, merged);
        render(merged, html, title);
    }

    /** async-profiler's own flame graph page, from collapsed stacks. */
    public static void render(Path collapsed, Path html, String title) throws IOException {
        Arguments arguments = new Arguments();
        arguments.title = title;
        FlameGraph graph = new FlameGraph(arguments);
        try (Reader in = Files.newBufferedReader(collapsed, StandardCharsets.UTF_8)) {
            graph.parseCollapsed(in);
        }
        try (PrintStream out = new PrintStream(Files.newOutputStream(html), false, StandardCharsets.UTF_8)) {
            graph.dump(out);
        }
    }
}
