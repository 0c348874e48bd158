/**
 * The one home for child processes: starting them, tying them to a lifeline, reading their
 * output, stopping them and waiting for them. The harness (its servers under test) and the
 * modes (a cluster's workers, nginx, redis-server) both use it, so each of these jobs is
 * written once.
 *
 * <ul>
 *   <li>Starting: {@link corelab.modes.process.JvmCommand} builds the command line of another
 *       corelab JVM (right under {@code mvn exec:java} too);
 *       {@link corelab.modes.process.ChildProcess} starts a program that is not one
 *       (nginx, redis-server) in a process group of its own.</li>
 *   <li>Lifelines: every child dies with its parent, however the parent ends. A corelab JVM
 *       reads its standard input, a pipe from its parent, and exits when it closes, which
 *       the kernel does even after SIGKILL; a {@code ChildProcess} has a watcher that does
 *       the same for its whole group; and {@link corelab.modes.process.LiveChildren} stops
 *       what is still running when the parent JVM exits in an orderly way (Ctrl-C included),
 *       foreign servers that ignore their stdin too.</li>
 *   <li>Output: {@link corelab.modes.process.LinePump} drains a child's output line by line
 *       and hands each line to its caller, which tells corelab's lines from the rest through
 *       the records of {@link corelab.modes.wire}; {@link corelab.modes.process.RecentLines}
 *       keeps the last ones for error messages.</li>
 *   <li>Stopping and waiting: {@link corelab.modes.process.ProcessTree} lists a tree before any
 *       signal, gives it a grace period, SIGKILLs what is left and waits a bounded time, with
 *       a clear error for a process that survives; {@link corelab.modes.process.Uninterruptibles}
 *       waits for what must be gone before the caller goes on.</li>
 * </ul>
 */
package corelab.modes.process;
