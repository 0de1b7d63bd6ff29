package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Consequences generated from pieces (seeded {@link Random}; the seed is in every failure message):
 * every chain of allowed pieces is accepted, and every chain with one forbidden piece inserted anywhere,
 * or put in place of an argument, is refused. Plain JUnit with seeded generators: no property-testing
 * library is needed for this, and the seeds make each failure reproducible by hand.
 */
class RuleGrammarGeneratorTest {
  static final long SEED = 0x6B647063L; // "kdpc"
  static final int RUNS = 3_000;
  static final Map<String, Class<?>> BINDINGS = Map.of("$s", ServiceFact.class, "$c", CompanyFact.class, "$d", Assessment.class);

  /** Pieces no consequence may contain: each is refused wherever it is put. */
  static final List<String> FORBIDDEN = List.of("new Object()", "; System.exit(1)", "{ }", "Double.NaN", "0.0/0.0", "1/0", "(Number) 1",
      "() -> 1", "x -> x", "\"\"\"\n  text\"\"\"", "null", "java.io.File", "kcontext.getKieRuntime()", "drools.halt()", ".format(\"x\")",
      ".getClass()", "'x'", "1e400", "0x1", "010", "1f", "1.0d", "while (true) { }", "for (;;) { }", "var x = 1;", "String java = null;",
      "+ 1", "@Override", "::toString", "$unbound", "this", "super", "Runtime.getRuntime().exec(\"x\")", "\"a\" + \"b\"", "modify($s) { }",
      "update($s)", "retract($s)", "delete($s)", "insertLogical($s)", "String.valueOf(1)", "Math.max(1, 2)", "!true", "$s.getId()",
      "$d.rule", "[0]", "?", "= 1", "true ? 1 : 2", "\\u0041", "\"\\u0041\"", "\"\\q\"",
      "return;", "throw null;", "Assessment.designation(kcontext, $s)", "insert(", "kcontext", "drools", "$s", "$c", "$d.given($d)");

  @Test
  void chainsOfAllowedPiecesAreAccepted() {
    for (int run = 0; run < RUNS; run++) {
      long seed = SEED + run;
      List<String> tokens = validChain(new Random(seed));
      String code = join(tokens, new Random(seed ^ 0x5DEECE66DL));
      try {
        new RuleGrammar.ConsequenceParser(code, BINDINGS).parse();
      } catch (RuleGrammar.Refusal e) {
        fail("seed " + seed + ": refused " + e.getMessage() + " in\n" + code);
      }
    }
  }

  @Test
  void chainsWithOneForbiddenPieceAreRefused() {
    for (int run = 0; run < RUNS; run++) {
      long seed = SEED + run;
      Random r = new Random(seed);
      List<String> tokens = validChain(r);
      String piece = FORBIDDEN.get(r.nextInt(FORBIDDEN.size()));
      List<String> bad = new ArrayList<>(tokens);
      if (r.nextBoolean()) {
        bad.add(r.nextInt(bad.size() + 1), piece);
      } else {
        List<Integer> args = new ArrayList<>();
        for (int i = 0; i < bad.size(); i++) if (isArgument(bad.get(i))) args.add(i);
        if (args.isEmpty()) bad.add(r.nextInt(bad.size() + 1), piece);
        else bad.set(args.get(r.nextInt(args.size())), piece);
      }
      String code = join(bad, new Random(seed ^ 0x5DEECE66DL));
      try {
        new RuleGrammar.ConsequenceParser(code, BINDINGS).parse();
        fail("seed " + seed + ": accepted the forbidden piece " + piece + " in\n" + code);
      } catch (RuleGrammar.Refusal e) {
        assertThat(e.getMessage()).as("seed " + seed).contains(" is not accepted: ");
      }
    }
  }

