/**
 * What a run measures, worked out before anything starts: the options of a measured run
 * ({@link BenchmarkOptions}, composed of {@link ServerSweep}, {@link LoadSweep},
 * {@link GeneratorSettings}, {@link Durations} and {@link Thresholds}), the faults they ask for
 * ({@link Fault}, a specification only: firing one is {@code corelab.harness.fault}'s), and the
 * {@link Plan} they expand to: each {@link ServerPlan} with its {@link LoadPoint}s.
 *
 * <p>The bottom of the runner's packages: it starts nothing and depends on none of them, so
 * options and plans can be read and tested without a server.
 */
package corelab.harness.plan;
