/**
 * Profiling the server during the measured trials ({@code -Dprofile=}): the hook that starts
 * and stops async-profiler inside the server's JVMs at each trial's boundaries, and what
 * becomes of their dumps (one flame graph per process, and a cluster's merged one).
 */
package corelab.harness.profile;
