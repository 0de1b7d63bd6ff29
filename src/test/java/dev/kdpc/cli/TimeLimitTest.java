package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.report.Report;
import dev.kdpc.rules.TimeLimitException;
import dev.kdpc.rules.internal.Watchdog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A trusted rules folder can hold a rule whose consequence never ends ({@code while (true) {}} ignores
 * both the engine's halt and the thread's interrupt): the watchdog stops it at {@code --time-limit}
 * (or {@link Checker#withTimeLimit}), the run exits 5 and names the profile, the rule and its file, and
 * the other profiles of a folder are still evaluated. Asserts exit codes and messages, never times.
 */
class TimeLimitTest {
  @TempDir static Path tmp;
  static Path looping;
  static Path sleeping;
  static Path refiring;
  static Path company; // no service: the looping rule never fires for it
  static Path calm; // a service the looping rule lets through
  static String BUSY; // a service named "loop"
  /**
   * The limit of the command-line runs: each loads the rules into a fresh class loader, so its first
   * evaluation is cold (a second or so on a busy machine); the stopped rule must be the one reached.
   */
  static final String LIMIT = "3";

  static final Options OPTIONS = Options.inForce(LocalDate.of(2026, 6, 30));

  /** The bundled rules with TBA-22-7's consequence preceded by {@code body}. */
  static Path rulesWith(String name, String body) throws IOException {
    return rulesWith(tmp, name, body);
  }

  /** As {@link #rulesWith(String, String)}, in the folder {@code root}. */
  static Path rulesWith(Path root, String name, String body) throws IOException {
    return TestSupport.rulesWithTba227Prefixed(root.resolve(name), body);
  }

  @BeforeAll
  static void rules() throws IOException {
    looping = rulesWith("looping", "if ($s.getId().equals(\"loop\")) { while (true) { } }");
    sleeping = rulesWith("sleeping", "if ($s.getId().equals(\"loop\")) { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }");
    refiring = rulesWith("refiring", "if ($s.getId().equals(\"loop\")) { update($s); }");
    company = Files.writeString(tmp.resolve("company-only.yaml"), "kdpc: 1\ncompany: { name: Quiet Co, headquarters: KR }\n");
    String service = "kdpc: 1\ncompany: { name: NAME, headquarters: US }\nservices:\n  - { id: ID, category: video,"
        + " users: { daily_average_kr: 2_000_000 }, traffic_share_kr: 0.02 }\n";
    BUSY = Files.writeString(tmp.resolve("busy.yaml"), service.replace("NAME", "Busy Co").replace("ID", "loop")).toString();
    calm = Files.writeString(tmp.resolve("calm.yaml"), service.replace("NAME", "Calm Co").replace("ID", "calm"));
  }

  @AfterEach
  void callerThreads() {
    Watchdog.useWorkerThreads(false);
  }

  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  @Test
  void aLoopingConsequenceIsStoppedAndNamed() {
    Run r = run("check", "--rules", looping.toString(), "--trust-rules", "--time-limit", LIMIT, "--as-of", "2026-06-30", BUSY);
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.TIME_LIMIT.code);
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
        .isEqualTo(BUSY + ": error: evaluation stopped after " + LIMIT + " s in rule 'TBA-22-7' (tba-service-stability.drl:" + lineOf(looping, "rule \"TBA-22-7\"") + "); raise the time limit (--time-limit) or fix the rule");
  }

  @Test
  void inAFolderTheOtherProfilesAreStillEvaluatedAndTheStoppedOneFails() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("folder"));
    Files.copy(Path.of(BUSY), dir.resolve("a-busy.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Files.copy(company, dir.resolve("b-quiet.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Run r = run("check", "--rules", looping.toString(), "--trust-rules", "--time-limit", LIMIT, "--as-of", "2026-06-30",
        "--format", "json", "--fail-on", "none", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.TIME_LIMIT.code);
    assertThat(r.err()).contains("a-busy.yaml: error: evaluation stopped after " + LIMIT + " s in rule 'TBA-22-7'").doesNotContain("b-quiet");
    var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(r.out());
    var profiles = json.path("profiles");
    assertThat(profiles).hasSize(2);
    assertThat(profiles.get(0).toString()).contains("evaluation stopped after " + LIMIT + " s");
    assertThat(profiles.get(1).path("company").asText()).isEqualTo("Quiet Co");
    assertThat(profiles.get(1).path("findings").size()).isPositive();
  }

  @Test
  void explainAndComparisonsStopToo() {
    Run explain = run("explain", "TBA-22-7", "--profile", BUSY, "--rules", looping.toString(), "--trust-rules", "--time-limit", LIMIT,
        "--as-of", "2026-06-30");
    assertThat(explain.code()).as(explain.err()).isEqualTo(ExitCode.TIME_LIMIT.code);
    assertThat(explain.err()).contains("evaluation stopped after " + LIMIT + " s in rule 'TBA-22-7'");
    Run compare = run("check", "--compare-scenarios", "--rules", looping.toString(), "--trust-rules", "--time-limit", LIMIT,
        "--as-of", "2026-06-30", BUSY, company.toString());
    assertThat(compare.code()).as(compare.err()).isEqualTo(ExitCode.TIME_LIMIT.code);
    assertThat(compare.err()).contains("evaluation stopped after " + LIMIT + " s in rule 'TBA-22-7'");
    assertThat(compare.out()).contains("Quiet Co");
  }

  /** The library: the caller's thread comes back with the error, neither interrupted nor dead, and the checker still works. */
  @ParameterizedTest(name = "worker threads: {0}")
  @ValueSource(booleans = {false, true})
  void theLibraryThrowsAndTheCheckerStillWorks(boolean workers) {
    Watchdog.useWorkerThreads(workers);
    Checker checker = Checker.withTrustedRules(looping).withTimeLimit(Duration.ofMillis(300));
    warm(checker);
    Profile busy = TestSupport.reader().read(Path.of(BUSY));
    assertThatThrownBy(() -> checker.check(busy, OPTIONS))
        .isInstanceOf(TimeLimitException.class)
        .hasMessageStartingWith(BUSY + ": evaluation stopped after 0.3 s in rule 'TBA-22-7' (tba-service-stability.drl:")
        .satisfies(e -> assertThat(((TimeLimitException) e).rule()).isEqualTo("TBA-22-7"));
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
    // A new session replaces the one dropped (made at a cost the warm-up did not pay): a generous limit here.
    Report after = checker.withTimeLimit(Duration.ofSeconds(60)).check(TestSupport.reader().read(calm), OPTIONS);
    Report expected = TestSupport.checker().check(TestSupport.reader().read(calm), OPTIONS);
    assertThat(after.findings()).isEqualTo(expected.findings());
  }

  /**
   * The watchdog sleeps once nothing has been evaluated for a while ({@link Watchdog#IDLE_NANOS}); the next
   * evaluation wakes it, so a looping rule is still stopped at its limit.
   */
  @Test
  @org.junit.jupiter.api.Timeout(value = 60, threadMode = org.junit.jupiter.api.Timeout.ThreadMode.SEPARATE_THREAD)
  void anEvaluationAfterAQuietSpellIsStillStopped() throws InterruptedException {
    Checker checker = Checker.withTrustedRules(looping).withTimeLimit(Duration.ofMillis(300));
    warm(checker);
    Thread.sleep(java.util.concurrent.TimeUnit.NANOSECONDS.toMillis(Watchdog.IDLE_NANOS) * 3 / 2 + 200);
    Profile busy = TestSupport.reader().read(Path.of(BUSY));
    assertThatThrownBy(() -> checker.check(busy, OPTIONS))
        .isInstanceOf(TimeLimitException.class)
        .hasMessageStartingWith(BUSY + ": evaluation stopped after 0.3 s in rule 'TBA-22-7'");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  /** Evaluates the calm profile under a generous limit first: what runs under 0.3 s then is the rules, not the JVM warming up. */
  private static void warm(Checker checker) {
    checker.withTimeLimit(Duration.ofSeconds(60)).check(TestSupport.reader().read(calm), OPTIONS);
  }

  /** A rule that fires again and again (not one consequence that never ends) meets the firings limit, which names it. */
  @Test
  void aRuleThatFiresForeverIsNamed() {
    Checker checker = Checker.withTrustedRules(refiring).withTimeLimit(Duration.ofSeconds(600));
    assertThatThrownBy(() -> checker.check(TestSupport.reader().read(Path.of(BUSY)), OPTIONS))
        .isInstanceOf(dev.kdpc.rules.RulesException.class)
        .hasMessageContaining("tba-service-stability.drl:")
        .hasMessageContaining("rule 'TBA-22-7' fires again and again")
        .hasMessageContaining("evaluation of " + BUSY + " stopped after 100000 rule firings");
  }

  @Test
  void aWaitingConsequenceIsInterrupted() {
    Checker checker = Checker.withTrustedRules(sleeping).withTimeLimit(Duration.ofMillis(300));
    warm(checker);
    assertThatThrownBy(() -> checker.check(TestSupport.reader().read(Path.of(BUSY)), OPTIONS))
        .isInstanceOf(TimeLimitException.class)
        .hasMessageContaining("in rule 'TBA-22-7'");
    assertThat(Thread.currentThread().isInterrupted()).isFalse();
  }

  @ParameterizedTest(name = "--time-limit {0}")
  @ValueSource(strings = {"0", "-1", "NaN", "3601", "1e9", "five", "0.0001", "Infinity", ""})
  void aTimeLimitOutOfRangeIsAUsageError(String limit) {
    Run r = run("check", "--time-limit", limit, calm.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).startsWith("kdpc: error: --time-limit").doesNotContain("\tat ");
    assertThat(r.out()).isEmpty();
  }

  @Test
  void theLibraryRefusesAnUnusableLimit() {
    Checker c = TestSupport.checker();
    assertThatThrownBy(() -> c.withTimeLimit(Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withTimeLimit(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.withTimeLimit(Duration.ofHours(2))).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.timeLimit()).isEqualTo(Checker.DEFAULT_TIME_LIMIT);
    assertThat(c.withTimeLimit(Duration.ofMillis(1500)).timeLimit()).isEqualTo(Duration.ofMillis(1500));
  }

  private static int lineOf(Path rules, String text) {
    try {
      var lines = Files.readAllLines(rules.resolve("tba-service-stability.drl"), StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) if (lines.get(i).startsWith(text)) return i + 1;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    throw new AssertionError(text + " not found");
  }
}
