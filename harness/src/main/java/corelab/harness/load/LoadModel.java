package corelab.harness.load;

import corelab.workloads.CommandWord;

/**
 * How the load generator decides when to send. The two answer different questions, so they
 * are different named things, never a flag on one model (Hyperfoil's {@code Model}): the open
 * model carries its rate, and an open model without one cannot be written.
 */
public sealed interface LoadModel permits LoadModel.Closed, LoadModel.Open {
    Closed CLOSED = new Closed();

    Kind kind();

    /** The word on the command line and in the results: {@code closed} or {@code open}. */
    default String word() {
        return kind().word();
    }

    /** C keep-alive connections, each sending its next request as soon as the answer arrives. */
    record Closed() implements LoadModel {
        @Override
        public Kind kind() {
            return Kind.CLOSED;
        }
    }

    /** A fixed arrival rate, wrk2-style: requests are due on a schedule, whether or not the server keeps up. */
    record Open(double ratePerSecond) implements LoadModel {
        public Open {
            // wrk2 refuses too: an open-loop test without a rate has no schedule to be late against.
            if (Double.isNaN(ratePerSecond)) {
                throw new IllegalArgumentException("the open load model needs a rate (-Drate=...)");
            }
            if (Double.isInfinite(ratePerSecond) || ratePerSecond <= 0) {
                throw new IllegalArgumentException(
                        "the open load model needs a rate (-Drate=...) that is a finite number above 0, was " + ratePerSecond);
            }
        }

        @Override
        public Kind kind() {
            return Kind.OPEN;
        }
    }

    /** The models' words, as {@code -Dload=} takes them. */
    enum Kind implements CommandWord {
        CLOSED("closed", "C keep-alive connections, each sends its next request as soon as the answer arrives:"
                + " the server's speed sets the rate (how much can it serve?)"),
        OPEN("open", "a fixed arrival rate over C connections, wrk2-style: latency counts from when each request was due"
                + " (how slow is it at this rate?)");

        private final String word;
        private final String description;

        Kind(String word, String description) {
            this.word = word;
            this.description = description;
        }

        @Override
        public String word() {
            return word;
        }

        @Override
        public String description() {
            return description;
        }

        public static Kind fromWord(String word) {
            return CommandWord.fromWord(Kind.class, "load model", word);
        }

        public static String words() {
            return CommandWord.words(Kind.class);
        }
    }
}
