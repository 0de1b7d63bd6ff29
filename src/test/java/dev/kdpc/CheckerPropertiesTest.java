package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.cli.Main;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.render.JsonRenderer;
import dev.kdpc.render.TextRenderer;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Properties of the checker over random valid profiles made by the project's own generator
 * ({@link ProfileGen}, driven by a {@link Random}). Each property runs a fixed number of tries, each try
 * from its own seed; the seeds are fixed, so every run checks the same profiles, and a failure names
 * its seed. Replay one seed with {@code -Dkdpc.seed=N} (e.g. {@code mvn -o test
 * -Dtest=CheckerPropertiesTest -Dkdpc.seed=N}). Case counts are kept small so that the suite stays fast
 * on two cores.
 */
class CheckerPropertiesTest {
  static final List<LocalDate> DATES = List.of(LocalDate.of(2020, 6, 30), LocalDate.of(2024, 2, 6), LocalDate.of(2026, 6, 30));
  static final ExecutorService OTHER_THREADS = Executors.newFixedThreadPool(3);

  /** The first seed of every property; each property draws its tries' seeds from it and its own name. */
  static final long BASE_SEED = 20_260_630L;

  /** A single seed to replay, from {@code -Dkdpc.seed}, or null to run every try. */
  static final Long REPLAY = Long.getLong("kdpc.seed");

  @AfterAll
  static void stopThreads() {
    OTHER_THREADS.shutdownNow();
  }

  /** One try of a property, from its seed. */
  interface Try {
    void run(long seed) throws Exception;
  }

  /**
   * Runs {@code property} for {@code tries} seeds (or only the {@code kdpc.seed} one); a failure is
   * rethrown with the property, the seed and how to replay it.
   */
  static void forEachSeed(String property, int tries, Try body) {
    SplittableRandom seeds = new SplittableRandom(BASE_SEED ^ property.hashCode());
    for (int i = 0; i < tries; i++) {
      long seed = REPLAY != null ? REPLAY : seeds.nextLong();
      try {
        body.run(seed);
      } catch (Exception | AssertionError e) {
        throw new AssertionError(property + " failed at try " + (i + 1) + " of " + tries + ", seed " + seed
            + " (replay: -Dkdpc.seed=" + seed + "): " + e.getMessage(), e);
      }
      if (REPLAY != null) break;
    }
  }

  static Profile read(String yaml) {
    try {
      return TestSupport.profile("random.yaml", yaml);
    } catch (ProfileException e) {
      throw new AssertionError("the reader refused a valid generated profile: " + e.getMessage() + "\n" + yaml, e);
    }
  }

