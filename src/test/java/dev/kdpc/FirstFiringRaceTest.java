package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.profile.Profile;
import dev.kdpc.render.JsonRenderer;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Threads that fire the rules of a new {@link Checker} for the first time all at once get the same
 * reports as one thread. drools-mvel generates a rule's consequence class on its first firing, without
 * a lock, so two threads doing it at once made one of them fail with "LinkageError: attempted duplicate
 * class definition" (seen in folder runs and the concurrency tests under load); the engine now evaluates
 * that profile again. Each round takes a new checker (new KieBases, nothing generated yet) and starts
 * every thread on the same barrier, so the first firings of every rule coincide.
 */
class FirstFiringRaceTest {
  static final int THREADS = 8;
  static final int ROUNDS = 6;

  @Test
  void threadsFiringNewRulesTogetherGetTheSequentialReports() throws Exception {
    List<Profile> samples = new ArrayList<>();
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) samples.add(TestSupport.profile(p.getFileName().toString(), Files.readString(p)));
    }
    Options options = Options.withProposals(LocalDate.of(2026, 12, 1));
    List<String> expected = new ArrayList<>();
    Checker reference = Checker.withBundledRules();
    for (Profile p : samples) expected.add(render(reference, p, options));

    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < ROUNDS; round++) {
        Checker fresh = Checker.withBundledRules();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<List<String>>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          done.add(pool.submit(() -> {
            start.await();
            List<String> out = new ArrayList<>();
            for (Profile p : samples) out.add(render(fresh, p, options));
            return out;
          }));
        }
        for (Future<List<String>> f : done) assertThat(f.get()).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  /**
   * Past the warm-up (each new KieBase's first evaluations take turns), a rule that first fires in two
   * threads at once is the rare case: random profiles, shared by 8 threads from a queue on new checkers,
   * reach rules the first profiles did not, and must still give the reports one thread gives.
   */
  @Test
  void randomProfilesOnNewCheckersGiveTheSequentialReports() throws Exception {
    java.util.Random r = new java.util.Random(20261202L);
    List<Profile> profiles = new ArrayList<>();
    for (int i = 0; i < 400; i++) profiles.add(TestSupport.profile("r" + i + ".yaml", ProfileGen.yaml(r)));
    Options options = Options.withProposals(LocalDate.of(2026, 12, 1));
    Checker reference = Checker.withBundledRules();
    List<String> expected = new ArrayList<>();
    for (Profile p : profiles) expected.add(render(reference, p, options));
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      for (int round = 0; round < 3; round++) {
        Checker fresh = Checker.withBundledRules();
        String[] got = new String[profiles.size()];
        java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          done.add(pool.submit(() -> {
            start.await();
            for (int i; (i = next.getAndIncrement()) < got.length; ) got[i] = render(fresh, profiles.get(i), options);
            return null;
          }));
        }
        for (Future<?> f : done) f.get();
        assertThat(List.of(got)).containsExactlyElementsOf(expected);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static String render(Checker checker, Profile p, Options o) throws Exception {
    StringWriter w = new StringWriter();
    new JsonRenderer().render(checker.report(o, List.of(checker.evaluate(p, o))), w);
    return w.toString();
  }
}
