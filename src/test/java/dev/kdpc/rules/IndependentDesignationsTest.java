package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.render.JsonRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The shortcut for findings resting on designations apart from each other ({@code
 * Assessment#onIndependentDesignations}) in the shapes the bundled rules do not make, against going
 * through every completion ({@link Assessment#shortcuts} off): a prohibition and a duty, each resting
 * on either of two designations of disjoint facts (so merged from two instances), each with an "applies
 * only if" test of its own on a fact the profile may leave out that differs by instance (a consequence may
 * read the designation it rests on; the bundled rules' do not, so their instances apply alike: here the
 * duty's line differs, and only one of the prohibition's instances has the test), and the prohibition's
 * conduct stated present, absent or not at all. Every combination of those facts stated on either side of their lines or
 * left out is checked, so that which instances apply, and whether the finding's own facts can change the
 * outcome through them, both vary.
 */
class IndependentDesignationsTest {
  private static Checker checker;

  private static final String RULES = RulesRunTimeErrorsTest.HEAD
      + RulesRunTimeErrorsTest.rule("D-USERS", "  $s : ServiceFact()",
          "  insert(Assessment.designation(kcontext, $s).atLeast(\"users.monthly_active_kr\", 1000));")
      + RulesRunTimeErrorsTest.rule("D-REV", "  $s : ServiceFact()",
          "  insert(Assessment.designation(kcontext, $s).atLeast(\"revenue_krw.korea\", 1000));")
      + """
      rule "P-TYING"
        @id("P-TYING") @regime("test-regime") @kind("prohibition") @title("T") @article("Art. 2")
      when
        $s : ServiceFact()
        $d : Assessment(rule in ("D-USERS", "D-REV"), possiblyDesignated, serviceId == $s.id)
      then
        Assessment a = Assessment.prohibition(kcontext, $s).given($d);
        if ("D-USERS".equals($d.getRule())) a.onlyIfAtLeast("traffic_share_kr", 0.5);
        insert(a.conduct("conduct.tying"));
      end

      rule "O-REPORT"
        @id("O-REPORT") @regime("test-regime") @kind("obligation") @title("T") @article("Art. 3")
      when
        $s : ServiceFact()
        $d : Assessment(rule in ("D-USERS", "D-REV"), possiblyDesignated, serviceId == $s.id)
      then
        insert(Assessment.obligation(kcontext, $s).given($d).onlyIfAtLeast("traffic_share_kr", "D-USERS".equals($d.getRule()) ? 0.5 : 0.3).isTrue("company.domestic_agent.designated"));
      end
      """;

  @BeforeAll
  static void compileOnce() {
    checker = Checker.withTrustedRules(new RuleSource("t", Map.of("shapes.drl", RULES)));
  }

  private static String json(Profile p, boolean shortcuts) throws IOException {
    boolean before = Assessment.shortcuts;
    Assessment.shortcuts = shortcuts;
    try {
      StringWriter w = new StringWriter();
      new JsonRenderer().render(checker.check(p, Options.inForce(LocalDate.of(2026, 6, 30))), w);
      return w.toString();
    } finally {
      Assessment.shortcuts = before;
    }
  }

  @Test
  void everyShapeGivesWhatGoingThroughEveryCompletionGives() throws IOException {
    String[] users = {null, "999", "1000"};
    String[] revenue = {null, "999", "1000"};
    String[] traffic = {null, "0.2", "0.4", "0.5"};
    String[] tying = {null, "{ present: true }", "{ present: false }"};
    String[] agent = {null, "true", "false"};
    int undetermined = 0;
    int checked = 0;
    for (String u : users) for (String r : revenue) for (String t : traffic) for (String c : tying) for (String w : agent) {
      List<String> fields = new ArrayList<>();
      if (u != null) fields.add("users: { monthly_active_kr: " + u + " }");
      if (r != null) fields.add("revenue_krw: { korea: " + r + " }");
      if (t != null) fields.add("traffic_share_kr: " + t);
      if (c != null) fields.add("conduct: { tying: " + c + " }");
      String company = w == null ? "{ name: X }" : "{ name: X, domestic_agent: { designated: " + w + " } }";
      String yaml = "kdpc: 1\ncompany: " + company + "\nservices:\n  - { id: s, category: search"
          + (fields.isEmpty() ? "" : ", " + String.join(", ", fields)) + " }\n";
      Profile p = TestSupport.profile("shape.yaml", yaml);
      String with = json(p, true);
      assertThat(with).as(yaml).isEqualTo(json(p, false));
      if (with.contains("\"undetermined\"")) undetermined++;
      checked++;
    }
    assertThat(checked).isEqualTo(324);
    assertThat(undetermined).as("the shapes include findings in doubt").isGreaterThan(20);
  }
}
