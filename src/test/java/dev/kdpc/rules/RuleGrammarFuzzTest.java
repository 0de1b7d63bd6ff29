package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Coverage-guided fuzzing of the rule grammar with Jazzer. In a normal build ({@code mvn verify}, no
 * {@code JAZZER_FUZZ}) each method runs its seed corpus in
 * {@code src/test/resources/dev/kdpc/rules/RuleGrammarFuzzTestInputs/<method>/} as regression tests;
 * with {@code JAZZER_FUZZ=1 mvn test -Dtest=RuleGrammarFuzzTest -Djazzer.hooks=true} Jazzer explores from
 * there (the build turns Jazzer's hooks off for the regression run, see the pom). The
 * grammar must never throw anything but its own refusal, and never accept a consequence with a token
 * outside its vocabulary.
 */
class RuleGrammarFuzzTest {
  static final Map<String, Class<?>> BINDINGS = Map.of("$s", ServiceFact.class, "$c", CompanyFact.class, "$d", Assessment.class);

  /** Every identifier an accepted consequence may contain. */
  static final Set<String> WORDS = vocabulary();

  private static Set<String> vocabulary() {
    java.util.Set<String> w = new java.util.HashSet<>(RuleGrammar.BUILDERS);
    w.addAll(RuleGrammar.FACTORIES);
    w.addAll(List.of("insert", "Assessment", "kcontext", "true", "false", "$s", "$c", "$d"));
    return Set.copyOf(w);
  }

  @FuzzTest(maxDuration = "30s")
  void consequence(byte[] data) throws RuleGrammar.Refusal {
    String code = new String(data, StandardCharsets.UTF_8);
    try {
      new RuleGrammar.ConsequenceParser(code, BINDINGS).parse();
    } catch (RuleGrammar.Refusal refused) {
      assertThat(refused.getMessage()).contains(" is not accepted: ");
      return;
    }
    // Accepted: nothing but the vocabulary, literals and ( ) . , ; - may be in it.
    for (RuleGrammar.Token t : RuleGrammar.tokens(code)) {
      switch (t.kind()) {
        case IDENT -> assertThat(WORDS).as(code).contains(t.text());
        case PUNCT -> assertThat(List.of("(", ")", ".", ",", ";", "-")).as(code).contains(t.text());
        case NUMBER -> assertThat(Double.isFinite(RuleGrammar.number(t, false).doubleValue())).as(code).isTrue();
        case STRING, END -> { }
      }
    }
    assertThat(code).doesNotContain("\\u").doesNotContain("\"\"\"");
  }

  @FuzzTest(maxDuration = "30s")
  void constraint(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    try {
      new RuleGrammar.ConstraintParser(text, ServiceFact.class, BINDINGS).parse();
    } catch (RuleGrammar.Refusal refused) {
      assertThat(refused.getMessage()).contains(" is not accepted: ");
      return;
    }
    assertThat(text).doesNotContain("(" + ")").doesNotContain("eval").doesNotContain("new ");
  }

  /** A whole file through Drools' DRL parser and the grammar: problems, never an exception. */
  @FuzzTest(maxDuration = "30s")
  void file(byte[] data) {
    String text = new String(data, StandardCharsets.UTF_8);
    List<RulesException.Problem> problems = RuleGrammar.check(new RuleSource("f", Map.of("f.drl", text)));
    assertThat(problems).allSatisfy(p -> assertThat(p.file()).isEqualTo("f.drl"));
  }
}
