package corelab.reports;

import java.util.List;

/**
 * A part of the report: a heading, the figures under it, and notes in plain words, for
 * example why a chart is absent ("no concurrency sweep in this run"). Notes are text, escaped
 * by the page writer like everything else.
 */
record Section(String heading, List<Figure> figures, List<String> notes) {
    Section {
        figures = List.copyOf(figures);
        notes = List.copyOf(notes);
    }

    static Section absent(String heading, String why) {
        return new Section(heading, List.of(), List.of(why));
    }
}
