package corelab.harness.server;

/**
 * A server tree's memory at one instant, two ways. RSS counts every resident page once per process that
 * maps it, so the shared ones (libjvm, the class-data archive) are counted once per JVM and a cluster of
 * JVMs looks heavier than it is; PSS divides each shared page between the processes that share it, so the
 * tree's PSS adds up to what it really holds. -1 where the platform cannot tell.
 */
public record TreeMemory(long rssBytes, long pssBytes) {
    public static final TreeMemory UNKNOWN = new TreeMemory(ProcessSample.UNAVAILABLE, ProcessSample.UNAVAILABLE);
}
