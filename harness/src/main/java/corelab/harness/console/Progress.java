package corelab.harness.console;

import java.io.Console;
import java.io.PrintStream;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * What is running, how far along, and how long is left: a progress bar on a terminal,
 * one plain line per configuration otherwise (CI logs, notebooks).
 */
public final class Progress implements AutoCloseable {
    /** {@code Console.isTerminal()}, which JDK 22 added; null on JDK 21. */
    private static final MethodHandle IS_TERMINAL = isTerminalMethod();

    private final PrintStream console;
    private final ProgressBar bar; // null when not on a terminal

    private Progress(PrintStream console, ProgressBar bar) {
        this.console = console;
        this.bar = bar;
    }

    public static Progress start(PrintStream console, long totalSeconds) {
        if (!onTerminal()) {
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

    /**
     * Whether this JVM talks to a terminal. On JDK 21 a console exists only when it does. JDK 22
     * to 24 return a console even when the output is redirected (to a file, a pipe, a CI log),
     * and only its {@code isTerminal()} tells; JDK 25 again returns none.
     */
    static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        if (IS_TERMINAL == null) {
            return true;
        }
        try {
            return (boolean) IS_TERMINAL.invokeExact(console);
        } catch (Throwable e) {
            throw new IllegalStateException("Console.isTerminal() failed", e);
        }
    }

    static MethodHandle isTerminalMethod() {
        try {
            return MethodHandles.publicLookup().findVirtual(Console.class, "isTerminal",
                    MethodType.methodType(boolean.class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            return null; // JDK 21, compiled for with --release 21
        }
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
