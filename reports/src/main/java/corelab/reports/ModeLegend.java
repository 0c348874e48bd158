package corelab.reports;

import corelab.modes.options.Mode;
import corelab.modes.options.Vocabulary;
import java.util.List;
import java.util.Optional;

/**
 * What each mode of the run is, in the words of corelab's vocabulary ({@link Vocabulary}: the
 * README's table and {@code -Dhelp=true} say the same): a chart's legend says {@code platform}
 * or {@code poller}, and this note says which is thread-per-connection and which
 * thread-per-request.
 */
final class ModeLegend {
    private ModeLegend() {
    }

    /** One note naming every mode of the run that this corelab knows; none if it knows none. */
    static List<String> notes(RunView view) {
        List<String> described = view.modes().stream().map(ModeLegend::describe).flatMap(Optional::stream).toList();
        return described.isEmpty() ? List.of() : List.of("The modes in this run. " + String.join("; ", described) + ".");
    }

    private static Optional<String> describe(String word) {
        try {
            return Optional.of(Vocabulary.describe(Mode.fromWord(word)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // results from a corelab with a mode this one no longer has
        }
    }
}
