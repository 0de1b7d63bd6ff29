package dev.kdpc.rules.internal;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.DelayQueue;
import java.util.concurrent.Delayed;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieSession;

/**
 * Stops evaluations that run past their time limit. One daemon thread for the whole JVM holds the
 * deadlines of the evaluations under way; an evaluation itself runs on its caller's thread, so the
 * warm path pays for a queue entry, not for a hand-over to another thread.
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

  private static final DelayQueue<Run> DEADLINES = new DelayQueue<>();
  private static final boolean CAN_STOP = Runtime.version().feature() < 20;
  private static volatile boolean workers = !CAN_STOP;

  static {
    Thread t = new Thread(Watchdog::watch, "kdpc-watchdog");
    t.setDaemon(true);
    t.start();
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
  static final class Run implements Delayed {
    final long limitNanos;
    private final long deadline;
    private volatile long due; // the deadline, then the deadline and the grace period (changed only while out of the queue)
    private Thread thread;
    private KieSession session;
    /** The rule whose consequence runs now (set by the session's agenda listener), or null. */
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
      DEADLINES.add(this); // never under this run's lock: the queue's lock is taken before runs' (getDelay)
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
      DEADLINES.remove(this);
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

    /** Called by the watchdog when this run is due. */
    @SuppressWarnings({"deprecation", "removal"})
    private void due() {
      synchronized (this) {
        if (done) return;
        if (expired) {
          if (stopped || workers) return; // a worker that will not stop is abandoned by its caller
          stopped = true;
          try {
            thread.stop(); // the last resort: the consequence ignored the halt and the interrupt
          } catch (UnsupportedOperationException e) {
            // not on this JVM; evaluations run on workers there, and never get here
          }
          return;
        }
        expired = true;
        session.halt(); // returns at once: it only marks the agenda halting
        thread.interrupt();
        due = deadline + graceNanos(limitNanos);
      }
      DEADLINES.add(this);
    }

    @Override
    public long getDelay(TimeUnit unit) {
      return unit.convert(due - System.nanoTime(), TimeUnit.NANOSECONDS);
    }

    @Override
    public int compareTo(Delayed o) {
      return Long.compare(getDelay(TimeUnit.NANOSECONDS), o.getDelay(TimeUnit.NANOSECONDS));
    }
  }

  private static void watch() {
    while (true) {
      try {
        DEADLINES.take().due();
      } catch (InterruptedException e) {
        // nobody interrupts this daemon; keep watching
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
