/**
 * Handing a socket from one process to another, as Node.js's {@code cluster} does: the only
 * native code in corelab. {@link corelab.modes.handoff.NativeSockets} makes the Linux calls
 * through the Foreign Function & Memory API (a listening socket, {@code accept4},
 * {@code sendmsg}/{@code recvmsg} with {@code SCM_RIGHTS} over a {@code SOCK_SEQPACKET} Unix
 * socket, {@code SO_PEERCRED}); {@link corelab.modes.handoff.ChannelAdoption} turns a received
 * descriptor into a {@code java.nio} channel.
 */
package corelab.modes.handoff;
