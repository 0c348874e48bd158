package corelab.harness.console;

import java.io.PrintStream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What is running, how far along, and how long is left: a progress bar on a terminal,
 * one plain line per configuration otherwise (CI logs, notebooks).
 */
public final class Progress implements AutoCloseable {
    private final PrintStream console;
    private final ProgressBar bar; // null when not on a terminal

    private Progress(PrintStream console, ProgressBar bar) {
        this.console = console;
        this.bar = bar;
    }

    public static Progress start(PrintStream console, long totalSeconds) {
        if (System.console() == null) {
            return new Progress(console, null);
        }
        ProgressBar bar = new ProgressBarBuilder()
                .setTaskName("corelab")
                .setInitialMax(totalSeconds)
                .setUnit(" s", 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setUpdateIntervalMillis(500)
                .showSpeed()
                .build();
        return new Progress(console, bar);
    }

    public void describe(String configuration) {
        if (bar != null) {
            bar.setExtraMessage(" " + configuration);
        } else {
            console.println("corelab: measuring " + configuration);
        }
    }

    public void step(int seconds) {
        if (bar != null) {
            bar.stepBy(seconds);
        }
    }

    public void warn(String message) {
        if (bar != null) {
            console.println();
        }
        console.println(message);
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