  static String json(Report r) {
    StringWriter w = new StringWriter();
    try {
      new JsonRenderer().render(r, w);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return w.toString();
  }

  /**
   * Every finding names a rule of the catalogue and a service of the profile, and renders as JSON and
   * text, on three dates and both scenarios. The tries together must reach both profiles with some
   * designation and profiles with none (else the generator no longer reaches the legal lines).
   */
  @Test
  void randomValidProfilesNeverCrashTheChecker() {
    int[] withDesignations = new int[2]; // [0]: profiles with none, [1]: with some
    forEachSeed("randomValidProfilesNeverCrashTheChecker", 200, seed -> {
      String yaml = ProfileGen.yaml(new Random(seed));
      Profile p = read(yaml);
      Set<String> services = p.services().stream().map(s -> s.id()).collect(Collectors.toSet());
      int designated = 0;
      for (LocalDate date : DATES) {
        for (Options o : List.of(Options.inForce(date), Options.withProposals(date))) {
          Report r = TestSupport.checker().check(p, o);
          for (Finding f : r.findings()) {
            assertThat(TestSupport.checker().catalogue().rule(f.rule())).as(f.rule()).isPresent();
            assertThat(f.service() == null || services.contains(f.service())).as(f.service()).isTrue();
            if (f.outcome().designationMet()) designated++;
          }
          assertThat(json(r)).startsWith("{");
          new TextRenderer().render(r, new StringWriter());
        }
      }
      withDesignations[designated == 0 ? 0 : 1]++;
    });
    if (REPLAY == null) {
      assertThat(withDesignations[0]).as("profiles without a designation among the 200 tries").isPositive();
      assertThat(withDesignations[1]).as("profiles with a designation among the 200 tries").isPositive();
    }
  }

  @Test
  void sameInputGivesByteIdenticalJsonAcrossRunsAndThreads() {
    Options o = Options.withProposals(LocalDate.of(2026, 6, 30));
    forEachSeed("sameInputGivesByteIdenticalJsonAcrossRunsAndThreads", 100, seed -> {
      String yaml = ProfileGen.yaml(new Random(seed));
      String first = json(TestSupport.checker().check(read(yaml), o));
      String again = json(TestSupport.checker().check(read(yaml), o));
      String elsewhere = OTHER_THREADS.submit(() -> json(TestSupport.checker().check(read(yaml), o))).get();
      assertThat(again).isEqualTo(first);
      assertThat(elsewhere).isEqualTo(first);
    });
  }

  /** Paths of a service (relative to it) whose legal tests are lines a firm must reach. */
  static final List<List<String>> RAISABLE = List.of(
      List.of("market", "share"), List.of("traffic_share_kr"), List.of("users", "monthly_active_kr"),
      List.of("users", "daily_average_kr"), List.of("users", "business_users_kr"));

  /**
   * Raising a share or a user count never removes a designation whose tests are all "at least": the
   * law is monotone there, and so must kdpc be.
   */
  @Test
  void raisingAShareOrAUserCountNeverRemovesAnAtLeastDesignation() {
    int[] kept = new int[1];
    forEachSeed("raisingAShareOrAUserCountNeverRemovesAnAtLeastDesignation", 300, seed -> kept[0] += raiseAndCompare(seed));
    if (REPLAY == null) {
      assertThat(kept[0]).as("at-least designations checked over the 300 tries (none: the property tested nothing)").isPositive();
    }
  }

  /** One try: raises one share or count of a random profile; returns how many designations it checked. */
  @SuppressWarnings("unchecked")
  static int raiseAndCompare(long seed) {
    Random r = new Random(seed);
    Map<String, Object> tree = ProfileGen.tree(r);
    List<Object> services = (List<Object>) tree.get("services");
    Map<String, Object> service = (Map<String, Object>) services.get(r.nextInt(services.size()));
    List<String> path = RAISABLE.get(r.nextInt(RAISABLE.size()));
    Map<String, Object> parent = service;
    for (int i = 0; i < path.size() - 1; i++) {
      parent = (Map<String, Object>) parent.computeIfAbsent(path.get(i), k -> new java.util.LinkedHashMap<String, Object>());
    }
    String key = path.get(path.size() - 1);
    boolean stated = parent.get(key) != null;
    if (!stated) {
      // State it first (the same in both profiles), so that every try compares two values.
      long base = (long) Math.pow(10, 3 + r.nextInt(6));
      if (path.get(0).equals("users")) parent.put(key, base * (1 + r.nextInt(9)));
      else parent.put(key, Math.round(r.nextDouble() * 1000) / 1000.0);
    }
    String before = ProfileGen.write(tree);
    Object old = parent.get(key);
    double u = r.nextDouble();
    if (path.get(0).equals("users")) {
      long v = ((Number) old).longValue();
      parent.put(key, v + (long) Math.ceil(v * u) + r.nextInt(1000));
    } else {
      double v = old instanceof String s ? Double.parseDouble(s.replace("%", "")) / 100 : ((Number) old).doubleValue();
      parent.put(key, Math.min(1.0, v + (1 - v) * u));
    }
    String after = ProfileGen.write(tree);

    Options o = Options.withProposals(LocalDate.of(2026, 6, 30));
    Report was = TestSupport.checker().check(read(before), o);
    Report now = TestSupport.checker().check(read(after), o);
    int checked = 0;
    for (Finding f : was.findings()) {
      if (f.kind() != Kind.DESIGNATION || !f.outcome().designationMet()) continue;
      if (!f.because().stream().map(dev.kdpc.report.Test::op).allMatch(op -> op.equals(">=") || op.equals(">"))) continue;
      checked++;
      Finding still = now.findings().stream()
          .filter(g -> g.rule().equals(f.rule()) && java.util.Objects.equals(g.service(), f.service())).findFirst().orElse(null);
      assertThat(still).as(f.rule() + " disappeared after raising " + path + "\nbefore:\n" + before + "\nafter:\n" + after).isNotNull();
      assertThat(still.outcome()).as(f.rule() + " after raising " + path + "\nbefore:\n" + before + "\nafter:\n" + after)
          .isEqualTo(f.outcome());
    }
    return checked;
  }

  /**
   * A directory of profiles that 'validate' accepts never makes 'check' exit 2 (one rules compile per
   * try, so three tries, each a test of its own with its seed in its name).
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7_331_870_501L, -2_941_067_115_873_004_113L, 20_260_630L})
  void profilesValidateAcceptsNeverGiveExitTwoInCheck(long seed) throws IOException {
    Random r = new Random(REPLAY != null ? REPLAY : seed);
    Path dir = Files.createTempDirectory("kdpc-agree");
    try {
      for (int i = 0; i < 20; i++) Files.writeString(dir.resolve("p" + i + ".yaml"), ProfileGen.yaml(r), StandardCharsets.UTF_8);
      StringWriter out = new StringWriter();
      StringWriter err = new StringWriter();
      int validate = Main.run(new String[] {"validate", dir.toString()}, new PrintWriter(out), new PrintWriter(err));
      assertThat(validate).as("seed " + seed + ": " + err).isEqualTo(0);
      for (String scenario : List.of("in-force", "with-proposals")) {
        StringWriter cerr = new StringWriter();
        int check = Main.run(new String[] {"check", "--as-of", "2026-06-30", "--scenario", scenario, "--fail-on", "unmet", dir.toString()},
            new PrintWriter(new StringWriter()), new PrintWriter(cerr));
        assertThat(check).as("seed " + seed + ", " + scenario + ": " + cerr).isIn(0, 1);
      }
    } finally {
      try (var s = Files.list(dir)) {
        for (Path p : new ArrayList<>(s.toList())) Files.delete(p);
      }
      Files.delete(dir);
    }
  }
}
