package corelab.harness.profile;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Both kinds of profile add up by concatenation: collapsed stacks are one line per stack with its
 * count, and a {@code .jfr} file is a sequence of chunks that the JDK's reader reads one after another.
 */
final class ProfileFiles {
    private ProfileFiles() {
    }

    /** Writes {@code whole} as {@code parts}, one after another. */
    static void concatenate(List<Path> parts, Path whole) throws IOException {
        Files.deleteIfExists(whole);
        Files.createFile(whole);
        for (Path part : parts) {
            Files.write(whole, Files.readAllBytes(part), StandardOpenOption.APPEND);
        }
    }
}
