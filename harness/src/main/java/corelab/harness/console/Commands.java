package corelab.harness.console;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Echoing commands the way a user could type them, minus the classpath's hundred entries. */
public final class Commands {
    private Commands() {
    }

    public static String abbreviate(List<String> command) {
        List<String> shown = new ArrayList<>();
        for (int i = 0; i < command.size(); i++) {
            String part = command.get(i);
            if ((part.equals("-cp") || part.equals("-classpath")) && i + 1 < command.size()) {
                shown.add(part);
                shown.add("<corelab classpath>");
                i++;
            } else {
                shown.add(part.contains(" ") ? "'" + part + "'" : part);
            }
        }
        return String.join(" ", shown);
    }

    /**
     * The command line that runs a measurement with these options from the repository root, as the
     * results record it and a notebook prints it: {@code ./mvnw -q compile exec:java -Dmode=single ...}.
     */
    public static String labCommand(Map<String, String> options) {
        StringBuilder command = new StringBuilder("./mvnw -q compile exec:java");
        options.forEach((name, value) -> command.append(" -D").append(name).append('=')
                .append(value.contains(" ") ? "'" + value + "'" : value));
        return command.toString();
    }
}
