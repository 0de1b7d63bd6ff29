package dev.kdpc.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

/**
 * Two builds of kdpc in one JVM, each in its own class loader, evaluating the same profiles in turn: a
 * batch of one, then a batch of the other (the order swapped each round), each batch timed by the
 * thread's CPU time. Noise that comes and goes (another process, the machine's clock, the collector)
 * falls on both alike, so the median of the per-round ratios resolves differences of a few percent
 * that separate JMH runs, each ±5% from run to run, do not. Used for issue 13's rounds; see README.md.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar dev.kdpc.bench.SameJvmComparison \
 *     A.jar[=RULES_DIR] B.jar[=RULES_DIR] SAMPLES_DIR SCENARIO SECONDS
 * </pre>
 *
 * A jar without {@code =RULES_DIR} evaluates its bundled rules. SCENARIO: {@code with-proposals} or
 * {@code in-force}; the date is 2026-06-30, as in {@code EvaluateBenchmark}. Prints each build's median
 * CPU time per profile and the median ratio B/A with its quartiles.
 */
public final class SameJvmComparison {
  private static final int PASSES = 20; // passes over the profiles per batch
  private static final long WARM_UP_NANOS = 8_000_000_000L;

  private SameJvmComparison() {}

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: SameJvmComparison A.jar[=RULES_DIR] B.jar[=RULES_DIR] SAMPLES_DIR SCENARIO SECONDS");
      System.exit(2);
    }
    long seconds;
    try {
      seconds = Long.parseLong(args[4]);
    } catch (NumberFormatException e) {
      seconds = -1;
    }
    if (seconds < 1 || seconds > 86_400) {
      System.err.println("SameJvmComparison: SECONDS is a whole number from 1 to 86400, not '" + args[4] + "'");
      System.exit(2);
    }
    for (String jar : new String[] {args[0], args[1]}) {
      Path p = Path.of(jar.contains("=") ? jar.substring(0, jar.indexOf('=')) : jar);
      if (!Files.isRegularFile(p)) {
        System.err.println("SameJvmComparison: " + p + " is not a kdpc jar file");
        System.exit(2);
      }
    }
    Build a = new Build(args[0], Path.of(args[2]), args[3]);
    Build b = new Build(args[1], Path.of(args[2]), args[3]);
    long end = System.nanoTime() + WARM_UP_NANOS;
    while (System.nanoTime() < end) {
      a.batch();
      b.batch();
    }
    List<Double> ta = new ArrayList<>();
    List<Double> tb = new ArrayList<>();
    List<Double> ratio = new ArrayList<>();
    double per = a.profiles.size() * (double) PASSES * 1000.0; // ns per batch -> µs per profile
    boolean bFirst = false;
    end = System.nanoTime() + seconds * 1_000_000_000L;
    while (System.nanoTime() < end) {
      double x;
      double y;
      if (bFirst) {
        y = b.batch() / per;
        x = a.batch() / per;
      } else {
        x = a.batch() / per;
        y = b.batch() / per;
      }
      bFirst = !bFirst;
      ta.add(x);
      tb.add(y);
      ratio.add(y / x);
    }
    Collections.sort(ta);
    Collections.sort(tb);
    Collections.sort(ratio);
    int n = ratio.size();
    System.out.printf(java.util.Locale.ROOT, "A %s: %.2f us | B %s: %.2f us | B/A median %.3f (quartiles %.3f-%.3f), %d rounds%n",
        a.name, ta.get(n / 2), b.name, tb.get(n / 2), ratio.get(n / 2), ratio.get(n / 4), ratio.get(3 * n / 4), n);
  }

  /** One build: its class loader, checker, options and profiles, all through reflection. */
  private static final class Build {
    final String name;
    final ClassLoader loader;
    final Object checker;
    final Object options;
    final Method evaluate;
    final List<Object> profiles = new ArrayList<>();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

    Build(String spec, Path samples, String scenario) throws Exception {
      int eq = spec.indexOf('=');
      Path jar = Path.of(eq < 0 ? spec : spec.substring(0, eq));
      Path rules = eq < 0 ? null : Path.of(spec.substring(eq + 1));
      name = spec;
      loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
      Thread.currentThread().setContextClassLoader(loader);
      Class<?> checkerClass = loader.loadClass("dev.kdpc.Checker");
      checker = rules == null
          ? checkerClass.getMethod("withBundledRules").invoke(null)
          : checkerClass.getMethod("withRules", Path.class).invoke(null, rules);
      Class<?> scenarioClass = loader.loadClass("dev.kdpc.Scenario");
      Object s = scenarioClass.getMethod("parse", String.class).invoke(null, scenario);
      Class<?> optionsClass = loader.loadClass("dev.kdpc.Options");
      options = optionsClass.getConstructor(LocalDate.class, scenarioClass, List.class).newInstance(LocalDate.of(2026, 6, 30), s, List.of());
      Class<?> readerClass = loader.loadClass("dev.kdpc.profile.ProfileReader");
      Object reader = readerClass.getConstructor().newInstance();
      Method read = readerClass.getMethod("read", Path.class);
      List<Path> files;
      try (Stream<Path> list = Files.list(samples)) {
        files = list.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
      }
      for (Path f : files) profiles.add(read.invoke(reader, f));
      evaluate = checkerClass.getMethod("evaluate", loader.loadClass("dev.kdpc.profile.Profile"), optionsClass);
    }

    /** CPU nanoseconds of {@link #PASSES} passes over the profiles. */
    long batch() throws Exception {
      Thread.currentThread().setContextClassLoader(loader);
      long t0 = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < PASSES; i++) for (Object p : profiles) evaluate.invoke(checker, p, options);
      return threads.getCurrentThreadCpuTime() - t0;
    }
  }
}
