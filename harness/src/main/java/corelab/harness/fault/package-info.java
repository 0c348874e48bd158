/**
 * Firing a fault into a measured window and working out what it did: the
 * {@link SupervisedServer} that restarts a killed server as systemd would, the
 * {@link FaultWindow} that samples the load finely and fires the fault at its time, and the
 * figures read from its intervals. What a fault is and when it fires is
 * {@code corelab.harness.plan.Fault}.
 */
package corelab.harness.fault;
