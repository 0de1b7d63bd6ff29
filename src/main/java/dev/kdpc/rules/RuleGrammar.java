package dev.kdpc.rules;

import dev.kdpc.rules.RulesException.Problem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * The grammar a rules folder given with {@code --rules} (or to {@code Checker.withRules}) must match
 * before anything of it is compiled. <b>Rules are code</b>: a DRL file can run any Java in its
 * consequences, its constraints and even its metadata (Drools evaluates an annotation value as MVEL
 * while compiling), and Drools has no sandbox. So this is not a scan for bad names but a grammar of
 * what is accepted, the shape kdpc's own rules have; everything else is refused:
 *
 * <ul>
 *   <li>{@code package kdpc.rules.<name>;} and imports of exactly {@link #FACTS}; no function,
 *       global, declare, query, entry point, window, unit, package attribute, {@code import function};
 *   <li>a rule has no attributes (none of {@code salience}, {@code no-loop}, {@code date-effective}...:
 *       kdpc's rules use none, and the date ones read the wall clock), no {@code extends}, no named
 *       consequence; its metadata are {@code @key("string literal")} with keys from {@link #METADATA};
 *   <li>conditions are patterns of the fact types (optionally bound, {@code $s : ServiceFact(...)},
 *       at the top level), {@code not}, {@code exists}, {@code or} and {@code and} of unbound patterns;
 *       no {@code eval}, {@code from}, {@code accumulate}, {@code collect}, {@code forall}; a
 *       constraint is an expression of property paths of the fact types (their getters and record
 *       components), {@code $binding.path}, string, number, boolean and null literals, {@code ==},
 *       {@code !=}, {@code <}, {@code <=}, {@code >}, {@code >=}, {@code in (literals)}, {@code &&},
 *       {@code ||} and parentheses (at most {@link #MAX_NESTING} deep);
 *   <li>a consequence is empty or exactly {@code insert(Assessment.<factory>(kcontext, $binding)}
 *       followed by builder calls from {@link #BUILDERS} and {@code );}, whose arguments are string
 *       literals, finite number literals, {@code true}, {@code false} or variables bound in the
 *       conditions; never {@code null}, which no builder method gives a meaning;
 *   <li>comments and whitespace anywhere; no {@code \}{@code u} escape anywhere in a file (javac
 *       reads them before it tokenizes, so they would hide code from any grammar).
 * </ul>
 *
 * Each refused construct is one problem, {@code FILE:LINE: rule 'NAME': <construct> is not accepted:
 * <what the grammar accepts>}, sorted by file and line.
 */
public final class RuleGrammar {
  private RuleGrammar() {}

  /** The fact classes a rules file may import and match. */
  public static final List<Class<?>> FACTS = List.of(Assessment.class, ServiceFact.class, CompanyFact.class, EvaluationContext.class);

  /** The metadata keys the catalogue reads (see {@link RuleInfo} and {@link RegimeInfo}). */
  public static final Set<String> METADATA = Set.of("id", "regime", "kind", "title", "title_ko", "law", "law_ko", "article",
      "article_ko", "source", "timeline", "note", "note_ko", "variant_ko", "source_ko", "status", "valid_from", "valid_to", "confidence", "variant", "designation", "sweepable");

  /** The factories of {@link Assessment} a consequence starts with. */
  public static final Set<String> FACTORIES = Set.of("designation", "obligation", "eligibility", "prohibition");

  /** The builder methods of {@link Assessment} a consequence may chain; arities and argument kinds come from their signatures. */
  public static final List<String> BUILDERS = List.of("atLeast", "atMost", "below", "above", "isTrue", "isFalse", "equalTo",
      "oneOf", "notEmpty", "topFirms", "otherReading", "onlyIf", "onlyIfAtLeast", "onlyIfAbove", "onlyIfBelow", "onlyIfOneOf",
      "onlyIfOnOrAfter", "atLeastRank", "given", "conduct", "burdenOn", "note", "sanction", "sanctionFlat", "sanctionRate", "sanctionOnlyFor", "ko");

  /** How deep brackets may nest in a file (kdpc's rules need 4); deeper is refused before Drools' parser sees the file. */
  public static final int MAX_NESTING = 32;

  private static final Pattern PACKAGE = Pattern.compile("kdpc\\.rules\\.[a-z][a-z0-9_]*");
  private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z][A-Za-z0-9_]*");
  private static final Pattern ANNOTATION = Pattern.compile("[a-z][a-z0-9_]*");

  static final String CONSEQUENCE_SHAPE = "a consequence is exactly insert(Assessment.designation|obligation|eligibility|prohibition(kcontext, $binding)"
      + " followed by .builder(arguments) calls, then );";
  static final String ARGUMENT_SHAPE = "an argument is a string, a finite number, true, false or a variable bound in the conditions";
  static final String CONSTRAINT_SHAPE = "a constraint compares property paths of the fact, $binding.paths and literals with"
      + " == != < <= > >= or in (literals), joined by && and || and parentheses";
  static final String WHY = "rules are code and kdpc has no sandbox, so a folder given with --rules must match the grammar of"
      + " kdpc's own rules; pass --trust-rules to skip it for a folder you trust like kdpc itself (it then runs as code with kdpc's rights)";

  /** Checks {@code source}; returns every problem found (empty when it matches the grammar), sorted by file and line. */
  public static List<Problem> check(RuleSource source) {
    List<Problem> unparsed = new ArrayList<>();
    List<Problem> refused = run(source, unparsed);
    List<Problem> all = new ArrayList<>(unparsed);
    all.addAll(refused);
    return sorted(all);
  }

  /** Checks {@code source} and throws {@link RulesException} naming every problem when it does not match. */
  public static void require(RuleSource source) {
    List<Problem> unparsed = new ArrayList<>();
    List<Problem> refused = run(source, unparsed);
    if (refused.isEmpty() && !unparsed.isEmpty()) throw new RulesException(source.name(), sorted(unparsed));
    if (!refused.isEmpty()) {
      List<Problem> all = new ArrayList<>(unparsed);
      all.addAll(refused);
      throw new RulesException(source.name(), sorted(all), WHY);
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(new LinkedHashSet<>(problems));
    out.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::message));
    return out;
  }

  private static List<Problem> run(RuleSource source, List<Problem> unparsed) {
    List<Problem> refused = new ArrayList<>();
    for (Map.Entry<String, String> f : source.files().entrySet()) {
      String file = f.getKey();
      String text = f.getValue();
      if (!lexicallySafe(file, text, refused)) continue;
      PackageDescr pkg = parse(file, text, unparsed);
      if (pkg != null) new FileCheck(file, text, pkg, refused).run();
    }
    return refused;
  }

  /**
   * What must hold before Drools' parser reads the file: no unicode escape (javac decodes them before
   * it tokenizes) and brackets nested at most {@link #MAX_NESTING} deep (the parsers recurse).
   */
  private static boolean lexicallySafe(String file, String text, List<Problem> problems) {
    int u = unicodeEscape(text);
    if (u >= 0) {
      problems.add(new Problem(file, lineOf(text, u), "a unicode escape (\\u...) is not accepted: write the character itself"
          + " (javac decodes escapes before it reads the code, so they could hide code from this check)"));
      return false;
    }
    int depth = 0;
    int n = text.length();
    for (int i = 0; i < n; i++) {
      char c = text.charAt(i);
      if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
        while (i < n && text.charAt(i) != '\n') i++;
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 1;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && text.charAt(i) != c && text.charAt(i) != '\n') i += text.charAt(i) == '\\' ? 2 : 1;
      } else if (c == '(' || c == '[' || c == '{') {
        if (++depth > MAX_NESTING) {
          problems.add(new Problem(file, lineOf(text, i), "nesting deeper than " + MAX_NESTING
              + " brackets is not accepted: kdpc's rules nest a few levels at most"));
          return false;
        }
      } else if (c == ')' || c == ']' || c == '}') {
        depth = Math.max(0, depth - 1);
      }
    }
    return true;
  }

  /** The offset of the first {@code \}{@code u} in {@code text}, or -1. */
  static int unicodeEscape(String text) {
    for (int i = text.indexOf('\\'); i >= 0; i = text.indexOf('\\', i + 1)) {
      int j = i + 1;
      while (j < text.length() && text.charAt(j) == 'u') j++;
      if (j > i + 1) return i;
    }
    return -1;
  }

  private static PackageDescr parse(String file, String text, List<Problem> problems) {
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, text);
    } catch (DroolsParserException e) {
      problems.add(new Problem(file, 0, "cannot be parsed: " + RulesException.clean(e.getMessage())));
      return null;
    } catch (StackOverflowError e) {
      problems.add(new Problem(file, 0, "cannot be parsed: it nests too deep for the DRL parser"));
      return null;
    } catch (RuntimeException e) {
      problems.add(new Problem(file, 0, "cannot be parsed: the DRL parser failed (" + e.getClass().getSimpleName()
          + "); the cause is usually an unclosed bracket or quote"));
      return null;
    }
    if (parser.hasErrors() || pkg == null) {
      for (DroolsError e : parser.getErrors()) {
        int line = e instanceof ParserError pe ? pe.getRow() : e.getLines().length > 0 ? e.getLines()[0] : 0;
        String msg = RulesException.clean(e.getMessage());
        problems.add(new Problem(file, RulesException.lineIn(msg, line), msg));
      }
      if (parser.getErrors().isEmpty()) problems.add(new Problem(file, 0, "cannot be parsed"));
      return null;
    }
    return pkg;
  }

  static int lineOf(String text, int offset) {
    int n = 1;
    for (int i = 0; i < Math.min(offset, text.length()); i++) if (text.charAt(i) == '\n') n++;
    return n;
  }

  static String shorten(String s) {
    String one = s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
    return one.length() <= 60 ? one : one.substring(0, 57) + "...";
  }

  /** A refusal inside a parse: the construct, what is accepted there, and where (an offset in the parsed text). */
  static final class Refusal extends Exception {
    final int offset;

    Refusal(int offset, String construct, String accepted) {
      super(construct + " is not accepted: " + accepted, null, false, false);
      this.offset = offset;
    }
  }

  // ---------------------------------------------------------------------------------------------
  // One file

  private static final class FileCheck {
    private final String file;
    private final String text;
    private final PackageDescr pkg;
    private final List<Problem> problems;
    private String rule;

    FileCheck(String file, String text, PackageDescr pkg, List<Problem> problems) {
      this.file = file;
      this.text = text;
      this.pkg = pkg;
      this.problems = problems;
    }

    private void refuse(int line, String construct, String accepted) {
      problems.add(new Problem(file, Math.max(line, 1), (rule == null ? "" : "rule '" + rule + "': ") + construct + " is not accepted: " + accepted));
    }

    void run() {
      String name = pkg.getName();
      if (name == null || !PACKAGE.matcher(name).matches()) {
        refuse(pkg.getLine() > 0 ? pkg.getLine() : 1, "the package '" + shorten(name) + "'", "write package kdpc.rules.<name>;");
      }
      String facts = String.join(", ", FACTS.stream().map(Class::getName).toList());
      Set<String> imported = new LinkedHashSet<>();
      for (ImportDescr i : pkg.getImports()) {
        boolean ok = FACTS.stream().anyMatch(c -> c.getName().equals(i.getTarget()));
        if (!ok) refuse(i.getLine(), "import " + shorten(i.getTarget()), "imports are of " + facts);
        else if (!imported.add(i.getTarget())) refuse(i.getLine(), "a second import " + i.getTarget(), "import each fact class once");
      }
      String none = "kdpc's rules declare nothing but rules";
      for (var f : pkg.getFunctions()) refuse(f.getLine(), "function " + f.getName(), none);
      for (var g : pkg.getGlobals()) refuse(g.getLine(), "global " + g.getIdentifier(), none);
      for (var t : pkg.getTypeDeclarations()) refuse(t.getLine(), "declare " + t.getTypeName(), none);
      for (var t : pkg.getEnumDeclarations()) refuse(t.getLine(), "declare enum " + t.getTypeName(), none);
      for (var t : pkg.getWindowDeclarations()) refuse(t.getLine(), "declare window", none);
      for (var t : pkg.getEntryPointDeclarations()) refuse(t.getLine(), "declare entry-point", none);
      for (var t : pkg.getFunctionImports()) refuse(t.getLine(), "import function " + shorten(t.getTarget()), "imports are of " + facts);
      for (var t : pkg.getAccumulateImports()) refuse(t.getLine(), "import accumulate " + shorten(t.getTarget()), "imports are of " + facts);
      if (pkg.getUnit() != null) refuse(pkg.getUnit().getLine(), "unit", none);
      for (AttributeDescr a : pkg.getAttributes()) refuse(a.getLine(), attributeName(a), "a rules file has no package attributes");
      for (RuleDescr r : pkg.getRules()) rule(r);
    }

    private void rule(RuleDescr r) {
      rule = r.getName();
      try {
        if (r instanceof QueryDescr || r.isQuery()) {
          refuse(r.getLine(), "a query", none("queries"));
          return;
        }
        if (r.getParentName() != null) refuse(r.getLine(), "extends " + r.getParentName(), "a rule stands alone");
        for (AttributeDescr a : r.getAttributes().values()) {
          String why = switch (a.getName()) {
            case "date-effective", "date-expires" -> "a rule has no attributes (this one reads the wall clock; use @valid_from(\"YYYY-MM-DD\") and @valid_to, which follow --as-of)";
            case "dialect" -> "a rule has no attributes (the Java dialect is the only one)";
            default -> "a rule has no attributes";
          };
          refuse(a.getLine() > 0 ? a.getLine() : r.getLine(), attributeName(a), why);
        }
        annotations(r);
        Map<String, Class<?>> bindings = new LinkedHashMap<>();
        lhs(r, bindings);
        if (!r.getNamedConsequences().isEmpty()) refuse(r.getConsequenceLine(), "a named consequence", "a rule has one consequence");
        consequence(r, bindings);
      } finally {
        rule = null;
      }
    }

    private static String none(String what) {
      return "kdpc's rules use no " + what;
    }

    private static String attributeName(AttributeDescr a) {
      return "the attribute '" + shorten(a.getName()) + "'";
    }

    // -------------------------------------------------------------------------------------------
    // Metadata

    private void annotations(RuleDescr r) {
      Map<String, Integer> seen = new HashMap<>();
      for (AnnotationDescr a : r.getAnnotations()) {
        int line = a.getLine() > 0 ? a.getLine() : annotationLine(r, a.getName());
        String what = "metadata @key(\"text\") with a key from " + String.join(", ", new java.util.TreeSet<>(METADATA));
        if (!ANNOTATION.matcher(a.getName()).matches() || !METADATA.contains(a.getName())) {
          refuse(line, "the annotation @" + shorten(a.getName()), what);
          continue;
        }
        if (seen.put(a.getName(), line) != null) {
          refuse(line, "a second @" + a.getName(), "each metadata key once");
          continue;
        }
        Map<String, Object> values = a.getValueMap();
        Object v = values.size() == 1 ? values.get("value") : null;
        if (!(v instanceof String s) || !isStringLiteral(s.strip())) {
          String shown = values.isEmpty() ? "no value" : shorten(String.valueOf(values.size() == 1 ? values.values().iterator().next() : values));
          refuse(line, "@" + a.getName() + " with " + (values.isEmpty() ? shown : "the value " + shown),
              "a metadata value is one string literal such as \"text\" (Drools runs any other value as code while compiling)");
        }
      }
    }

    /** The line of {@code @name} within the rule's header (Drools gives annotations with values no line). */
    private int annotationLine(RuleDescr r, String name) {
      int from = offsetOfLine(r.getLine());
      if (from < 0) return r.getLine();
      Matcher m = Pattern.compile("@" + Pattern.quote(name) + "\\b").matcher(text);
      return m.find(from) ? lineOf(text, m.start()) : r.getLine();
    }

    private int offsetOfLine(int line) {
      int off = 0;
      for (int l = 1; l < line; l++) {
        off = text.indexOf('\n', off);
        if (off < 0) return -1;
        off++;
      }
      return off;
    }

    // -------------------------------------------------------------------------------------------
    // Conditions

    private void lhs(RuleDescr r, Map<String, Class<?>> bindings) {
      AndDescr root = r.getLhs();
      if (root == null) return;
      for (BaseDescr d : root.getDescrs()) {
        if (d instanceof PatternDescr p) {
          pattern(p, bindings, true);
        } else {
          element(d, bindings, 0);
        }
      }
    }

    /** A conditional element below the top level: patterns there bind nothing. */
    private void element(BaseDescr d, Map<String, Class<?>> bindings, int depth) {
      if (depth > MAX_NESTING) {
        refuse(d.getLine(), "nesting conditions deeper than " + MAX_NESTING, "kdpc's rules nest a few levels at most");
        return;
      }
      if (d instanceof PatternDescr p) {
        pattern(p, bindings, false);
      } else if (d instanceof NotDescr || d instanceof ExistsDescr || d instanceof OrDescr || d instanceof AndDescr) {
        for (BaseDescr c : ((ConditionalElementDescr) d).getDescrs()) element(c, bindings, depth + 1);
      } else if (d instanceof EvalDescr) {
        refuse(d.getLine(), "eval", "write the test as a constraint of a pattern");
      } else {
        refuse(d.getLine(), elementName(d), "conditions are patterns of " + factNames() + " with not, exists, or and and");
      }
    }

    private static String elementName(BaseDescr d) {
      String n = d.getClass().getSimpleName().replace("Descr", "");
      return switch (n) {
        case "Forall" -> "forall";
        case "Accumulate" -> "accumulate";
        case "Collect" -> "collect";
        case "From" -> "from";
        case "Conditional" -> "if";
        case "NamedConsequence" -> "a named consequence";
        default -> "the condition " + n;
      };
    }

    private void pattern(PatternDescr p, Map<String, Class<?>> bindings, boolean top) {
      String accepted = "conditions are patterns of " + factNames() + ", bound at the top level as $name : Type(...)";
      if (p.getSource() != null) {
        String src = p.getSource().getClass().getSimpleName().replace("Descr", "").toLowerCase(java.util.Locale.ROOT);
        refuse(p.getSource().getLine() > 0 ? p.getSource().getLine() : p.getLine(), "'" + src + "' as the source of a pattern",
            "patterns match kdpc's facts directly");
        return;
      }
      Class<?> type = FACTS.stream().filter(c -> c.getSimpleName().equals(p.getObjectType())).findFirst().orElse(null);
      if (type == null) {
        refuse(p.getLine(), "the pattern type '" + shorten(p.getObjectType()) + "'", accepted);
        return;
      }
      if (!p.getAnnotations().isEmpty()) {
        refuse(p.getLine(), "an annotation of a pattern", accepted);
        return;
      }
      if (!p.getBehaviors().isEmpty()) {
        refuse(p.getLine(), "a window", accepted);
        return;
      }
      if (p.isQuery() || p.isUnification()) {
        refuse(p.getLine(), "a query call or unification (:=)", accepted);
        return;
      }
      String id = p.getIdentifier();
      if (id != null) {
        if (!top) {
          refuse(p.getLine(), "the binding " + id + " inside not, exists, or or and", accepted);
          return;
        }
        if (!BINDING.matcher(id).matches()) {
          refuse(p.getLine(), "the binding '" + shorten(id) + "'", "a binding is $ and a name, such as $s");
          return;
        }
        if (bindings.containsKey(id)) {
          refuse(p.getLine(), "a second binding " + id, "each binding once");
          return;
        }
      }
      for (BaseDescr c : p.getDescrs()) {
        if (!(c instanceof ExprConstraintDescr e) || e.getType() != ExprConstraintDescr.Type.NAMED) {
          refuse(c.getLine() > 0 ? c.getLine() : p.getLine(), "the constraint " + shorten(String.valueOf(c)), CONSTRAINT_SHAPE);
          continue;
        }
        try {
          new ConstraintParser(e.getExpression(), type, bindings).parse();
        } catch (Refusal x) {
          int line = (e.getLine() > 0 ? e.getLine() : p.getLine()) + lineOf(e.getExpression(), x.offset) - 1;
          refuse(line, x.getMessage().substring(0, x.getMessage().indexOf(" is not accepted: ")),
              x.getMessage().substring(x.getMessage().indexOf(" is not accepted: ") + 18));
        }
      }
      if (id != null) bindings.put(id, type);
    }

    // -------------------------------------------------------------------------------------------
    // Consequence

    private void consequence(RuleDescr r, Map<String, Class<?>> bindings) {
      Object c = r.getConsequence();
      if (c == null) return;
      String code = String.valueOf(c);
      int base = r.getConsequenceLine() > 0 ? r.getConsequenceLine() : r.getLine();
      int from = offsetOfLine(Math.max(1, base));
      int at = from < 0 || code.isBlank() ? -1 : text.indexOf(code.strip(), from);
      int codeStart = at < 0 ? -1 : at - code.indexOf(code.strip());
      try {
        new ConsequenceParser(code, bindings).parse();
      } catch (Refusal x) {
        int line = codeStart >= 0 ? lineOf(text, codeStart + x.offset) : base;
        String m = x.getMessage();
        int cut = m.indexOf(" is not accepted: ");
        refuse(line, m.substring(0, cut), m.substring(cut + 18));
      }
    }
  }

  static String article(Class<?> c) {
    String n = c.getSimpleName();
    return ("AEIOU".indexOf(n.charAt(0)) >= 0 ? "an " : "a ") + n;
  }

  static String factNames() {
    return String.join(", ", FACTS.stream().map(Class::getSimpleName).toList());
  }

  // ---------------------------------------------------------------------------------------------
  // Tokens of constraints and consequences (Java's lexical grammar, less what neither needs)

  enum Kind { IDENT, STRING, NUMBER, PUNCT, END }

  record Token(Kind kind, String text, int offset) {
    boolean is(String s) {
      return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }
  }

  private static final List<String> OPERATORS = List.of(">>>=", "<<=", ">>=", ">>>", "...", "->", "::", "==", "!=", "<=", ">=",
      "&&", "||", "++", "--", "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=", "<<", ">>");

  /** Splits {@code s} into tokens; a construct no grammar here accepts (a text block, a char literal, a bad escape...) is refused at once. */
  static List<Token> tokens(String s) throws Refusal {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n') {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n' && s.charAt(i) != '\r') i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        if (end < 0) throw new Refusal(i, "an unterminated comment", "close /* with */");
        i = end + 2;
      } else if (c == '"') {
        if (s.startsWith("\"\"\"", i)) throw new Refusal(i, "a text block (\"\"\")", "strings are \"...\" on one line");
        int start = i++;
        while (true) {
          if (i >= n || s.charAt(i) == '\n' || s.charAt(i) == '\r') throw new Refusal(start, "an unterminated string", "strings are \"...\" on one line");
          char d = s.charAt(i);
          if (d == '"') break;
          if (d == '\\') {
            char e = i + 1 < n ? s.charAt(i + 1) : ' ';
            if ("btnfrs\"'\\".indexOf(e) >= 0) {
              i += 2;
            } else if (e >= '0' && e <= '7') {
              i += 2;
              int max = e <= '3' ? 2 : 1;
              for (int k = 0; k < max && i < n && s.charAt(i) >= '0' && s.charAt(i) <= '7'; k++) i++;
            } else {
              throw new Refusal(i, "the escape \\" + (e == ' ' ? "" : String.valueOf(e)), "escapes are \\b \\t \\n \\f \\r \\s \\\" \\' \\\\ and octal");
            }
          } else {
            i++;
          }
        }
        i++;
        out.add(new Token(Kind.STRING, s.substring(start, i), start));
      } else if (c == '\'') {
        throw new Refusal(i, "a character literal", "strings are written in double quotes");
      } else if (c >= '0' && c <= '9' || c == '.' && i + 1 < n && s.charAt(i + 1) >= '0' && s.charAt(i + 1) <= '9') {
        int start = i;
        while (i < n) {
          char d = s.charAt(i);
          if (Character.isLetterOrDigit(d) || d == '_' || d == '.') {
            i++;
          } else if ((d == '+' || d == '-') && (s.charAt(i - 1) == 'e' || s.charAt(i - 1) == 'E')) {
            i++;
          } else {
            break;
          }
        }
        out.add(new Token(Kind.NUMBER, s.substring(start, i), start));
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) i++;
        out.add(new Token(Kind.IDENT, s.substring(start, i), start));
      } else {
        String op = String.valueOf(c);
        for (String o : OPERATORS) {
          if (s.startsWith(o, i)) {
            op = o;
            break;
          }
        }
        out.add(new Token(Kind.PUNCT, op, i));
        i += op.length();
      }
    }
    out.add(new Token(Kind.END, "", n));
    return out;
  }

  /** Whether {@code s} is exactly one string literal. */
  static boolean isStringLiteral(String s) {
    try {
      List<Token> t = tokens(s);
      return t.size() == 2 && t.get(0).kind() == Kind.STRING && t.get(0).offset() == 0 && t.get(0).text().length() == s.length();
    } catch (Refusal e) {
      return false;
    }
  }

  /** A number literal's value: an Integer, a Long or a finite Double; refused when it is none of those. */
  static Number number(Token t, boolean negative) throws Refusal {
    String s = t.text();
    String digits = "[0-9](?:[0-9_]*[0-9])?";
    String accepted = "numbers are decimal, such as 10_000, 30_000_000L, 0.5 or 1.0e26, and finite";
    if (s.matches("(?:0|[1-9](?:[0-9_]*[0-9])?)L?")) {
      BigInteger v = new BigInteger(s.replace("_", "").replace("L", ""));
      if (negative) v = v.negate();
      boolean isLong = s.endsWith("L");
      BigInteger min = BigInteger.valueOf(isLong ? Long.MIN_VALUE : Integer.MIN_VALUE);
      BigInteger max = BigInteger.valueOf(isLong ? Long.MAX_VALUE : Integer.MAX_VALUE);
      if (v.compareTo(min) < 0 || v.compareTo(max) > 0) {
        throw new Refusal(t.offset(), "the number " + shorten(s), "it is out of range for " + (isLong ? "a long" : "an int (write L after a long)"));
      }
      return isLong ? (Number) v.longValue() : (Number) v.intValue();
    }
    String exp = "(?:[eE][+-]?[0-9]+)?";
    if (s.matches(digits + "\\." + "(?:" + digits + ")?" + exp + "|\\." + digits + exp + "|" + digits + "[eE][+-]?[0-9]+")) {
      BigDecimal v = new BigDecimal(s.replace("_", ""));
      double d = v.doubleValue();
      if (Double.isInfinite(d)) throw new Refusal(t.offset(), "the number " + shorten(s), accepted + " (this one is beyond a double)");
      if (d == 0 && v.signum() != 0) throw new Refusal(t.offset(), "the number " + shorten(s), accepted + " (this one is too small for a double)");
      return negative ? -d : d;
    }
    throw new Refusal(t.offset(), "the number " + shorten(s), accepted);
  }

  /** The dotted names starting at {@code i}, quoted. */
  static String chain(List<Token> t, int i) {
    StringBuilder chain = new StringBuilder(t.get(i).text());
    for (int j = i + 1; j + 1 < t.size() && t.get(j).is(".") && t.get(j + 1).kind() == Kind.IDENT && chain.length() < 60; j += 2) {
      chain.append('.').append(t.get(j + 1).text());
    }
    return "'" + chain + "'";
  }

  /** What an unexpected token is, for a refusal. */
  static String construct(List<Token> t, int i) {
    Token k = t.get(i);
    if (k.kind() == Kind.END) return "the end of the code here";
    if (k.kind() == Kind.STRING) return "the string " + shorten(k.text());
    if (k.kind() == Kind.NUMBER) return "the number " + shorten(k.text());
    if (k.kind() == Kind.IDENT) {
      String w = k.text();
      if (w.equals("new")) return "'new' (creating an object)";
      if (Set.of("while", "for", "do", "if", "else", "switch", "try", "catch", "finally", "throw", "return", "synchronized",
          "assert", "break", "continue", "yield", "case", "default", "class", "interface", "enum", "record").contains(w)) {
        return "the statement '" + w + "'";
      }
      if (Set.of("modify", "update", "delete", "retract", "insertLogical").contains(w)) return "'" + w + "'";
      if (w.equals("var") || w.equals("final")) return "a local variable ('" + w + "')";
      if (t.get(i + 1).kind() == Kind.IDENT) return "a local variable declaration ('" + w + " " + t.get(i + 1).text() + "')";
      if (t.get(i + 1).is("->")) return "a lambda";
      return chain(t, i);
    }
    String p = k.text();
    if (p.equals("{")) return "a block ('{')";
    if (p.equals("->")) return "a lambda";
    if (p.equals("::")) return "a method reference";
    if (p.equals(";")) return "a second statement";
    if (p.equals("@")) return "an annotation";
    if (p.equals("(")) {
      int depth = 0;
      for (int j = i; j < t.size() && t.get(j).kind() != Kind.END; j++) {
        if (t.get(j).is("(")) depth++;
        else if (t.get(j).is("->")) return "a lambda";
        else if (t.get(j).is(")") && --depth == 0) {
          if (t.get(j + 1).is("->")) return "a lambda";
          if (j == i + 2 && t.get(i + 1).kind() == Kind.IDENT || j > i + 1 && t.get(j - 1).kind() == Kind.IDENT && t.get(j - 2).is(".")) {
            return "a cast";
          }
          break;
        }
      }
      return "a parenthesised expression";
    }
    if (Set.of("+", "-", "*", "/", "%", "!", "~", "?", ":", "=", "<", ">", "&", "|", "^", "==", "!=", "<=", ">=", "&&", "||", "++", "--",
        "<<", ">>", ">>>", "+=", "-=", "*=", "/=", "&=", "|=", "^=", "%=", "<<=", ">>=", ">>>=").contains(p)) {
      return "an expression (operator '" + p + "')";
    }
    return "'" + p + "'";
  }

  // ---------------------------------------------------------------------------------------------
  // Constraints

  /** The properties a path may read: public getters and record components declared by kdpc's classes. */
  static Class<?> property(Class<?> owner, String name) {
    if (owner == null || owner.getPackageName() == null || !owner.getPackageName().startsWith("dev.kdpc.")) return null;
    if (!Modifier.isPublic(owner.getModifiers())) return null;
    if (owner.isRecord()) {
      for (RecordComponent rc : owner.getRecordComponents()) if (rc.getName().equals(name)) return rc.getType();
    }
    String cap = name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    for (String m : List.of("get" + cap, "is" + cap)) {
      try {
        Method method = owner.getMethod(m);
        if (!method.getDeclaringClass().getPackageName().startsWith("dev.kdpc.") || Modifier.isStatic(method.getModifiers())) continue;
        if (m.startsWith("is") && method.getReturnType() != boolean.class && method.getReturnType() != Boolean.class) continue;
        return method.getReturnType();
      } catch (NoSuchMethodException e) {
        // next
      }
    }
    return null;
  }

  static final class ConstraintParser {
    private final String text;
    private final Class<?> type;
    private final Map<String, Class<?>> bindings;
    private List<Token> t;
    private int i;

    ConstraintParser(String text, Class<?> type, Map<String, Class<?>> bindings) {
      this.text = text == null ? "" : text;
      this.type = type;
      this.bindings = bindings;
    }

    void parse() throws Refusal {
      t = tokens(text);
      i = 0;
      if (t.get(0).kind() == Kind.END) throw new Refusal(0, "an empty constraint", CONSTRAINT_SHAPE);
      or(0);
      if (t.get(i).kind() != Kind.END) throw refusal();
    }

    private Refusal refusal() {
      return new Refusal(t.get(i).offset(), construct(t, i), CONSTRAINT_SHAPE);
    }

    private void or(int depth) throws Refusal {
      and(depth);
      while (t.get(i).is("||")) {
        i++;
        and(depth);
      }
    }

    private void and(int depth) throws Refusal {
      term(depth);
      while (t.get(i).is("&&")) {
        i++;
        term(depth);
      }
    }

    private void term(int depth) throws Refusal {
      if (t.get(i).is("(")) {
        if (depth >= MAX_NESTING) {
          throw new Refusal(t.get(i).offset(), "nesting deeper than " + MAX_NESTING + " parentheses", "kdpc's rules nest a few levels at most");
        }
        i++;
        or(depth + 1);
        if (!t.get(i).is(")")) throw refusal();
        i++;
        return;
      }
      int start = i;
      Class<?> left = operand();
      Token op = t.get(i);
      if (Set.of("==", "!=", "<", "<=", ">", ">=").contains(op.text()) && op.kind() == Kind.PUNCT) {
        i++;
        operand();
      } else if (op.is("in")) {
        i++;
        if (!t.get(i).is("(")) throw refusal();
        i++;
        literal();
        while (t.get(i).is(",")) {
          i++;
          literal();
        }
        if (!t.get(i).is(")")) throw refusal();
        i++;
      } else if (!(op.kind() == Kind.END || op.is("&&") || op.is("||") || op.is(")"))) {
        throw refusal();
      } else if (left != boolean.class && left != Boolean.class) {
        throw new Refusal(t.get(start).offset(), "a test of " + shorten(text.substring(t.get(start).offset(), op.offset()).strip()) + " alone",
            "a property stands alone only when it is true or false; else compare it");
      }
    }

    /** A literal, a path of the fact or a $binding path; returns the type of a path (Object for a literal). */
    private Class<?> operand() throws Refusal {
      Token k = t.get(i);
      if (k.kind() == Kind.STRING) {
        i++;
        return String.class;
      }
      if (k.is("-") && t.get(i + 1).kind() == Kind.NUMBER) {
        i++;
        number(t.get(i++), true);
        return Number.class;
      }
      if (k.kind() == Kind.NUMBER) {
        number(k, false);
        i++;
        return Number.class;
      }
      if (k.is("true") || k.is("false") || k.is("null")) {
        i++;
        return Object.class;
      }
      if (k.kind() != Kind.IDENT || t.get(i + 1).is("(")) throw refusal();
      Class<?> c;
      String path;
      if (k.text().startsWith("$")) {
        c = bindings.get(k.text());
        if (c == null) throw new Refusal(k.offset(), "the variable " + k.text(), "a variable is bound in an earlier pattern of the rule");
        if (!t.get(i + 1).is(".")) throw new Refusal(k.offset(), "the variable " + k.text() + " alone", "compare its properties, such as " + k.text() + ".id");
        path = k.text();
        i++;
        i++;
        k = t.get(i);
        if (k.kind() != Kind.IDENT) throw refusal();
      } else {
        c = type;
        path = "";
      }
      while (true) {
        if (t.get(i + 1).is("(")) throw new Refusal(t.get(i).offset(), "the call " + shorten(t.get(i).text()) + "(...)", "a constraint reads properties, it calls nothing");
        String name = t.get(i).text();
        Class<?> next = property(c, name);
        path = path.isEmpty() ? name : path + "." + name;
        if (next == null) {
          throw new Refusal(t.get(i).offset(), path.equals(name) ? chain(t, i) : "'" + shorten(path) + "'", "a path follows properties of " + c.getSimpleName()
              + (c.getPackageName().startsWith("dev.kdpc.") ? "" : " (none can be read)"));
        }
        c = next;
        i++;
        if (!t.get(i).is(".")) return c;
        i++;
        if (t.get(i).kind() != Kind.IDENT) throw refusal();
      }
    }

    private void literal() throws Refusal {
      Token k = t.get(i);
      if (k.kind() == Kind.STRING || k.is("true") || k.is("false") || k.is("null")) {
        i++;
      } else if (k.kind() == Kind.NUMBER) {
        number(k, false);
        i++;
      } else if (k.is("-") && t.get(i + 1).kind() == Kind.NUMBER) {
        number(t.get(i + 1), true);
        i += 2;
      } else {
        throw new Refusal(k.offset(), construct(t, i), "in (...) lists literals");
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Consequences

  /** What an argument may be, from a builder method's parameter type. */
  enum Arg {
    STRING("a string"), NUMBER("a number"), INT("a whole number"), LONG("a whole number"), DOUBLE("a number"),
    LITERAL("a string, number, true or false"), ASSESSMENT("a variable bound to an Assessment");

    final String what;

    Arg(String what) {
      this.what = what;
    }

    static Arg of(Class<?> p) {
      if (p == String.class) return STRING;
      if (p == Number.class) return NUMBER;
      if (p == int.class) return INT;
      if (p == long.class) return LONG;
      if (p == double.class) return DOUBLE;
      if (p == Object.class) return LITERAL;
      if (p == Assessment.class) return ASSESSMENT;
      throw new IllegalStateException("Assessment builder parameter of type " + p + " has no argument grammar");
    }
  }

  /** One overload of a builder method: the kinds of its fixed arguments, and of its varargs (or null). */
  record Signature(String name, List<Arg> fixed, Arg varargs) {
    boolean fits(int n) {
      return varargs == null ? n == fixed.size() : n >= fixed.size();
    }

    Arg at(int k) {
      return k < fixed.size() ? fixed.get(k) : varargs;
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      for (Arg a : fixed) parts.add(a.what);
      if (varargs != null) parts.add(varargs.what + "...");
      return name + "(" + String.join(", ", parts) + ")";
    }
  }

  /** Every overload of each builder method, read from {@link Assessment}'s public methods. */
  static final Map<String, List<Signature>> SIGNATURES = signatures();

  private static Map<String, List<Signature>> signatures() {
    Map<String, List<Signature>> out = new TreeMap<>();
    for (Method m : Assessment.class.getMethods()) {
      if (!BUILDERS.contains(m.getName()) || Modifier.isStatic(m.getModifiers()) || m.getReturnType() != Assessment.class) continue;
      List<Arg> fixed = new ArrayList<>();
      Class<?>[] ps = m.getParameterTypes();
      Arg varargs = null;
      for (int k = 0; k < ps.length; k++) {
        if (m.isVarArgs() && k == ps.length - 1) varargs = Arg.of(ps[k].getComponentType());
        else fixed.add(Arg.of(ps[k]));
      }
      out.computeIfAbsent(m.getName(), x -> new ArrayList<>()).add(new Signature(m.getName(), List.copyOf(fixed), varargs));
    }
    for (List<Signature> l : out.values()) l.sort(Comparator.comparingInt(s -> s.fixed().size()));
    if (!out.keySet().equals(new java.util.TreeSet<>(BUILDERS))) {
      throw new IllegalStateException("Assessment lacks builder methods: " + BUILDERS.stream().filter(b -> !out.containsKey(b)).toList());
    }
    return Map.copyOf(out);
  }

  static final class ConsequenceParser {
    private final String text;
    private final Map<String, Class<?>> bindings;
    private List<Token> t;
    private int i;

    ConsequenceParser(String text, Map<String, Class<?>> bindings) {
      this.text = text == null ? "" : text;
      this.bindings = bindings;
    }

    void parse() throws Refusal {
      t = tokens(text);
      i = 0;
      if (t.get(0).kind() == Kind.END) return; // an empty consequence (a regime's declaration)
      expect("insert", CONSEQUENCE_SHAPE);
      expect("(", CONSEQUENCE_SHAPE);
      expect("Assessment", CONSEQUENCE_SHAPE);
      expect(".", CONSEQUENCE_SHAPE);
      if (t.get(i).kind() != Kind.IDENT || !FACTORIES.contains(t.get(i).text())) {
        throw new Refusal(t.get(i).offset(), construct(t, i), "the factories are designation, obligation, eligibility and prohibition");
      }
      i++;
      expect("(", CONSEQUENCE_SHAPE);
      expect("kcontext", "the factory takes kcontext, then a variable bound to a ServiceFact or CompanyFact");
      expect(",", "the factory takes kcontext, then a variable bound to a ServiceFact or CompanyFact");
      Token subject = t.get(i);
      Class<?> c = subject.kind() == Kind.IDENT ? bindings.get(subject.text()) : null;
      if (c != ServiceFact.class && c != CompanyFact.class) {
        throw new Refusal(subject.offset(), c == null ? construct(t, i) : "the variable " + subject.text() + " (" + article(c) + ")",
            "the factory takes kcontext, then a variable bound to a ServiceFact or CompanyFact");
      }
      i++;
      expect(")", "the factory takes kcontext, then a variable bound to a ServiceFact or CompanyFact");
      while (t.get(i).is(".")) {
        i++;
        call();
      }
      expect(")", "the consequence ends with ); after the builder calls");
      expect(";", "the consequence ends with ); after the builder calls");
      if (t.get(i).kind() != Kind.END) throw new Refusal(t.get(i).offset(), t.get(i).is(";") ? "an empty statement" : "a second statement (" + construct(t, i) + ")", "a consequence inserts one Assessment and does nothing else");
    }

    private void expect(String word, String accepted) throws Refusal {
      if (!t.get(i).is(word)) throw new Refusal(t.get(i).offset(), construct(t, i), accepted);
      i++;
    }

    private void call() throws Refusal {
      Token name = t.get(i);
      List<Signature> overloads = name.kind() == Kind.IDENT ? SIGNATURES.get(name.text()) : null;
      if (overloads == null) {
        throw new Refusal(name.offset(), name.kind() == Kind.IDENT ? "the method " + shorten(name.text()) : construct(t, i),
            "the builder methods are " + String.join(", ", BUILDERS));
      }
      i++;
      expect("(", "a builder method is called with (arguments)");
      List<Arg> kinds = new ArrayList<>();
      List<Token> args = new ArrayList<>();
      if (!t.get(i).is(")")) {
        while (true) {
          args.add(t.get(i));
          kinds.add(argument());
          if (t.get(i).is(",")) {
            i++;
          } else if (t.get(i).is(")")) {
            break;
          } else {
            throw new Refusal(t.get(i).offset(), construct(t, i), ARGUMENT_SHAPE);
          }
        }
      }
      i++;
      String forms = String.join(" or ", overloads.stream().map(Signature::toString).toList());
      List<Signature> fit = overloads.stream().filter(s -> s.fits(kinds.size())).toList();
      if (fit.isEmpty()) {
        throw new Refusal(name.offset(), name.text() + " with " + kinds.size() + (kinds.size() == 1 ? " argument" : " arguments"), forms);
      }
      String mismatch = null;
      int mismatchAt = name.offset();
      for (Signature s : fit) {
        String bad = null;
        for (int k = 0; k < kinds.size() && bad == null; k++) {
          if (!accepts(s.at(k), kinds.get(k))) {
            bad = kindName(kinds.get(k)) + " as argument " + (k + 1) + " of " + name.text();
            if (mismatch == null) mismatchAt = args.get(k).offset();
          }
        }
        if (bad == null) return;
        if (mismatch == null) mismatch = bad;
      }
      throw new Refusal(mismatchAt, mismatch, forms);
    }

    /** The kind of one argument: a literal or a bound variable; anything else is refused. */
    private Arg argument() throws Refusal {
      Token k = t.get(i);
      if (k.kind() == Kind.STRING) {
        i++;
        return Arg.STRING;
      }
      boolean negative = k.is("-") && t.get(i + 1).kind() == Kind.NUMBER;
      if (negative || k.kind() == Kind.NUMBER) {
        Token num = negative ? t.get(i + 1) : k;
        Number v = number(num, negative);
        i += negative ? 2 : 1;
        return v instanceof Integer ? Arg.INT : v instanceof Long ? Arg.LONG : Arg.DOUBLE;
      }
      if (k.is("true") || k.is("false")) {
        i++;
        return Arg.LITERAL;
      }
      if (k.is("null")) throw new Refusal(k.offset(), "null", ARGUMENT_SHAPE + " (no builder method gives null a meaning)");
      if (k.kind() == Kind.IDENT && bindings.containsKey(k.text()) && !t.get(i + 1).is(".") && !t.get(i + 1).is("(")) {
        i++;
        if (bindings.get(k.text()) == Assessment.class) return Arg.ASSESSMENT;
        throw new Refusal(k.offset(), "the variable " + k.text() + " (" + article(bindings.get(k.text())) + ")",
            "a variable is passed only to given(...), bound to an Assessment");
      }
      throw new Refusal(k.offset(), construct(t, i), ARGUMENT_SHAPE);
    }

    private static String kindName(Arg a) {
      return switch (a) {
        case STRING -> "a string";
        case INT, LONG -> "a whole number";
        case DOUBLE -> "a decimal number";
        case LITERAL -> "true or false";
        case ASSESSMENT -> "an Assessment variable";
        default -> a.what;
      };
    }

    /** Whether an argument of kind {@code given} fits a parameter of kind {@code wanted}, as javac would take it. */
    private static boolean accepts(Arg wanted, Arg given) {
      return switch (wanted) {
        case STRING -> given == Arg.STRING;
        case NUMBER, DOUBLE -> given == Arg.INT || given == Arg.LONG || given == Arg.DOUBLE;
        case INT -> given == Arg.INT;
        case LONG -> given == Arg.INT || given == Arg.LONG;
        case LITERAL -> given != Arg.ASSESSMENT;
        case ASSESSMENT -> given == Arg.ASSESSMENT;
      };
    }
  }
}
