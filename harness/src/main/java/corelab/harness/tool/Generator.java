package corelab.harness.tool;

import corelab.workloads.CommandWord;
import java.util.Optional;

/**
 * Which load generator drives a configuration: corelab's own, or one of the tools the seeds use,
 * run once per trial with the same connections and duration (closed load only: neither tool has
 * corelab's open model). {@code ab} without {@code -k} opens a new connection for every request,
 * with one client thread; {@code ab-k} keeps them alive.
 */
public enum Generator implements CommandWord {
    CORELAB("corelab", "corelab's own generator: every answer checked, full latency histograms", null),
    WRK("wrk", "wrk: keep-alive connections on loadThreads threads; its summary, not its histogram", "wrk"),
    AB("ab", "ApacheBench without -k: a new connection per request, one client thread; latencies in whole ms", "ab"),
    AB_K("ab-k", "ApacheBench with -k (keep-alive), one client thread; latencies in whole ms", "ab");

    /** Debian's packages for both tools, as the README says. */
    public static final String INSTALL_LINE = "apt-get install apache2-utils wrk";

    private final String word;
    private final String description;
    private final String program;

    Generator(String word, String description, String program) {
        this.word = word;
        this.description = description;
        this.program = program;
    }

    @Override
    public String word() {
        return word;
    }

    @Override
    public String description() {
        return description;
    }

    /** The tool's executable, or empty for corelab's own generator. */
    public Optional<String> program() {
        return Optional.ofNullable(program);
    }

    public static Generator fromWord(String word) {
        return CommandWord.fromWord(Generator.class, "generator", word);
    }

    public static String words() {
        return CommandWord.words(Generator.class);
    }
}
