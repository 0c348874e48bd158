/**
 * What every measured window is made of, a run's trials and a fault's window alike: the
 * {@link ServerUnderTest} it is measured against, the {@link TrialRecorder} that turns samples
 * into a trial's result, and the {@link RunFailure} that stops a run; and the calibration in a fresh
 * JVM ({@link Calibrator}, {@link CalibrationMain}) that the run's limit lines rest on. Kept apart from
 * {@code corelab.harness.execute} so that {@code corelab.harness.fault} can use them without a
 * package cycle.
 */
package corelab.harness.measure;
