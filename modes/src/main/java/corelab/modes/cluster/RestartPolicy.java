package corelab.modes.cluster;

import corelab.modes.options.ServerOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * When a worker that died unexpectedly is started again: pm2's
 * {@code exp_backoff_restart_delay}. The first restart waits {@code firstDelay}, each
 * restart after another unstable one waits twice as long, up to {@code maxDelay}; a worker
 * that stayed up for {@code stablePeriod} resets the delay. More than
 * {@code maxUnstableRestarts} unstable restarts in a row is a crash loop: restarting again
 * would only burn CPU and fill the log, so the primary gives up and says so.
 */
public record RestartPolicy(Duration firstDelay, Duration maxDelay, Duration stablePeriod, int maxUnstableRestarts) {
    /** The policy of the options' defaults. */
    public static final RestartPolicy DEFAULT = of(ServerOptions.defaults());

    public RestartPolicy {
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0
                || stablePeriod.isNegative() || maxUnstableRestarts < 0) {
            throw new IllegalArgumentException("need 0 < firstDelay <= maxDelay, stablePeriod >= 0 and"
                    + " maxUnstableRestarts >= 0, were " + firstDelay + ", " + maxDelay + ", " + stablePeriod
                    + ", " + maxUnstableRestarts);
        }
    }

    /** The cluster's restart policy: pm2's options as {@code options} gives them, the delay capped. */
    public static RestartPolicy of(ServerOptions options) {
        return new RestartPolicy(Duration.ofMillis(options.restartDelayMillis()),
                Duration.ofMillis(ServerOptions.MAX_RESTART_DELAY_MILLIS), Duration.ofMillis(options.minUptimeMillis()),
                options.maxRestarts());
    }

    /** The wait before the restart that follows {@code unstableRestartsBefore} unstable restarts in a row. */
    public Duration delay(int unstableRestartsBefore) {
        Duration delay = firstDelay;
        for (int i = 0; i < unstableRestartsBefore && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) < 0 ? delay : maxDelay;
    }

    public Backoff backoff() {
        return new Backoff(this);
    }

    /** The policy applied to one cluster's history of crashes; not thread-safe (the cluster synchronizes). */
    public static final class Backoff {
        private final RestartPolicy policy;
        private int unstableRestarts;

        private Backoff(RestartPolicy policy) {
            this.policy = policy;
        }

        /**
         * A worker died unexpectedly after {@code uptime}: how long to wait before starting it
         * again, or empty to give up.
         */
        public Optional<Duration> afterCrash(Duration uptime) {
            if (uptime.compareTo(policy.stablePeriod) >= 0) {
                unstableRestarts = 0;
            }
            if (unstableRestarts >= policy.maxUnstableRestarts) {
                return Optional.empty();
            }
            return Optional.of(policy.delay(unstableRestarts++));
        }

        /** Restarts in a row that followed a crash within the stable period. */
        public int unstableRestarts() {
            return unstableRestarts;
        }
    }
}
