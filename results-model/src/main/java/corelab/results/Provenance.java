package corelab.results;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * Where the figures come from: enough to tell whether two runs can be compared. {@code pinning} says whether the
 * load generator and the server had CPUs of their own; null in files written before it was recorded.
 */
public record Provenance(String corelabVersion, String gitCommit, String javaVersion, String javaVendor,
                         String jvmName, String javaHome, List<String> harnessJvmFlags, List<String> serverJvmFlags,
                         String os, String osVersion, String arch, int cores, String cpuModel, String command,
                         CorePinning pinning,
                         // Linux's net.ipv4.tcp_migrate_req during the run; absent where unknown (older files too).
                         @JsonInclude(JsonInclude.Include.NON_NULL) String tcpMigrateReq) {
    public Provenance {
        harnessJvmFlags = List.copyOf(harnessJvmFlags);
        serverJvmFlags = List.copyOf(serverJvmFlags);
    }

    /** Without a record of pinning, as files written before it was recorded. */
    public Provenance(String corelabVersion, String gitCommit, String javaVersion, String javaVendor,
                      String jvmName, String javaHome, List<String> harnessJvmFlags, List<String> serverJvmFlags,
                      String os, String osVersion, String arch, int cores, String cpuModel, String command) {
        this(corelabVersion, gitCommit, javaVersion, javaVendor, jvmName, javaHome, harnessJvmFlags, serverJvmFlags,
                os, osVersion, arch, cores, cpuModel, command, null, null);
    }

    /** Without a record of net.ipv4.tcp_migrate_req, as files written before it was recorded. */
    public Provenance(String corelabVersion, String gitCommit, String javaVersion, String javaVendor,
                      String jvmName, String javaHome, List<String> harnessJvmFlags, List<String> serverJvmFlags,
                      String os, String osVersion, String arch, int cores, String cpuModel, String command,
                      CorePinning pinning) {
        this(corelabVersion, gitCommit, javaVersion, javaVendor, jvmName, javaHome, harnessJvmFlags, serverJvmFlags,
                os, osVersion, arch, cores, cpuModel, command, pinning, null);
    }
}
