package dev.kinora.local.faults;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test-only fault injection for the local cloud (issue 12, part 2): one switchboard per cloud,
 * every fault off until a test turns it on, and nothing of the functions' code changed for it. The
 * local cloud consults it at four points:
 *
 * <ul>
 *   <li>{@code LambdaFunction.invoke}: {@link #killInvocations} ends a function's invocation at a
 *       random moment, as a crash ({@code Runtime.ExitError}) or a timeout ({@code
 *       Sandbox.Timedout}); the instance is thrown away like a recycled sandbox;
 *   <li>{@code S3Notifications}: {@link #duplicateS3Events} delivers every event several times,
 *       each copy after its own random delay (so events also arrive out of order);
 *   <li>the {@code @connections} endpoint: {@link #failConnectionPosts} answers a fraction of
 *       {@code POST}s with API Gateway's 500 instead of sending the frame;
 *   <li>{@link ThrottlingDynamoDbProxy}, between every function and DynamoDB when the cloud is
 *       built with {@code faultInjection()}: {@link #throttleDynamoDb} answers a fraction of
 *       requests with DynamoDB's 400 throttling errors without forwarding them, so the SDK's
 *       retries are what keeps the request alive.
 * </ul>
 *
 * <p>Random choices come from one seeded generator, so a failing run names its seed. Every injected
 * fault is counted ({@link #injected}) for the test's table.
 */
public final class Faults {
  /** How an invocation is ended. */
  public enum Kill {
    /** The runtime process dies (an uncaught error, out of memory): {@code Runtime.ExitError}. */
    CRASH,
    /** The invocation runs past its Timeout: {@code Sandbox.Timedout}. */
    TIMEOUT
  }

  /** One invocation's fate: ended as {@code kill} once it has run {@code after}. */
  public record InvocationFault(Kill kill, Duration after) {}

  private record KillPlan(double probability, Duration latest, Kill kill) {}

  private final SplittableRandom random;
  private final Map<String, KillPlan> kills = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> injected = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> invocations = new ConcurrentHashMap<>();
  private final Map<String, Queue<Duration>> successes = new ConcurrentHashMap<>();
  private volatile int s3Copies = 1;
  private volatile Duration s3MaxDelay = Duration.ZERO;
  private volatile double connectionPostFailures;
  private volatile double dynamoDbThrottling;
  private volatile boolean dynamoDbProxied;

  public Faults(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /**
   * Ends each invocation of {@code functionId} with {@code probability} at a uniformly random
   * moment within {@code latest} (an invocation that finishes earlier is not touched); {@code kill}
   * null picks crash or timeout at random per invocation.
   */
  public Faults killInvocations(String functionId, double probability, Duration latest, Kill kill) {
    kills.put(functionId, new KillPlan(fraction(probability), latest, kill));
    return this;
  }

  /** Every S3 notification is delivered {@code copies} times, each after 0..maxDelay. */
  public Faults duplicateS3Events(int copies, Duration maxDelay) {
    if (copies < 1) {
      throw new IllegalArgumentException("copies must be at least 1");
    }
    this.s3Copies = copies;
    this.s3MaxDelay = maxDelay;
    return this;
  }

  /** A fraction of {@code @connections} POSTs answer 500 and send nothing. */
  public Faults failConnectionPosts(double fraction) {
    this.connectionPostFailures = fraction(fraction);
    return this;
  }

  /** A fraction of the functions' DynamoDB requests are refused as throttled (400). */
  public Faults throttleDynamoDb(double fraction) {
    if (!dynamoDbProxied && fraction > 0) {
      throw new IllegalStateException(
          "DynamoDB throttling needs the proxy: build the cloud with faultInjection()");
    }
    this.dynamoDbThrottling = fraction(fraction);
    return this;
  }

  /** Turns every fault off (counters are kept). */
  public Faults clear() {
    kills.clear();
    s3Copies = 1;
    s3MaxDelay = Duration.ZERO;
    connectionPostFailures = 0;
    dynamoDbThrottling = 0;
    return this;
  }

  /**
   * What the hooks counted so far: faults injected (e.g. {@code TranscodeFunction:CRASH}, {@code
   * dynamodb:throttled}, {@code connections:post-failed}, {@code s3:extra-copies}) and the requests
   * they let through ({@code dynamodb:passed}, {@code connections:post-delivered}).
   */
  public Map<String, Long> counts() {
    Map<String, Long> counts = new TreeMap<>();
    injected.forEach((kind, count) -> counts.put(kind, count.get()));
    return counts;
  }

  public long counted(String kind) {
    AtomicLong count = injected.get(kind);
    return count == null ? 0 : count.get();
  }

  /** Invocations of {@code functionId} that started so far (killed or not). */
  public long invocations(String functionId) {
    AtomicLong count = invocations.get(functionId);
    return count == null ? 0 : count.get();
  }

  /**
   * How long each invocation of {@code functionId} that returned normally took (a cold one includes
   * its init), in order: a test sizes "a random point of the run" from them.
   */
  public List<Duration> successfulInvocations(String functionId) {
    return List.copyOf(successes.getOrDefault(functionId, new ConcurrentLinkedQueue<>()));
  }

  // ---------------------------------------------------------------- the hooks

  /** Called after every invocation that returned normally, with the handler's own time. */
  public void succeeded(String functionId, Duration took) {
    successes.computeIfAbsent(functionId, k -> new ConcurrentLinkedQueue<>()).add(took);
  }

  /** Asked once per invocation: whether (and when, how) this one is ended. */
  public Optional<InvocationFault> invocationFault(String functionId) {
    count(invocations, functionId);
    KillPlan plan = kills.get(functionId);
    if (plan == null) {
      return Optional.empty();
    }
    synchronized (random) {
      if (random.nextDouble() >= plan.probability()) {
        return Optional.empty();
      }
      Kill kill = plan.kill() != null ? plan.kill() : Kill.values()[random.nextInt(2)];
      long latest = Math.max(1, plan.latest().toMillis());
      return Optional.of(new InvocationFault(kill, Duration.ofMillis(random.nextLong(latest))));
    }
  }

  /** Called when a planned kill happened (the invocation had not finished by then). */
  public void killed(String functionId, Kill kill) {
    count(injected, functionId + ":" + kill);
  }

  /** The delays after which each copy of one S3 notification is delivered. */
  public long[] s3DeliveryDelaysMillis() {
    int copies = s3Copies;
    long max = s3MaxDelay.toMillis();
    long[] delays = new long[copies];
    if (copies == 1 && max == 0) {
      return delays;
    }
    synchronized (random) {
      for (int i = 0; i < copies; i++) {
        delays[i] = max == 0 ? 0 : random.nextLong(max + 1);
      }
    }
    count(injected, "s3:extra-copies", copies - 1L);
    return delays;
  }

  /** Whether this {@code @connections} POST fails. */
  public boolean failConnectionPost() {
    return roll(connectionPostFailures, "connections:post-failed");
  }

  /**
   * Counts a {@code @connections} POST that was sent to its client (the accounting's other half).
   */
  public void connectionPostDelivered() {
    count(injected, "connections:post-delivered");
  }

  /** Whether this DynamoDB request is throttled. */
  public boolean throttleDynamoDbRequest() {
    return roll(dynamoDbThrottling, "dynamodb:throttled");
  }

  /** Counts a request the DynamoDB proxy passed (for the throttled fraction actually seen). */
  public void dynamoDbRequestPassed() {
    count(injected, "dynamodb:passed");
  }

  void proxied() {
    this.dynamoDbProxied = true;
  }

  private boolean roll(double probability, String kind) {
    if (probability <= 0) {
      return false;
    }
    boolean hit;
    synchronized (random) {
      hit = random.nextDouble() < probability;
    }
    if (hit) {
      count(injected, kind);
    }
    return hit;
  }

  private static void count(Map<String, AtomicLong> counts, String key) {
    count(counts, key, 1);
  }

  private static void count(Map<String, AtomicLong> counts, String key, long n) {
    counts.computeIfAbsent(key, k -> new AtomicLong()).addAndGet(n);
  }

  private static double fraction(double value) {
    if (value < 0 || value > 1) {
      throw new IllegalArgumentException("a fraction between 0 and 1: " + value);
    }
    return value;
  }
}
