package corelab.results;

import java.util.List;

/** Where the figures come from: enough to tell whether two runs can be compared. */
public record Provenance(String corelabVersion, String gitCommit, String javaVersion, String javaVendor,
                         String jvmName, String javaHome, List<String> harnessJvmFlags, List<String> serverJvmFlags,
                         String os, String osVersion, String arch, int cores, String cpuModel, String command) {
    public Provenance {
        harnessJvmFlags = List.copyOf(harnessJvmFlags);
        serverJvmFlags = List.copyOf(serverJvmFlags);
    }
}
