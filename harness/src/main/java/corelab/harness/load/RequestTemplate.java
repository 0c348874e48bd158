package corelab.harness.load;

/**
 * One request the generator sends and the exact answer body it must get back, for
 * instance {@code ("/cpu?seed=3&iterations=1000", "cpu seed=3 iterations=1000 result=...\n")}.
 *
 * @param target       the request target, sent as is on the request line
 * @param expectedBody the whole body of a correct answer; any other body is a wrong answer;
 *                     with {@code countAnswer}, what comes before the count
 * @param countAnswer  the answer carries a count the client cannot know in advance (the
 *                     {@code counter} workload): {@code expectedBody}, then a positive decimal,
 *                     then a newline; the counts are handed to a {@link CounterLedger}
 */
public record RequestTemplate(String target, String expectedBody, boolean countAnswer) {

    /** A request whose correct answer is exactly {@code expectedBody}. */
    public RequestTemplate(String target, String expectedBody) {
        this(target, expectedBody, false);
    }

    public RequestTemplate {
        if (target == null || !target.startsWith("/")) {
            throw new IllegalArgumentException("a request target must start with '/', was " + target);
        }
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            // anything else would corrupt the request line rather than make a different request
            if (c <= ' ' || c >= 0x7f) {
                throw new IllegalArgumentException(
                        "a request target must be printable ASCII without spaces, was '" + target + "'");
            }
        }
        if (expectedBody == null) {
            throw new IllegalArgumentException("an expected body is required for " + target);
        }
    }
}
