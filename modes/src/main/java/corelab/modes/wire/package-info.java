/**
 * The wire: every line that crosses a process boundary between the harness, a server (a
 * cluster primary or an in-process mode) and a primary's workers. It is the contract
 * between those processes, so each kind of line is one record here, with {@code format()}
 * to write it and a static {@code parse(String)} to read it, and nothing outside this
 * package builds or matches these strings (JMH's {@code runner/link} frames are the model).
 *
 * <p>Who writes what to whom:
 * <ul>
 *   <li>on a server's standard output, read by whoever started it (the harness, a primary,
 *       a test): {@link ReadyLine}, {@link StatsLine}; a cluster primary adds
 *       {@link WorkerOnlineLine}, {@link WorkerReloadedLine} and {@link WorkerExitLine}, and
 *       passes on each worker's other output as a {@link ForwardedLine};</li>
 *   <li>over a worker's standard input and output, the channel between a primary and a worker
 *       ({@code process.send} in Node.js), and on a primary's standard input: a
 *       {@link MessageLine} carries one line of text both ways, and a {@link DisconnectLine}
 *       asks a worker to finish its requests and exit;</li>
 *   <li>inside a {@link MessageLine}, the texts corelab gives a meaning: the
 *       {@link ChannelMessage}s.</li>
 * </ul>
 *
 * <p>Reading is one convention for all: {@code parse} takes a line (never null), never
 * throws, and returns {@link java.util.Optional#empty()} when the line is not that message,
 * malformed lines included (a number beyond its type, a value the record refuses), so a
 * reader can try one record after another on the same line. {@code parse(format())} gives
 * back an equal record, and the text forms are pinned by {@code WireTest}: notebooks,
 * scripts and logs read them, so they change only on purpose.
 */
package corelab.modes.wire;
