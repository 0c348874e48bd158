/**
 * The composition root: {@link corelab.modes.ServerMain} reads a server JVM's arguments and
 * {@link corelab.modes.RunningServer} puts one server together from the packages below it:
 * {@code options} (the words and options), {@code http} (the HTTP core), {@code server} and
 * {@code threads} (the in-process modes), {@code cluster} (a primary and its worker processes),
 * {@code counter} (where the counter workload's count lives), {@code process} (starting and
 * stopping child processes) and {@code wire} (every line that crosses a process boundary).
 * Nothing below this package names it: a cluster is given the class its workers run.
 */
package corelab.modes;
