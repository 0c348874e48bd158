package corelab.harness.runner;

import java.util.ArrayList;
import java.util.List;

/** Echoing commands the way a user could type them, minus the classpath's hundred entries. */
final class Commands {
    private Commands() {
    }

    static String abbreviate(List<String> command) {
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
}
