/**
 * async-profiler inside a server JVM, driven by the harness over the wire
 * ({@link corelab.modes.wire.ProfileCommand}): started and stopped at each measured trial's
 * boundaries, dumped once the configuration is measured.
 */
package corelab.modes.profile;
