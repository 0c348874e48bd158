package corelab.modes.profile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * async-profiler's native library, taken from its jar on this JVM's classpath (Maven Central's
 * {@code tools.profiler:async-profiler} carries {@code linux-x64/} and {@code linux-arm64/}
 * builds) into a temporary file this process owns; the profiler deletes it once loaded. Nothing
 * is downloaded: a machine where the build resolved the jar has the library.
 */
final class ProfilerLibrary {
    private ProfilerLibrary() {
    }

    /** The library's path in the jar for this machine; one clear message where there is none. */
    static String resourceName() throws IOException {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "");
        if (!os.contains("linux")) {
            throw new IOException("profiling needs Linux: async-profiler's jar has no library for " + os);
        }
        return switch (arch) {
            case "amd64", "x86_64" -> "linux-x64/libasyncProfiler.so";
            case "aarch64", "arm64" -> "linux-arm64/libasyncProfiler.so";
            default -> throw new IOException("async-profiler's jar has no Linux library for " + arch);
        };
    }

    /** Copies the library out of the jar into a temporary file (deleted when this JVM exits, if not before). */
    static Path extract() throws IOException {
        String name = resourceName();
        try (InputStream in = ProfilerLibrary.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException("async-profiler's " + name + " is not on the classpath (tools.profiler:"
                        + "async-profiler, a dependency of corelab-modes)");
            }
            Path file = Files.createTempFile("corelab-async-profiler-", ".so");
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        }
    }
}
