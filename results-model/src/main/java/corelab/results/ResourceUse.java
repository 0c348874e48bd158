package corelab.results;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * CPU and memory of one trial in three buckets, so that a request's whole cost is seen and each part is charged
 * to what spent it. {@code server}: every process of the server's tree (a cluster's primary and workers, its
 * nginx), but not a downstream service it started; {@code downstream}: the services the server calls, each a
 * process of its own (the io backend, a Redis the server started); {@code generator}: the load generator's own
 * CPU (corelab's generator threads in the harness JVM, or the wrk or ab process). Together they are the CPU the
 * machine spent on the trial's requests, apart from the harness's bookkeeping and the kernel's interrupts.
 * A bucket that could not be measured, or that does not exist (no downstream service), is null, and
 * {@code missing} says why, under the bucket's name or under {@code "<bucket>.memory"} for its memory alone.
 */
public record ResourceUse(ResourceBucket server, ResourceBucket downstream, ResourceBucket generator,
                          @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, String> missing) {
    public static final String SERVER = "server";
    public static final String DOWNSTREAM = "downstream";
    public static final String GENERATOR = "generator";
    public static final String MEMORY = ".memory";

    public ResourceUse {
        missing = Map.copyOf(missing == null ? Map.of() : missing);
        require(server, SERVER, missing);
        require(downstream, DOWNSTREAM, missing);
        require(generator, GENERATOR, missing);
    }

    /** A bucket that is null carries its reason: a figure is never dropped in silence. */
    private static void require(ResourceBucket bucket, String name, Map<String, String> missing) {
        if (bucket == null && !missing.containsKey(name)) {
            throw new IllegalArgumentException("the " + name + " bucket is missing without a reason");
        }
        if (bucket != null && (bucket.rssBytes() == null || bucket.pssBytes() == null)
                && !missing.containsKey(name + MEMORY)) {
            throw new IllegalArgumentException("the " + name + " bucket's memory is missing without a reason");
        }
    }

    /** Why {@code what} (a bucket's name, or a name + {@link #MEMORY}) is not given; null when it is. */
    public String why(String what) {
        return missing.get(what);
    }
}
