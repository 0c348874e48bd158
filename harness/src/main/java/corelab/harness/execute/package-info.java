/**
 * Running a plan: {@link BenchmarkRunner} has a {@code RoundRunner} start (or reach) every server,
 * check each workload's answer once per start and measure every load point's trials in shuffled
 * rounds (a {@code Measurement} each, its trials' edges at {@link TrialHooks}); fault runs follow,
 * one window each. The trials become summaries, verdicts and comparisons, saved after every round.
 * The top of the runner's packages: it uses {@code plan}, {@code measure}, {@code fault} and
 * {@code console}, and none of them uses it.
 */
package corelab.harness.execute;
