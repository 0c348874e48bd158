package corelab.lab;

import corelab.modes.OptionException;
import corelab.modes.OptionSpec;
import corelab.modes.ServerOptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

/**
 * The lab's options: the server options plus what the command line itself does.
 * Read once from system properties ({@code -D}), validated here.
 */
record LabOptions(boolean help, boolean serve, String modeWord, ServerOptions server) {

    static final List<OptionSpec> SPECS;

    static {
        List<OptionSpec> specs = new ArrayList<>();
        specs.add(new OptionSpec("help", "false", "print this list and stop"));
        specs.add(new OptionSpec("serve", "false", "start one server (-Dmode=) in the foreground until Ctrl-C"));
        specs.addAll(ServerOptions.SPECS);
        SPECS = Collections.unmodifiableList(specs);
    }

    /**
     * Property names that Maven or its plugins take without a dot; anything else without a
     * dot is taken as a mistyped corelab option, so that {@code -Dmdoe=cluster} is refused
     * rather than silently ignored.
     */
    private static final Set<String> NOT_OURS = Set.of("skipTests", "test", "quiet", "debug", "offline");

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
        boolean help = bool(given.remove("help"), "help");
        boolean serve = bool(given.remove("serve"), "serve");
        ServerOptions server = ServerOptions.parse(given);
        return new LabOptions(help, serve, server.mode().word(), server);
    }

    private static boolean bool(String value, String name) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return value != null && value.isEmpty(); // a bare -Dserve means true
        }
        if (value.equals("true")) {
            return true;
        }
        throw new OptionException(name + " must be true or false, was '" + value + "'");
    }
}
