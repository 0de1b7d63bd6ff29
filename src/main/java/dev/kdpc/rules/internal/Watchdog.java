package dev.kdpc.rules.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Stops evaluations that run past their time limit. One daemon thread for the whole JVM looks over the
 * evaluations under way every {@link #TICK_NANOS} and acts on those past their deadline; an evaluation
 * itself runs on its caller's thread and only enters itself in a set, so the warm path pays for a set
 * entry, neither for a hand-over to another thread nor for waking the watchdog (a deadline queue woke it
 * at every evaluation: a system call that cost more than a tenth of a warm evaluation). While nothing is
 * evaluated for {@link #IDLE_NANOS} the watchdog sleeps until the next evaluation wakes it. A deadline is
 * so acted on up to one tick late.
 *
 * <p>At the deadline the watchdog halts the evaluation's session (the engine stops between two rule
 * firings) and interrupts its thread (a consequence that waits or sleeps ends). A consequence that
 * ignores both ({@code while (true) {}} in a trusted rule) is stopped a grace period later with
 * {@link Thread#stop()}, which JDK 17 to 19 still carry: the evaluation's thread gets a
 * {@link ThreadDeath} that {@link Engine} turns into the time-limit error, and the session is dropped,
 * never returned to its pool. On a JVM without {@code Thread.stop} (JDK 20 and later) evaluations run
 * instead on daemon worker threads that the caller waits for until the deadline and the grace period;
 * a worker that will not stop is abandoned there (it keeps a core busy until the JVM exits; being a
 * daemon it does not keep the JVM alive).
 */
public final class Watchdog {
  private Watchdog() {}

  /** How often the watchdog looks over the evaluations under way. */
  public static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  /** How long without any evaluation before the watchdog sleeps until the next one. */
  public static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

  private static final Set<Run> RUNNING = ConcurrentHashMap.newKeySet();
  /** Evaluations begun: the watchdog stays awake while this moves. */
  private static final AtomicLong BEGUN = new AtomicLong();
  /** True while the watchdog sleeps until woken ({@link Run#begin} wakes it). */
  private static volatile boolean asleep;
  private static final boolean CAN_STOP = Runtime.version().feature() < 20;
  private static volatile boolean workers = !CAN_STOP;
  private static final Thread WATCHER = new Thread(Watchdog::watch, "kdpc-watchdog");

  static {
    WATCHER.setDaemon(true);
    WATCHER.start();
  }

  /**
   * Whether evaluations run on worker threads rather than on their caller's thread (always so on a JVM
   * without {@code Thread.stop}). For tests of that path on JDK 17; not part of kdpc's API.
   */
  public static void useWorkerThreads(boolean on) {
    workers = on || !CAN_STOP;
  }

  static boolean workerThreads() {
    return workers;
  }

  /** The wait between halting an evaluation and stopping its thread: a tenth of the limit, 50 ms to 1 s. */
  static long graceNanos(long limitNanos) {
    return Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(TimeUnit.SECONDS.toNanos(1), limitNanos / 10));
  }

  /** One evaluation under watch. */
  static final class Run {
    final long limitNanos;
    private final long deadline;
    private volatile long due; // the deadline, then the deadline and the grace period
    private Thread thread;
    private KieSession session;
    /** The rule whose consequence runs now (noted by the agenda filter of {@link Engine}, just before it fires), or null. */
    volatile Rule rule;
    private boolean done;
    private boolean expired;
    private boolean stopped;

    Run(Duration limit) {
      this.limitNanos = limit.toNanos();
      this.deadline = System.nanoTime() + limitNanos;
      this.due = deadline;
    }

    /** Starts watching {@code session}, run by the current thread. */
    void begin(KieSession session) {
      synchronized (this) {
        this.thread = Thread.currentThread();
        this.session = session;
      }
      RUNNING.add(this);
      BEGUN.incrementAndGet(); // then read asleep: the watchdog sets asleep, then reads BEGUN (see watch)
      if (asleep) LockSupport.unpark(WATCHER);
    }

    /**
     * Ends the watch; returns whether the deadline passed first (the evaluation's result is then
     * incomplete). After it returns, this run's thread is neither interrupted nor stopped any more.
     */
    boolean finish() {
      boolean late;
      synchronized (this) {
        done = true;
        late = expired;
      }
      RUNNING.remove(this);
      if (late) Thread.interrupted(); // the interrupt was the watchdog's: do not leave it to the caller
      return late;
    }

    synchronized boolean expired() {
      return expired;
    }

    /** Nanoseconds until the deadline and the grace period after it. */
    long remainingWithGrace() {
      return deadline + graceNanos(limitNanos) - System.nanoTime();
    }

    /** Whether this run is due at {@code now} (its deadline, or its grace period after it, has passed). */
    boolean dueAt(long now) {
      return now - due >= 0;
    }

    /** Called by the watchdog when this run is due; returns whether to keep watching it. */
    @SuppressWarnings({"deprecation", "removal"})
    private boolean due() {
      synchronized (this) {
        if (done) return false;
        if (expired) {
          if (stopped || workers) return false; // a worker that will not stop is abandoned by its caller
          stopped = true;
          try {
            thread.stop(); // the last resort: the consequence ignored the halt and the interrupt
          } catch (UnsupportedOperationException e) {
            // not on this JVM; evaluations run on workers there, and never get here
          }
          return false;
        }
        expired = true;
        session.halt(); // returns at once: it only marks the agenda halting
        thread.interrupt();
        due = deadline + graceNanos(limitNanos);
        return true;
      }
    }
  }

  private static void watch() {
    long seen = BEGUN.get();
    long quietSince = System.nanoTime();
    while (true) {
      try {
        long now = System.nanoTime();
        long begun = BEGUN.get();
        if (begun != seen || !RUNNING.isEmpty()) {
          seen = begun;
          quietSince = now;
        } else if (now - quietSince > IDLE_NANOS) {
          asleep = true; // then read BEGUN: a begin that this read misses reads asleep after it, and wakes this thread
          if (BEGUN.get() == seen) LockSupport.park();
          asleep = false;
          quietSince = System.nanoTime();
          continue;
        }
        for (Run r : RUNNING) if (r.dueAt(now) && !r.due()) RUNNING.remove(r);
        LockSupport.parkNanos(TICK_NANOS);
      } catch (Throwable e) { // an OutOfMemoryError elsewhere, a session that fails to halt: the watch goes on
        // nothing to report from here; the evaluation concerned still ends at its deadline or by itself
      }
    }
  }

  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "kdpc-evaluation-" + Counter.N.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private static final class Counter {
    static final AtomicInteger N = new AtomicInteger();
  }

  /**
   * Runs {@code work} (which begins and finishes {@code run}) on a worker thread and waits for it until
   * the deadline and the grace period; returns null when the worker is abandoned there.
   */
  static <T> T onWorker(Run run, Callable<T> work) throws Exception {
    Future<T> f = POOL.submit(work);
    try {
      return f.get(Math.max(0, run.remainingWithGrace()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      return null;
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof Exception x) throw x;
      if (c instanceof Error x) throw x;
      throw e;
    } catch (InterruptedException e) {
      f.cancel(true);
      throw e;
    }
  }
}
