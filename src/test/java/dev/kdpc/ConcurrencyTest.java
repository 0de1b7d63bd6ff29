package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.profile.Profile;
import dev.kdpc.render.JsonRenderer;
import dev.kdpc.report.ProfileReport;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * One {@link Checker} shared by 8 threads over a few thousand profiles gives exactly the sequential
 * results. Each evaluation has a session of its own; the compiled rules are the only shared state.
 */
class ConcurrencyTest {
  static final int PROFILES = 2_000;
  static final int THREADS = 8;
  static final List<Options> OPTIONS = List.of(
      Options.inForce(LocalDate.of(2023, 6, 30)), Options.withProposals(LocalDate.of(2024, 2, 6)),
      Options.withProposals(LocalDate.of(2026, 6, 30)), Options.inForce(LocalDate.of(2026, 6, 30)));

  /** The report of one profile under its options, rendered: what must not depend on the thread. */
  private static String evaluate(Checker checker, Profile p, int i) {
    Options o = OPTIONS.get(i % OPTIONS.size());
    ProfileReport part = checker.evaluate(p, o);
    StringWriter w = new StringWriter();
    try {
      new JsonRenderer().render(checker.report(o, List.of(part)), w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  @Test
  void eightThreadsGiveExactlyTheSequentialResults() throws Exception {
    Random r = new Random(20261125L);
    List<Profile> profiles = new ArrayList<>();
    for (int i = 0; i < PROFILES; i++) profiles.add(TestSupport.profile("p" + i + ".yaml", ProfileGen.yaml(r)));
    Checker checker = TestSupport.checker();

    List<String> sequential = new ArrayList<>();
    for (int i = 0; i < PROFILES; i++) sequential.add(evaluate(checker, profiles.get(i), i));

    // Every thread takes profiles from one shuffled queue, so neighbours in the list run side by side.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < PROFILES; i++) order.add(i);
    Collections.shuffle(order, r);
    String[] parallel = new String[PROFILES];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(THREADS);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        done.add(pool.submit(() -> {
          int n = 0;
          for (int k; (k = next.getAndIncrement()) < PROFILES; n++) {
            int i = order.get(k);
            parallel[i] = evaluate(checker, profiles.get(i), i);
          }
          return n;
        }));
      }
      int total = 0;
      List<Integer> perThread = new ArrayList<>();
      for (Future<Integer> f : done) {
        int n = f.get();
        perThread.add(n);
        total += n;
      }
      assertThat(total).isEqualTo(PROFILES);
      System.out.println("ConcurrencyTest: " + PROFILES + " profiles, " + THREADS + " threads, evaluations per thread " + perThread);
    } finally {
      pool.shutdownNow();
    }
    int findings = 0;
    for (int i = 0; i < PROFILES; i++) {
      assertThat(parallel[i]).as("profile " + i).isEqualTo(sequential.get(i));
      findings += sequential.get(i).split("\"rule\" :", -1).length - 1;
    }
    assertThat(findings).as("the profiles exercise the rules").isGreaterThan(PROFILES);
    System.out.println("ConcurrencyTest: " + findings + " findings compared");
  }
}
