/**
 * async-profiler and the JDK Flight Recorder inside a server JVM, driven by the harness over the
 * wire ({@link corelab.modes.wire.ProfileCommand}): started and stopped at each measured trial's
 * boundaries, and dumped after each trial.
 */
package corelab.modes.profile;
