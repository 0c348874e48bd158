package corelab.modes.process;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the command line that starts another JVM running one of corelab's classes.
 *
 * <p>Why not simply {@code java.class.path}? Under {@code mvn exec:java} corelab runs inside
 * Maven's JVM, where that property names Maven's launcher jar, not corelab's classes. The
 * class loader that loaded corelab knows the real classpath, so ask it.
 */
public final class JvmCommand {
    private JvmCommand() {
    }

    /** The java launcher of the running JVM, so children run on the same JDK as their parent. */
    public static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    public static String classpath() {
        ClassLoader loader = JvmCommand.class.getClassLoader();
        if (loader instanceof URLClassLoader urls) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                if (url.getProtocol().equals("file")) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException e) {
                        entries.add(url.getPath());
                    }
                }
            }
            if (!entries.isEmpty()) {
                return String.join(File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }

    /**
     * Native access for corelab's own code (a cluster primary's and worker's socket hand-off,
     * {@code corelab.modes.handoff}): without it, JDK 25 warns on the first native call.
     */
    public static final String NATIVE_ACCESS = "--enable-native-access=ALL-UNNAMED";

    /** {@code java [native access] [jvmFlags] -cp <classpath> main [args]}. */
    public static List<String> forMain(Class<?> main, List<String> jvmFlags, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(javaExecutable());
        command.add(NATIVE_ACCESS);
        command.addAll(jvmFlags);
        command.add("-cp");
        command.add(classpath());
        command.add(main.getName());
        command.addAll(args);
        return command;
    }
}
