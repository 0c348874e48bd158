/**
 * What a run prints for the person watching it: the {@link Progress} of a run, the
 * {@link ConsoleTable} of headline figures at its end, and {@link Commands} echoed the way a
 * user could type them. Reads results only; nothing here decides anything.
 */
package corelab.harness.console;
