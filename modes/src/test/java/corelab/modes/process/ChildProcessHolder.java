package corelab.modes.process;

import java.nio.file.Path;
import java.util.List;

/** A JVM that starts a {@link ChildProcess} and then waits to be killed, for ChildProcessTest. */
public final class ChildProcessHolder {
    private ChildProcessHolder() {
    }

    public static void main(String[] args) throws Exception {
        ChildProcess child = ChildProcess.start(List.of("/bin/sh", "-c", "sleep 300 & exec sleep 301"), Path.of("."), line -> { });
        System.out.println("pid " + child.pid());
        System.out.flush();
        Thread.sleep(300_000);
    }
}
