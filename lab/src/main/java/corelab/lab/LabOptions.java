package corelab.lab;

import corelab.harness.runner.BenchmarkOptions;
import corelab.modes.OptionException;
import corelab.modes.OptionSpec;
import corelab.modes.ServerOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
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
 * @param server    the server to serve, when {@code serve}
 * @param benchmark the run to measure, when not {@code serve}
 * @param given     the options as the user gave them, for the results' provenance
 */
record LabOptions(boolean help, boolean serve, Path report, ServerOptions server, BenchmarkOptions benchmark,
                  Map<String, String> given) {

    /** Server options that only make sense for one server in the foreground (port, limits, ...). */
    private static final List<OptionSpec> SERVE_ONLY = ServerOptions.SPECS.stream()
            .filter(spec -> BenchmarkOptions.SPECS.stream().noneMatch(b -> b.name().equals(spec.name())))
            .map(spec -> new OptionSpec(spec.name(), spec.defaultValue(), "-Dserve=true: " + spec.description()))
            .toList();

    static final List<OptionSpec> SPECS;

    static {
        List<OptionSpec> specs = new ArrayList<>();
        specs.add(new OptionSpec("help", "false", "print this list and stop"));
        specs.add(new OptionSpec("serve", "false", "start one server (-Dmode=, default single) in the foreground until Ctrl-C"));
        specs.add(new OptionSpec("report", "", "render the report of a saved results folder again, without running anything"));
        specs.addAll(SERVE_ONLY);
        specs.addAll(BenchmarkOptions.SPECS);
        SPECS = Collections.unmodifiableList(specs);
    }

    /**
     * Property names that Maven or its plugins take without a dot; anything else without a
     * dot is taken as a mistyped corelab option, so that {@code -Dmdoe=cluster} is refused
     * rather than silently ignored. Maven 3.9.12 and newer set {@code guice_custom_class_loading}
     * in their own JVM, where exec:java runs corelab.
     */
    private static final Set<String> NOT_OURS = Set.of("skipTests", "test", "quiet", "debug", "offline",
            "guice_custom_class_loading");

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
        OptionSpec.checkKnown(given, SPECS);
        Map<String, String> rest = new LinkedHashMap<>(given);
        boolean help = bool(rest.remove("help"), "help");
        boolean serve = bool(rest.remove("serve"), "serve");
        String report = rest.remove("report");
        if (help) {
            return new LabOptions(true, serve, null, null, null, given);
        }
        if (report != null) {
            if (report.isBlank() || serve || !rest.isEmpty()) {
                throw new OptionException("-Dreport=<results folder> renders saved results and takes no other option");
            }
            return new LabOptions(false, false, Path.of(report), null, null, given);
        }
        if (serve) {
            return new LabOptions(false, true, null, serverOptions(rest), null, given);
        }
        for (OptionSpec spec : SERVE_ONLY) {
            if (rest.containsKey(spec.name())) {
                throw new OptionException(spec.name() + " applies only with -Dserve=true; a measured run picks free ports itself");
            }
        }
        return new LabOptions(false, false, null, null, BenchmarkOptions.parse(rest), given);
    }

    /** One server: every option must have one value, and the mode defaults to single. */
    private static ServerOptions serverOptions(Map<String, String> given) {
        Map<String, String> server = new LinkedHashMap<>();
        for (Map.Entry<String, String> option : given.entrySet()) {
            boolean isServerOption = ServerOptions.SPECS.stream().anyMatch(s -> s.name().equals(option.getKey()));
            if (!isServerOption) {
                throw new OptionException(option.getKey() + " applies to measured runs, not to -Dserve=true");
            }
            if (option.getValue().contains(",")) {
                throw new OptionException("-Dserve=true starts one server: " + option.getKey()
                        + " takes one value, not the list '" + option.getValue() + "'");
            }
            server.put(option.getKey(), option.getValue());
        }
        if (server.getOrDefault("mode", "all").equals("all")) {
            server.put("mode", "single");
        }
        ServerOptions options = ServerOptions.parse(server);
        ServerOptions.checkCounter(options.mode(), options.counter());
        return options;
    }

    private static boolean bool(String value, String name) {
        if (value == null) {
            return false;
        }
        return value.isEmpty() || OptionSpec.parseBoolean(name, value); // a bare -Dserve means true
    }
}
