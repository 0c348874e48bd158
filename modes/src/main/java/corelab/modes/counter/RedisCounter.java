package corelab.modes.counter;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * {@code counter=redis}: the count is a key in Redis, and every process of every mode asks
 * Redis to {@code INCR} it. Redis runs one command at a time, so each increment is
 * indivisible whichever process sends it: the count is right across workers, at the price
 * of a socket round trip per request (and Redis's own CPU, which the harness counts when
 * corelab started it).
 *
 * <p>Jedis is a blocking client. A thread mode's request thread simply waits in it, as it
 * waits for the io backend; an event loop must never wait, so for the loop modes the call
 * is handed to a small pool of threads of its own, and the loop writes the answer when the
 * future completes.
 */
public final class RedisCounter implements Counter {
    /** The key every process increments. */
    public static final String KEY = "corelab:counter";
    /** Connections (and, for an event loop, threads) per process: Redis answers one at a time anyway. */
    static final int CONNECTIONS = 16;
    static final int TIMEOUT_MILLIS = 10_000;

    private final RedisClient redis; // a pool of CONNECTIONS connections
    private final ExecutorService ownThreads;
    private final Executor caller;

    private RedisCounter(String host, int port, boolean mayBlockCaller) {
        ConnectionPoolConfig pool = new ConnectionPoolConfig();
        pool.setMaxTotal(CONNECTIONS);
        pool.setMaxIdle(CONNECTIONS);
        pool.setJmxEnabled(false);
        this.redis = RedisClient.builder().hostAndPort(host, port).poolConfig(pool)
                .clientConfig(DefaultJedisClientConfig.builder().timeoutMillis(TIMEOUT_MILLIS).build()).build();
        this.ownThreads = mayBlockCaller ? null
                : Executors.newFixedThreadPool(CONNECTIONS, Thread.ofPlatform().daemon(true).name("corelab-redis-", 1).factory());
        this.caller = mayBlockCaller ? Runnable::run : ownThreads;
    }

    /**
     * A counter on the Redis at {@code host:port}. {@code mayBlockCaller}: true for the thread
     * modes, whose request threads may wait; false for an event loop.
     */
    public static RedisCounter connect(String host, int port, boolean mayBlockCaller) {
        return new RedisCounter(host, port, mayBlockCaller);
    }

    /** Sets the count to 0, for a server that starts counting on a Redis it did not start. */
    public static void reset(String host, int port) throws IOException {
        try (Jedis jedis = new Jedis(host, port, TIMEOUT_MILLIS)) {
            jedis.set(KEY, "0");
        } catch (JedisException e) {
            throw new IOException("counter=redis: cannot reach Redis at " + host + ":" + port + " (redisPort=" + port
                    + "): " + e.getMessage(), e);
        }
    }

    @Override
    public CompletableFuture<Long> increment() {
        return CompletableFuture.supplyAsync(this::incr, caller);
    }

    private long incr() {
        return redis.incr(KEY);
    }

    @Override
    public void close() {
        if (ownThreads != null) {
            ownThreads.shutdownNow();
            try {
                ownThreads.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        redis.close();
    }
}
