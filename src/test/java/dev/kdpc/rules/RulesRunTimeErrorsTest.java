package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What rules can still do wrong at run time, and how it is reported: a NaN line in a trusted folder
 * (the grammar refuses the literal) and a rule that loops (the grammar cannot see that), each a rules
 * error naming the rule and its file.
 */
class RulesRunTimeErrorsTest {
  static final String HEAD = """
      package kdpc.rules.test_regime;
      import dev.kdpc.rules.Assessment;
      import dev.kdpc.rules.ServiceFact;

      rule "REGIME test-regime"
        @kind("regime") @regime("test-regime") @title("Test regime") @law("Test Act") @law_ko("시험법")
        @source("https://example.org/test-act") @timeline("2020-01-01 in_force")
      when
      then
      end

      """;
  static final String PROFILE = TestSupport.root().resolve("samples/portal-search.yaml").toString();

  @TempDir Path tmp;

  static String rule(String id, String when, String then) {
    return "rule \"" + id + "\"\n  @id(\"" + id + "\") @regime(\"test-regime\") @kind(\"designation\") @designation(\"criteria\") @title(\"T\") @article(\"Art. 1\")\nwhen\n"
        + when + "\nthen\n" + then + "\nend\n";
  }

  @Test
  void aNanLineIsRefusedByTheGrammarAndWithTrustRulesIsARulesErrorNamingRuleAndFile() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("nan"));
    Files.writeString(dir.resolve("nan.drl"), HEAD + rule("NAN-1", "  $s : ServiceFact()",
        "  insert(Assessment.designation(kcontext, $s).atLeast(\"market.share\", Double.NaN));"), StandardCharsets.UTF_8);

    ReviewSupport.Run checked = ReviewSupport.cli("check", "--format", "json", "--rules", dir.toString(), PROFILE);
    assertThat(checked.code()).isEqualTo(2);
    assertThat(checked.out()).isEmpty();
    assertThat(checked.err()).contains("nan.drl:17: rule 'NAN-1': 'Double.NaN' is not accepted");

    ReviewSupport.Run trusted = ReviewSupport.cli("check", "--format", "json", "--as-of", "2026-06-30", "--rules", dir.toString(), "--trust-rules", PROFILE);
    assertThat(trusted.code()).as(trusted.err()).isEqualTo(2);
    assertThat(trusted.out()).as("nothing, not a truncated report").isEmpty();
    assertThat(trusted.err().strip()).doesNotContain("\n").doesNotContain("\tat ")
        .contains("nan.drl:12: rule 'NAN-1' failed on ").contains("the line for 'market.share' is NaN: a rule's line must be a finite number");
  }

  @Test
  void otherReadingAndSanctionOnlyForRefuseWhatTheyCannotMean() throws IOException {
    Map<String, String> cases = Map.of(
        "otherReading(\"x\", \"add-then-deny\")", "otherReading follows the topFirms test it reads otherwise",
        "topFirms(3, 0.1, 0, 0.75).otherReading(\"x\", \"sideways\")", "the readings are add-then-deny and exclude-first",
        "isTrue(\"stability.measures_in_place\").sanctionFlat(1L, \"x\").sanctionOnlyFor(\"stability.user_request_handling\")",
        "which the rule does not test before it");
    for (Map.Entry<String, String> c : cases.entrySet()) {
      Path dir = Files.createDirectories(tmp.resolve("b" + Math.abs(c.getKey().hashCode())));
      Files.writeString(dir.resolve("b.drl"), HEAD + rule("B-1", "  $s : ServiceFact()",
          "  insert(Assessment.designation(kcontext, $s)." + c.getKey() + ");"), StandardCharsets.UTF_8);
      ReviewSupport.Run run = ReviewSupport.cli("check", "--format", "json", "--as-of", "2026-06-30", "--rules", dir.toString(), PROFILE);
      assertThat(run.code()).as(c.getKey() + ": " + run.err()).isEqualTo(2);
      assertThat(run.err()).as(c.getKey()).contains("rule 'B-1'").contains(c.getValue());
    }
  }

  @Test
  void nonFiniteLinesAreRefusedByEveryBuilderMethodThatTakesOne() {
    List<String> calls = new ArrayList<>();
    for (String lit : List.of("Double.NaN", "Double.POSITIVE_INFINITY", "Double.NEGATIVE_INFINITY")) {
      for (String m : List.of("atLeast", "atMost", "below", "above", "onlyIfAtLeast", "onlyIfAbove", "onlyIfBelow", "equalTo", "onlyIf")) {
        calls.add(m + "(\"market.share\", " + lit + ")");
      }
      calls.add("topFirms(3, " + lit + ", 0, 0.5)");
      calls.add("topFirms(3, 0.1, 0, " + lit + ")");
      calls.add("sanctionRate(" + lit + ", \"revenue_krw.korea\", \"x\")");
    }
    // One trusted checker (a compile costs a second); rule k fires only for a service with id sk.
    StringBuilder drl = new StringBuilder(HEAD);
    for (int k = 0; k < calls.size(); k++) {
      drl.append(rule("BAD-" + k, "  $s : ServiceFact(id == \"s" + k + "\")", "  insert(Assessment.designation(kcontext, $s)." + calls.get(k) + ");"));
    }
    Checker c = Checker.withTrustedRules(new RuleSource("t", Map.of("t.drl", drl.toString())));
    for (int k = 0; k < calls.size(); k++) {
      String profile = "kdpc: 1\ncompany: { name: X }\nservices:\n  - { id: s" + k + ", category: search }\n";
      int id = k;
      assertThatThrownBy(() -> c.check(TestSupport.profile("p.yaml", profile), Options.inForce(LocalDate.of(2026, 6, 30))))
          .as(calls.get(k)).isInstanceOf(RulesException.class).hasMessageContaining("t.drl:")
          .hasMessageContaining(": rule 'BAD-" + id + "' failed on p.yaml").hasMessageContaining("a rule's line must be a finite number");
    }
  }

  @Test
  void aRuleThatLoopsIsNamedWithItsFile() {
    // Accepted by the grammar: each Assessment it inserts matches its own condition again.
    RuleSource loops = new RuleSource("t", Map.of("loop.drl", HEAD
        + rule("LOOP-0", "  $s : ServiceFact()", "  insert(Assessment.designation(kcontext, $s).atLeast(\"market.share\", 0.5));")
        + rule("LOOP-1", "  $s : ServiceFact()\n  $d : Assessment()", "  insert(Assessment.designation(kcontext, $s).atLeast(\"market.share\", 0.5));")));
    assertThat(RuleGrammar.check(loops)).isEmpty();
    Checker c = Checker.withRules(loops);
    assertThatThrownBy(() -> c.check(TestSupport.profile("p.yaml", "kdpc: 1\ncompany: { name: X }\nservices:\n  - { id: s, category: search }\n"),
        Options.inForce(LocalDate.of(2026, 6, 30))))
        .isInstanceOf(RulesException.class)
        .hasMessageStartingWith("the rules in loop.drl cannot be used (1 problem): loop.drl:19: rule 'LOOP-1' fires again and again (1000 of the next 1000 firings): evaluation of p.yaml stopped after 100000 rule firings");
  }
}
