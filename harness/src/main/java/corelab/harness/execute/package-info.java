/**
 * Running a plan: {@link BenchmarkRunner} starts (or reaches) each server, checks each
 * workload's answer once, measures every load point (a {@code Measurement} each), turns the
 * trials into summaries, verdicts and comparisons, and saves the results after every
 * configuration. The top of the runner's packages: it uses {@code plan}, {@code measure},
 * {@code fault} and {@code console}, and none of them uses it.
 */
package corelab.harness.execute;
