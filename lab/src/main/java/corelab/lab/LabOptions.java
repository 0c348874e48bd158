package corelab.lab;

import corelab.harness.plan.BenchmarkOptions;
import corelab.modes.options.Option;
import corelab.modes.options.OptionException;
import corelab.modes.options.OptionSet;
import corelab.modes.options.OptionValues;
import corelab.modes.options.ServerOptions;
import corelab.modes.options.ValueType;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The lab's options: what the command line does ({@code help}, {@code serve}), and either
 * one server's options ({@code -Dserve=true}) or a measured run's. Read once from system
 * properties ({@code -D}) and validated here, before anything starts.
 *
 * @param report    a saved results folder to render again, or null
 * @param compare   two saved runs to compare, or null
 * @param server    the server to serve, when {@code serve}
 * @param benchmark the run to measure, when not {@code serve}
 * @param given     the options as the user gave them, for the results' provenance
 */
record LabOptions(boolean help, boolean serve, Path report, CompareCommand compare, ServerOptions server,
                  BenchmarkOptions benchmark, Map<String, String> given) {

    static final Option<Boolean> HELP = Option.of("help", ValueType.flag(true), false, "print this list and stop");
    static final Option<Boolean> SERVE = Option.of("serve", ValueType.flag(true), false,
            "start one server (-Dmode=, default single) in the foreground until Ctrl-C");
    static final Option<String> REPORT = Option.of("report", ValueType.text(false), "",
            "render the report of a saved results folder again, without running anything");

    /** Server options that only make sense for one server in the foreground (port, limits, ...). */
    private static final List<Option<?>> SERVE_ONLY = ServerOptions.OPTIONS.options().stream()
            .filter(option -> !BenchmarkOptions.OPTIONS.contains(option.name()))
            .<Option<?>>map(LabOptions::serveOnly)
            .toList();

    static final OptionSet OPTIONS = OptionSet.of(HELP, SERVE, REPORT).and(new OptionSet(SERVE_ONLY))
            .and(BenchmarkOptions.OPTIONS).and(OptionSet.of(CompareCommand.COMPARE));

    /**
     * Property names that Maven or its plugins take without a dot; anything else without a
     * dot is taken as a mistyped corelab option, so that {@code -Dmdoe=cluster} is refused
     * rather than silently ignored. Maven 3.9.12 and newer set {@code guice_custom_class_loading}
     * in their own JVM, where exec:java runs corelab.
     */
    private static final Set<String> NOT_OURS = Set.of("skipTests", "test", "quiet", "debug", "offline",
            "guice_custom_class_loading");

    /** {@code option} as the lab lists it: for one server only, which its help says first. */
    private static <T> Option<T> serveOnly(Option<T> option) {
        return Option.of(option.name(), option.type(), option.defaultValue(), "-Dserve=true: " + option.help());
    }

    static LabOptions fromSystemProperties() {
        return parse(System.getProperties());
    }

    static LabOptions parse(Properties properties) {
        Map<String, String> given = new LinkedHashMap<>();
        for (String name : properties.stringPropertyNames()) {
            if (!name.contains(".") && !NOT_OURS.contains(name)) {
                given.put(name, properties.getProperty(name));
            }
        }
        OptionValues values = OPTIONS.read(given);
        Map<String, String> rest = new LinkedHashMap<>(given);
        List.of(HELP, SERVE, REPORT).forEach(option -> rest.remove(option.name()));
        boolean serve = values.get(SERVE);
        if (values.get(HELP)) {
            return new LabOptions(true, serve, null, null, null, null, given);
        }
        if (values.isGiven(REPORT)) {
            String report = values.get(REPORT);
            if (report.isBlank() || serve || !rest.isEmpty()) {
                throw new OptionException("-Dreport=<results folder> renders saved results and takes no other option");
            }
            return new LabOptions(false, false, Path.of(report), null, null, null, given);
        }
        if (values.isGiven(CompareCommand.COMPARE)) {
            return new LabOptions(false, false, null, CompareCommand.parse(values, given), null, null, given);
        }
        if (serve) {
            return new LabOptions(false, true, null, null, serverOptions(rest), null, given);
        }
        for (Option<?> option : SERVE_ONLY) {
            if (rest.containsKey(option.name())) {
                throw new OptionException(option.name() + " applies only with -Dserve=true; a measured run picks free"
                        + " ports itself");
            }
        }
        return new LabOptions(false, false, null, null, null, BenchmarkOptions.parse(rest), given);
    }

    /** One server: every option must have one value, and the mode defaults to the server's own, single. */
    private static ServerOptions serverOptions(Map<String, String> given) {
        Map<String, String> server = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : given.entrySet()) {
            if (!ServerOptions.OPTIONS.contains(option.getKey())) {
                throw new OptionException(option.getKey() + " applies to measured runs, not to -Dserve=true");
            }
            if (option.getValue().contains(",")) {
                throw new OptionException("-Dserve=true starts one server: " + option.getKey()
                        + " takes one value, not the list '" + option.getValue() + "'");
            }
            server.put(option.getKey(), option.getValue());
        }
        if (server.getOrDefault(ServerOptions.MODE.name(), "").strip().equals("all")) {
            server.remove(ServerOptions.MODE.name()); // a measured run's word; one server starts the default
        }
        ServerOptions options = ServerOptions.parse(server);
        options.checkFitsMode();
        return options;
    }
}
