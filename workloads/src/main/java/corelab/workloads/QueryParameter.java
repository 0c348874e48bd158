package corelab.workloads;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A query parameter of a workload's request, by its name on the wire. With
 * {@link Workload#queryParameters()} it is the route table: the client writes a target from
 * it ({@link WorkloadRequest#target()}) and the server reads a query by it
 * ({@link WorkloadRequest#parse}), so a name cannot differ between the two.
 */
public enum QueryParameter {
    SEED("seed"),
    ITERATIONS("iterations"),
    TOKEN("token"),
    DELAY_MILLIS("delayMillis");

    private final String key;

    QueryParameter(String key) {
        this.key = key;
    }

    /** The name in the query: {@code seed} in {@code /cpu?seed=7}. */
    public String key() {
        return key;
    }

    /** This parameter's value in {@code request}, as the target carries it. */
    long valueIn(WorkloadRequest request) {
        return switch (this) {
            case SEED -> request.seed();
            case ITERATIONS -> request.iterations();
            case TOKEN -> request.token();
            case DELAY_MILLIS -> request.delayMillis();
        };
    }

    /** The parameter named {@code key}; a message fit for a 400 answer, listing the valid names, if none is. */
    static QueryParameter fromKey(String key) {
        for (QueryParameter parameter : values()) {
            if (parameter.key.equals(key)) {
                return parameter;
            }
        }
        throw new IllegalArgumentException("unknown query parameter '" + key + "'; valid: "
                + Arrays.stream(values()).map(QueryParameter::key).collect(Collectors.joining(", ")));
    }
}