  /** A few generated chains go through the whole check, Drools' DRL parser included. */
  @Test
  void generatedRulesPassTheWholeCheck() {
    for (int run = 0; run < 50; run++) {
      long seed = SEED + run;
      String code = join(validChain(new Random(seed)), new Random(seed ^ 0x5DEECE66DL));
      String drl = "package kdpc.rules.g;\nimport dev.kdpc.rules.Assessment;\nimport dev.kdpc.rules.ServiceFact;\nimport dev.kdpc.rules.CompanyFact;\n"
          + "rule \"G\"\nwhen\n  $s : ServiceFact()\n  $c : CompanyFact()\n  $d : Assessment()\nthen\n" + code + "\nend\n";
      assertThat(RuleGrammar.check(new RuleSource("g", Map.of("g.drl", drl)))).as("seed " + seed + "\n" + drl).isEmpty();
    }
  }

  private static boolean isArgument(String t) {
    return t.startsWith("\"") || Character.isDigit(t.charAt(0)) || t.equals("true") || t.equals("false");
  }

  static List<String> validChain(Random r) {
    List<String> t = new ArrayList<>(List.of("insert", "(", "Assessment", "."));
    t.add(List.of("designation", "obligation", "prohibition").get(r.nextInt(3)));
    t.addAll(List.of("(", "kcontext", ",", r.nextBoolean() ? "$s" : "$c", ")"));
    int calls = r.nextInt(9);
    List<String> names = new ArrayList<>(RuleGrammar.SIGNATURES.keySet());
    for (int k = 0; k < calls; k++) {
      String name = names.get(r.nextInt(names.size()));
      List<RuleGrammar.Signature> overloads = RuleGrammar.SIGNATURES.get(name);
      RuleGrammar.Signature s = overloads.get(r.nextInt(overloads.size()));
      t.addAll(List.of(".", name, "("));
      int n = s.fixed().size() + (s.varargs() == null ? 0 : r.nextInt(4));
      for (int a = 0; a < n; a++) {
        if (a > 0) t.add(",");
        t.addAll(argument(s.at(a), r));
      }
      t.add(")");
    }
    t.addAll(List.of(")", ";"));
    return t;
  }

  static List<String> argument(RuleGrammar.Arg kind, Random r) {
    return switch (kind) {
      case STRING -> List.of(string(r));
      case INT -> signed(String.valueOf(r.nextInt(1_000_000)), r);
      case LONG -> signed(r.nextBoolean() ? (1 + r.nextInt(999)) + "_000_000L" : String.valueOf(r.nextInt(100)), r);
      case NUMBER, DOUBLE -> signed(List.of("0.5", ".75", "1.", "1.0e26", "1E12", "3e-2", "10_000", "30_000_000L", "0", "1_000.5",
          String.valueOf(r.nextDouble()), String.valueOf(r.nextInt(Integer.MAX_VALUE))).get(r.nextInt(12)), r);
      case LITERAL -> r.nextInt(3) == 0 ? List.of(string(r)) : List.of(List.of("true", "false", "1", "0.25").get(r.nextInt(4)));
      case ASSESSMENT -> List.of("$d");
    };
  }

  private static List<String> signed(String n, Random r) {
    return r.nextInt(4) == 0 ? List.of("-", n) : List.of(n);
  }

  static String string(Random r) {
    String[] parts = {"a", "market.share", " ", "\\\"", "\\\\", "\\n", "\\t", "\\0", "\\377", "(", ")", ";", "//", "/*", "*/", "{", "}",
        "System.exit(1);", "한국어", "'", "$s", "new", "\\s"};
    StringBuilder b = new StringBuilder("\"");
    int n = r.nextInt(6);
    for (int i = 0; i < n; i++) b.append(parts[r.nextInt(parts.length)]);
    return b.append('"').toString();
  }

  /** Joins tokens with whitespace and comments between them (never inside one). */
  static String join(List<String> tokens, Random r) {
    String[] seps = {" ", "\n", "\t", "  ", "/* c */", "// c\n", "\r\n", "/**/", " /* System.exit(1); */ "};
    StringBuilder b = new StringBuilder();
    for (String t : tokens) {
      if (b.length() > 0) b.append(r.nextInt(3) == 0 ? seps[r.nextInt(seps.length)] : " ");
      b.append(t);
    }
    return b.toString();
  }
}
