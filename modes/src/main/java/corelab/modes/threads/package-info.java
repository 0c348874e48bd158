/**
 * The five modes that use many cores with threads inside one process: {@code single} (one
 * event-loop thread), {@code offload} (an event loop that hands CPU work to a pool),
 * {@code platform} (a pool of platform threads, one connection each: thread-per-connection),
 * {@code poller} (a poller thread holds the connections and a pool of platform threads serves
 * one request each: thread-per-request) and {@code virtual} (a virtual thread per
 * connection). They share the HTTP core and the workload handler; what differs between them
 * is only how work is scheduled onto threads: diff
 * {@link corelab.modes.threads.PlatformServer} against {@link corelab.modes.threads.VirtualServer}.
 */
package corelab.modes.threads;
