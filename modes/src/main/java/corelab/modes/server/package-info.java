/**
 * What every mode is and serves: a {@link corelab.modes.server.ModeServer} (where it listens,
 * how it stops), the {@link corelab.modes.server.ServerContext} an in-process mode starts from,
 * and the {@link corelab.modes.server.WorkloadHandler} that answers the workloads' routes in
 * every mode alike.
 */
package corelab.modes.server;
