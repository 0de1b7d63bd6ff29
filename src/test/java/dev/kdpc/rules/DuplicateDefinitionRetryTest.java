package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.TestSupport;
import dev.kdpc.report.ProfileReport;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The safety net for Drools' race (see {@code CompiledRules.Selected#WARM_UP_EVALUATIONS}): where a
 * rule's consequence class was defined twice, the JVM throws a {@link LinkageError} naming a "duplicate
 * class definition" and that KieBase keeps failing on the rule; {@code Checker} drops the KieBase and
 * evaluates again on a new one, four attempts in all. The race itself cannot be brought about on demand,
 * so a trusted rule's consequence throws the JVM's error for it, as many times as a test says.
 */
public class DuplicateDefinitionRetryTest {
  /** How many more times {@link #trip} throws; what it throws. */
  static final AtomicInteger LEFT = new AtomicInteger();
  static final AtomicInteger CALLS = new AtomicInteger();
  static volatile String message;

  /** Called by the rule's consequence below, before it inserts its finding. */
  public static void trip() {
    CALLS.incrementAndGet();
    if (LEFT.getAndDecrement() > 0) throw new LinkageError(message);
  }

  static final String DUPLICATE = "loader 'app' attempted duplicate class definition for "
      + "kdpc.rules.test_regime.Rule_TRIP_1DefaultConsequenceInvokerGenerated. (simulated)";

  static Checker checker;

  @BeforeAll
  static void compileOnce() {
    String drl = RulesRunTimeErrorsTest.HEAD + RulesRunTimeErrorsTest.rule("TRIP-1", "  $s : ServiceFact()",
        "  dev.kdpc.rules.DuplicateDefinitionRetryTest.trip();\n"
            + "  insert(Assessment.designation(kcontext, $s).atLeast(\"market.share\", 0.5));");
    checker = Checker.withTrustedRules(new RuleSource("t", Map.of("trip.drl", drl)));
  }

  private static ProfileReport check(int failures, String error) {
    LEFT.set(failures);
    CALLS.set(0);
    message = error;
    return checker.evaluate(TestSupport.profile("p.yaml", "kdpc: 1\ncompany: { name: X }\nservices:\n  - { id: s, category: search, market: { share: 0.6 } }\n"),
        Options.inForce(LocalDate.of(2026, 6, 30)));
  }

  @Test
  void aKieBaseThatFailsWithADuplicateClassIsDroppedAndTheProfileEvaluatedAgain() {
    ProfileReport r = check(3, DUPLICATE);
    assertThat(CALLS.get()).as("three failed attempts, then one that succeeds").isEqualTo(4);
    assertThat(r.findings()).singleElement().satisfies(f -> {
      assertThat(f.rule()).isEqualTo("TRIP-1");
      assertThat(f.outcome().designationMet()).isTrue();
    });
  }

  @Test
  void afterFourAttemptsTheErrorIsNotHidden() {
    assertThatThrownBy(() -> check(4, DUPLICATE)).isInstanceOf(LinkageError.class).hasMessageContaining("duplicate class definition");
    assertThat(CALLS.get()).isEqualTo(4);
  }

  @Test
  void anotherLinkageErrorIsNotTriedAgain() {
    assertThatThrownBy(() -> check(1, "some other linkage problem")).isInstanceOf(LinkageError.class).hasMessage("some other linkage problem");
    assertThat(CALLS.get()).isEqualTo(1);
  }
}
