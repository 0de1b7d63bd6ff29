package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.Checker;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The rule grammar ({@link RuleGrammar}). Each file in {@code src/test/resources/rules-attacks/} is an
 * attack (write a file, start a process, loop, read the clock, a NaN threshold, run code in metadata...);
 * beside it, {@code NAME.expected} lists exactly the problems reported, one a line.
 */
class RuleGrammarTest {
  static final Path ATTACKS = TestSupport.root().resolve("src/test/resources/rules-attacks");
  static final Path ALLOWED = TestSupport.root().resolve("src/test/resources/rules-allowed");

  static Stream<String> attacks() throws IOException {
    try (Stream<Path> s = Files.list(ATTACKS)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
    }
  }

  static RuleSource one(Path file) throws IOException {
    return new RuleSource(file.getParent().toString(), Map.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
  }

  static RuleSource text(String drl) {
    return new RuleSource("t", Map.of("t.drl", drl));
  }

  /** A rules file with one rule of the given conditions and consequence. */
  static String rule(String when, String then) {
    return "package kdpc.rules.t;\nimport dev.kdpc.rules.Assessment;\nimport dev.kdpc.rules.ServiceFact;\nimport dev.kdpc.rules.CompanyFact;\n"
        + "rule \"R\"\nwhen\n" + when + "\nthen\n" + then + "\nend\n";
  }

  static List<String> problems(String drl) {
    return RuleGrammar.check(text(drl)).stream().map(RulesException.Problem::toString).toList();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("attacks")
  void attackFileIsRefusedWithFileLineAndConstruct(String name) throws IOException {
    Path file = ATTACKS.resolve(name);
    List<String> expected = Files.readAllLines(ATTACKS.resolve(name.replace(".drl", ".expected")), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();
    List<String> actual = RuleGrammar.check(one(file)).stream().map(RulesException.Problem::toString).toList();
    assertThat(actual).isNotEmpty().isEqualTo(expected);
    assertThat(actual).allSatisfy(p -> assertThat(p).matches("\\Q" + name + "\\E:[1-9][0-9]*: .*"));
    if (!name.equals("syntax-error.drl")) {
      assertThat(actual).allSatisfy(p -> assertThat(p).contains(" is not accepted: "));
      assertThatThrownBy(() -> RuleGrammar.require(one(file))).isInstanceOf(RulesException.class)
          .hasMessageContaining(name + ":").hasMessageContaining("must match the grammar of kdpc's own rules");
    }
  }

  @Test
  void everyAttackFileHasItsExpectedProblems() throws IOException {
    try (Stream<Path> s = Files.list(ATTACKS)) {
      List<String> expected = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
          .map(n -> n.replace(".expected", ".drl")).sorted().toList();
      assertThat(expected).isEqualTo(attacks().toList());
    }
    assertThat(attacks().toList()).as("the attacks of issue 12").contains("block-local-shadow.drl", "new-printstream-format.drl",
        "script-engine.drl", "while-true.drl", "date-effective.drl", "date-expires.drl", "nan-constant.drl", "nan-division.drl",
        "metadata-code.drl", "function.drl", "global.drl", "declare.drl", "import-java.drl", "eval-in-constraint.drl",
        "static-call-in-constraint.drl", "from-expression.drl", "inline-accumulate.drl", "unicode-escape.drl", "mvel-dialect.drl",
        "nested-parens-constraint.drl", "nested-parens-consequence.drl", "text-block.drl", "lambda.drl", "cast.drl", "modify.drl",
        "update.drl", "delete.drl", "retract.drl", "kcontext-runtime.drl", "drools-halt.drl");
  }

  @Test
  void theBundledRulesPassAsAWhole() {
    RuleSource bundled = RuleSource.bundled();
    assertThat(bundled.files()).hasSizeGreaterThan(10);
    assertThat(RuleGrammar.check(bundled)).isEmpty();
    assertThat(RuleGrammar.check(RuleSource.folder(TestSupport.root().resolve("rules")))).isEmpty();
  }

  /** Every construct the grammar accepts is in one file; it passes, and Drools compiles it (the grammar accepts nothing that cannot run). */
  @Test
  void theConstructsTheGrammarAcceptsPassAndCompile() {
    RuleSource allowed = RuleSource.folder(ALLOWED);
    assertThat(RuleGrammar.check(allowed)).isEmpty();
    Checker c = Checker.withRules(allowed);
    assertThat(c.catalogue().rules()).hasSize(3);
  }

  @Test
  void unparseableFilesAreReportedWithoutTheGrammarHint() {
    RuleSource broken = new RuleSource("r", Map.of("b.drl", "package kdpc.rules.x;\nrule \"R\"\nwhen\n  X(\nthen\nend\n"));
    assertThatThrownBy(() -> RuleGrammar.require(broken))
        .isInstanceOf(RulesException.class)
        .hasMessageStartingWith("the rules in r cannot be used (1 problem): b.drl:6: [ERR 102] Line 6:0 mismatched input")
        .hasMessageNotContaining("grammar");
  }

  @Test
  void commentsAndStringsAreNotCode() throws RuleGrammar.Refusal {
    List<String> idents = RuleGrammar.tokens("a(\"Runtime.exec()\") // System.exit(1)\n/* Files */ b.c(\"x\\\"y\")").stream()
        .filter(t -> t.kind() == RuleGrammar.Kind.IDENT).map(RuleGrammar.Token::text).toList();
    assertThat(idents).containsExactly("a", "b", "c");
    assertThat(problems(rule("$s : ServiceFact()", "insert(Assessment.designation(kcontext, $s).note(\"\\\"); System.exit(1); //\"));"))).isEmpty();
  }

  @Test
  void unterminatedStringsAndCommentsAndBadEscapesAreRefused() {
    for (String bad : List.of("\"open", "/* open", "\"a\\q\"", "\"a\nb\"".replace("\\n", "\n"))) {
      assertThatThrownBy(() -> RuleGrammar.tokens(bad)).as(bad).isInstanceOf(RuleGrammar.Refusal.class).hasMessageContaining(" is not accepted: ");
    }
  }

  @Test
  void importsAreOfTheFactClassesOnly() {
    // Changed on purpose (issue 12): the old allow-list also took the records and enums of dev.kdpc.profile
    // and dev.kdpc.report and java.time.LocalDate; kdpc's own rules import none of them, so the grammar does not.
    String head = "package kdpc.rules.t;\n";
    assertThat(problems(head + "import dev.kdpc.rules.Assessment;\nimport dev.kdpc.rules.EvaluationContext;\n")).isEmpty();
    for (String target : List.of("dev.kdpc.report.Outcome", "dev.kdpc.profile.Service", "dev.kdpc.rules.RuleSource", "dev.kdpc.rules.*",
        "java.io.File", "java.time.LocalDate")) {
      assertThat(problems(head + "import " + target + ";\n")).singleElement().asString()
          .startsWith("t.drl:2: import " + target + " is not accepted: imports are of dev.kdpc.rules.Assessment");
    }
  }

  @Test
  void aUnicodeEscapeIsRefusedAnywhereEvenInAComment() {
    assertThat(problems(rule("$s : ServiceFact()", "// \\u000a Runtime.getRuntime().halt(0);\ninsert(Assessment.designation(kcontext, $s).isTrue(\"x\"));")))
        .singleElement().asString().startsWith("t.drl:9: a unicode escape (\\u...) is not accepted");
  }

  @ParameterizedTest
  @ValueSource(strings = {"(", "[", "{"})
  void fiveThousandNestedBracketsAreRefusedWithAMessageNotAStackOverflow(String open) {
    String close = open.equals("(") ? ")" : open.equals("[") ? "]" : "}";
    String deep = open.repeat(5000) + "1" + close.repeat(5000);
    assertThat(problems(rule("$s : ServiceFact(id == " + deep + ")", ""))).singleElement().asString()
        .isEqualTo("t.drl:7: nesting deeper than 32 brackets is not accepted: kdpc's rules nest a few levels at most");
    assertThat(problems(rule("$s : ServiceFact()", "insert(Assessment.designation(kcontext, $s).atLeast(\"x\", " + deep + "));")))
        .singleElement().asString().startsWith("t.drl:9: nesting deeper than 32 brackets is not accepted");
  }

  @Test
  void theParsersBoundTheirOwnNestingToo() {
    String deep = "(".repeat(5000) + "id == \"x\"" + ")".repeat(5000);
    assertThatThrownBy(() -> new RuleGrammar.ConstraintParser(deep, ServiceFact.class, Map.of()).parse())
        .isInstanceOf(RuleGrammar.Refusal.class).hasMessage("nesting deeper than 32 parentheses is not accepted: kdpc's rules nest a few levels at most");
    String deepRhs = "insert(Assessment.designation(kcontext, $s).atLeast(\"x\", " + "(".repeat(5000) + "1" + ")".repeat(5000) + "));";
    assertThatThrownBy(() -> new RuleGrammar.ConsequenceParser(deepRhs, Map.of("$s", ServiceFact.class)).parse())
        .isInstanceOf(RuleGrammar.Refusal.class).hasMessageStartingWith("a parenthesised expression is not accepted");
    String nested = "(".repeat(32) + "id == \"x\"" + ")".repeat(32);
    assertThatCode(() -> new RuleGrammar.ConstraintParser(nested, ServiceFact.class, Map.of()).parse()).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1", "0", "-1", "10_000", "2147483647", "-2147483648", "30_000_000L", "9223372036854775807L",
      "-9223372036854775808L", "0.5", ".75", "1.", "1.0e26", "1E12", "1e-3", "1_000.000_1", "4.9e-324"})
  void finiteDecimalNumbersAreAccepted(String n) {
    assertThat(problems(rule("$s : ServiceFact()", "insert(Assessment.designation(kcontext, $s).atLeast(\"x\", " + n + "));"))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e400", "1e-400", "2147483648", "9223372036854775808L", "010", "0x10", "0b1", "1f", "1.0d", "1l", "1_", "1__",
      "_1", "1.0.0", "Double.NaN", "Double.POSITIVE_INFINITY", "0.0/0.0", "1/0", "-(1)", "+1", "--1", "Float.NaN", "Math.sqrt(-1)"})
  void otherNumbersAndNumberExpressionsAreRefused(String n) {
    assertThat(problems(rule("$s : ServiceFact()", "insert(Assessment.designation(kcontext, $s).atLeast(\"x\", " + n + "));")))
        .singleElement().asString().startsWith("t.drl:9: rule 'R': ").contains(" is not accepted: ");
  }

  /**
   * Decided: {@code null} is accepted in no argument of a builder method (a path names a fact, a text is
   * shown, and a value compared with null would test "not stated", which the three-valued outcome already
   * does), and in constraints only as a literal to compare with ({@code service.ai != null}).
   */
  @Test
  void nullIsRefusedInEveryArgumentAndAcceptedInConstraints() {
    for (var e : RuleGrammar.SIGNATURES.entrySet()) {
      for (RuleGrammar.Signature s : e.getValue()) {
        int n = Math.max(1, s.fixed().size());
        for (int k = 0; k < n; k++) {
          String[] args = new String[n];
          for (int j = 0; j < n; j++) args[j] = j == k ? "null" : sample(s.at(j));
          String call = e.getKey() + "(" + String.join(", ", args) + ")";
          assertThat(problems(rule("$s : ServiceFact()\n$d : Assessment()", "insert(Assessment.obligation(kcontext, $s)." + call + ");")))
              .as(call).singleElement().asString().contains("null is not accepted");
        }
      }
    }
    assertThat(problems(rule("$s : ServiceFact(service.ai != null, null == category)", ""))).isEmpty();
  }

  static String sample(RuleGrammar.Arg a) {
    return switch (a) {
      case STRING -> "\"x\"";
      case ASSESSMENT -> "$d";
      case LITERAL -> "true";
      default -> "1";
    };
  }

  @Test
  void everyBuilderMethodOfTheListHasASignatureReadFromAssessment() {
    assertThat(RuleGrammar.SIGNATURES.keySet()).containsExactlyInAnyOrderElementsOf(RuleGrammar.BUILDERS);
    assertThat(RuleGrammar.SIGNATURES.get("sanctionRate")).hasSize(2);
    assertThat(RuleGrammar.SIGNATURES.get("oneOf").get(0).toString()).isEqualTo("oneOf(a string, a string...)");
  }

  @Test
  void constraintsReadPropertiesAndCallNothing() {
    assertThat(problems(rule("$s : ServiceFact(category == \"ai\" || service.ai != null)\n$d : Assessment(serviceId == $s.id, possiblyDesignated)", ""))).isEmpty();
    assertThat(problems(rule("$s : ServiceFact(id.length() > 0)", ""))).singleElement().asString()
        .isEqualTo("t.drl:7: rule 'R': the call length(...) is not accepted: a constraint reads properties, it calls nothing");
    assertThat(problems(rule("$s : ServiceFact(category)", ""))).singleElement().asString()
        .contains("a test of category alone is not accepted");
    assertThat(problems(rule("$s : ServiceFact(id == $x.id)", ""))).singleElement().asString()
        .contains("the variable $x is not accepted: a variable is bound in an earlier pattern");
    assertThat(problems(rule("$s : ServiceFact($i : id)", ""))).singleElement().asString().contains("is not accepted");
    assertThat(problems(rule("$s : ServiceFact(id matches \".*\")", ""))).singleElement().asString().contains("'matches' is not accepted");
    assertThat(problems(rule("exists $s : ServiceFact()", ""))).singleElement().asString()
        .contains("the binding $s inside not, exists, or or and is not accepted");
    assertThat(problems(rule("$s : ServiceFact(profile.getClass != null)", ""))).singleElement().asString().contains("'profile.getClass' is not accepted");
  }

  @Test
  void theLibrarysWithRulesOfASourceChecksAndWithTrustedRulesDoesNot() throws IOException {
    RuleSource exec = one(ATTACKS.resolve("runtime-exec.drl"));
    assertThatThrownBy(() -> Checker.withRules(exec)).isInstanceOf(RulesException.class)
        .hasMessageContaining("runtime-exec.drl:10: rule 'Exec': 'Runtime.getRuntime' is not accepted");
    String key = "kdpc.test.grammar." + System.nanoTime();
    RuleSource meta = text(rule("$s : ServiceFact()", "").replace("rule \"R\"\n", "rule \"R\"\n  @note(System.setProperty(\"" + key + "\", \"ran\"))\n"));
    try {
      assertThatThrownBy(() -> Checker.withRules(meta)).isInstanceOf(RulesException.class).hasMessageContaining("@note with the value");
      assertThat(System.getProperty(key)).as("refused before compiling").isNull();
      assertThatThrownBy(() -> Checker.withTrustedRules(meta)).as("compiled: missing metadata").isInstanceOf(RulesException.class);
      assertThat(System.getProperty(key)).as("trusted rules run as code").isEqualTo("ran");
    } finally {
      System.clearProperty(key);
    }
  }
}
