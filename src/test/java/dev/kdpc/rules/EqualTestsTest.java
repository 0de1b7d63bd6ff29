package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An enumeration evaluates equal tests once (the instances of one finding repeat their own tests), and
 * only equal ones: two tests of one fact that expect different values stay two tests.
 */
class EqualTestsTest {
  private static Checker checker;

  @BeforeAll
  static void compileOnce() {
    String rules = RulesRunTimeErrorsTest.HEAD
        + RulesRunTimeErrorsTest.rule("D-NEVER", "  $s : ServiceFact()",
            "  insert(Assessment.designation(kcontext, $s).onlyIf(\"company.korean_office\", false).equalTo(\"company.korean_office\", true));")
        + RulesRunTimeErrorsTest.rule("D-TWICE", "  $s : ServiceFact()",
            "  insert(Assessment.designation(kcontext, $s).onlyIf(\"company.korean_office\", false).equalTo(\"company.korean_office\", false)"
                + ".atLeast(\"users.monthly_active_kr\", 1000));");
    checker = Checker.withTrustedRules(new RuleSource("t", Map.of("equal.drl", rules)));
  }

  private static Finding finding(String rule, String service) {
    String yaml = "kdpc: 1\ncompany: { name: X }\nservices:\n  - { id: s, category: search" + service + " }\n";
    return checker.evaluate(TestSupport.profile("p.yaml", yaml), Options.inForce(LocalDate.of(2026, 6, 30))).findings().stream()
        .filter(f -> f.rule().equals(rule)).findFirst().orElseThrow();
  }

  @Test
  void twoTestsOfOneFactExpectingDifferentValuesAreNotOne() {
    // applies only without a Korean office, and requires one: no value of the fact meets both
    Finding f = finding("D-NEVER", "");
    assertThat(f.outcome()).isEqualTo(Outcome.NOT_MET);
    assertThat(f.missing()).isEmpty();
  }

  @Test
  void equalTestsOfOneFactAreOne() {
    Finding f = finding("D-TWICE", ", users: { monthly_active_kr: 2000 }");
    assertThat(f.outcome()).isEqualTo(Outcome.UNDETERMINED);
    assertThat(f.missing()).containsExactly("company.korean_office");
  }
}
