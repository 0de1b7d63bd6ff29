package dev.kdpc.rules;

import dev.kdpc.rules.RulesException.Problem;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotatedBaseDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.EvalDescr;
import org.drools.drl.ast.descr.ExistsDescr;
import org.drools.drl.ast.descr.ExprConstraintDescr;
import org.drools.drl.ast.descr.ForallDescr;
import org.drools.drl.ast.descr.FromDescr;
import org.drools.drl.ast.descr.AndDescr;
import org.drools.drl.ast.descr.GroupByDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.NotDescr;
import org.drools.drl.ast.descr.OrDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;

/**
 * A static allow-list check of DRL, run on a rules folder given with {@code --rules} before it is
 * compiled. <b>Rules are code</b>: a DRL file can run any Java, in its consequences, in its
 * constraints and even in its metadata (Drools evaluates an annotation value such as
 * {@code @note(...)} as an MVEL expression while compiling). There is no Drools sandbox. This check
 * narrows what a folder can say to what kdpc's own rules say; it is defence in depth for a folder
 * you half trust, not a sandbox: run a folder from someone you do not trust in an isolated process.
 *
 * <p>What passes, checked on the parse tree of each file (Drools' own {@link DrlParser}):
 * <ul>
 *   <li>a package named {@code kdpc.rules.*};
 *   <li>imports of named classes only: kdpc's facts ({@link Assessment}, {@link ServiceFact},
 *       {@link CompanyFact}, {@link EvaluationContext}), the records and enums of
 *       {@code dev.kdpc.profile} and {@code dev.kdpc.report}, and {@code java.time.LocalDate};
 *   <li>no {@code function}, {@code global}, {@code declare}, {@code import function},
 *       {@code import accumulate}, {@code unit}, {@code eval}, {@code from <expression>}, entry points,
 *       windows, group-by or inline (code) accumulate; {@code accumulate} and {@code collect} over
 *       patterns with the built-in functions are fine;
 *   <li>no {@code dialect "mvel"} (the Java dialect is statically typed); rule attributes only with
 *       literal values ({@code salience 10}, {@code no-loop}, {@code agenda-group "x"}...), no
 *       {@code timer}, {@code calendars} or {@code duration};
 *   <li>metadata values are literals ({@code @id("X")}, not {@code @id(someCall())});
 *   <li>in constraints and consequences: type names only of the allowed classes and of
 *       {@code String}, {@code Integer}, {@code Long}, {@code Double}, {@code Boolean},
 *       {@code Number} and {@code Math}; no fully qualified names ({@code java.nio.file.Files});
 *       method calls only by names that the allowed classes declare (so {@code insert},
 *       {@code atLeast}, {@code getProfile}, {@code equals}, but not {@code exec},
 *       {@code writeString}, {@code getClass} or {@code forName}); no {@code .class}, no
 *       reflection or class-loader names, no unicode escapes ({@code \}{@code u0052untime}).
 * </ul>
 * Each problem is reported as {@code file:line: rule 'name': what}.
 */
public final class DrlAllowList {
  private DrlAllowList() {}

  /** The package every checked file must declare (or a package below it). */
  static final String PACKAGE_PREFIX = "kdpc.rules.";

  /** kdpc's fact and DSL classes a rule may import. */
  static final List<Class<?>> FACTS = List.of(Assessment.class, ServiceFact.class, CompanyFact.class, EvaluationContext.class);

  /** Packages whose records and enums a rule may import. */
  static final List<String> VALUE_PACKAGES = List.of("dev.kdpc.profile", "dev.kdpc.report");

  /** Classes of java.lang usable by their simple name. */
  static final List<Class<?>> LANG = List.of(String.class, Integer.class, Long.class, Double.class, Boolean.class, Number.class, Math.class);

  /** Other classes a rule may import. */
  static final List<Class<?>> OTHER = List.of(LocalDate.class);

  /** Read-only collection methods (facts hand out lists, e.g. {@code tests}). */
  static final Set<String> COLLECTION_CALLS = Set.of("size", "isEmpty", "contains", "containsKey", "get", "getOrDefault");

  /** Calls a consequence may make without a receiver. */
  static final Set<String> BARE_CALLS = Set.of("insert", "insertLogical", "update", "delete", "retract");

  /** Names that lead to reflection, class loading or process control, refused wherever they appear. */
  static final Set<String> DENIED_NAMES = Set.of(
      "class", "getClass", "classLoader", "getClassLoader", "declaringClass", "getDeclaringClass", "module",
      "getModule", "forName", "loadClass", "invoke", "invokeExact", "newInstance", "setAccessible", "getRuntime",
      "runtime", "exec", "exit", "halt", "eval", "def", "function", "import", "package", "native", "synchronized",
      "Class", "ClassLoader", "Runtime", "ProcessBuilder", "Thread", "System", "Module", "Unsafe");

  /** Java keywords and literals that may appear in code. */
  static final Set<String> KEYWORDS = Set.of(
      "new", "return", "if", "else", "for", "while", "do", "switch", "case", "default", "break", "continue", "true",
      "false", "null", "var", "final", "instanceof", "this", "int", "long", "double", "boolean", "char", "byte",
      "short", "float", "void", "modify", "not", "in", "matches", "contains", "memberOf", "soundslike", "str",
      "excludes", "after", "before", "coincides", "during", "finishes", "includes", "meets", "overlaps", "starts");

  private static final Set<String> ATTRIBUTES = Set.of(
      "salience", "no-loop", "lock-on-active", "agenda-group", "activation-group", "ruleflow-group", "date-effective",
      "date-expires", "auto-focus", "enabled", "dialect");

  private static final Pattern STRING_LITERAL = Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"");
  private static final Pattern LITERAL = Pattern.compile("\"(?:[^\"\\\\\\r\\n]|\\\\.)*\"|-?[0-9]+(?:\\.[0-9]+)?|true|false");
  private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average", "collectList", "collectSet");

  private static final Set<String> METHODS = allowedMethodNames();

  /** Checks {@code source}; returns every problem found (empty when the folder passes), sorted by file and line. */
  public static List<Problem> check(RuleSource source) {
    List<Problem> all = new ArrayList<>();
    all.addAll(run(source, all));
    return sorted(all);
  }

  /** Checks {@code source} and throws {@link RulesException} naming every problem when it does not pass. */
  public static void require(RuleSource source) {
    List<Problem> unparsed = new ArrayList<>();
    List<Problem> refused = run(source, unparsed);
    if (refused.isEmpty() && !unparsed.isEmpty()) throw new RulesException(source.name(), sorted(unparsed));
    if (!refused.isEmpty()) {
      List<Problem> all = new ArrayList<>(unparsed);
      all.addAll(refused);
      throw new RulesException(source.name(), sorted(all),
          "rules are code and kdpc has no sandbox, so a folder given with --rules must pass an allow-list check;"
              + " pass --trust-rules to skip it for a folder you trust like kdpc itself");
    }
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(new LinkedHashSet<>(problems));
    out.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return out;
  }

  /** Adds the files that cannot be parsed to {@code unparsed}; returns what the allow-list refuses in the others. */
  private static List<Problem> run(RuleSource source, List<Problem> unparsed) {
    Set<String> types = new TreeSet<>();
    for (Class<?> c : LANG) types.add(c.getSimpleName());
    List<Problem> problems = new ArrayList<>();
    List<Map.Entry<String, PackageDescr>> parsed = new ArrayList<>();
    for (Map.Entry<String, String> f : source.files().entrySet()) {
      PackageDescr pkg = parse(f.getKey(), f.getValue(), unparsed);
      if (pkg == null) continue;
      parsed.add(Map.entry(f.getKey(), pkg));
      for (ImportDescr i : pkg.getImports()) {
        Class<?> c = importable(i.getTarget());
        if (c != null) types.add(c.getSimpleName());
      }
    }
    for (Map.Entry<String, PackageDescr> e : parsed) {
      new FileCheck(e.getKey(), source.files().get(e.getKey()), e.getValue(), types, problems).run();
    }
    return problems;
  }

  private static PackageDescr parse(String file, String text, List<Problem> problems) {
    DrlParser parser = new DrlParser();
    PackageDescr pkg;
    try {
      pkg = parser.parse(false, text);
    } catch (DroolsParserException e) {
      problems.add(new Problem(file, 0, "cannot be parsed: " + RulesException.clean(e.getMessage())));
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

  /** The class an import names when the allow-list accepts it, else null. */
  static Class<?> importable(String target) {
    if (target == null || target.endsWith(".*")) return null;
    for (Class<?> c : FACTS) if (c.getName().equals(target)) return c;
    for (Class<?> c : OTHER) if (c.getName().equals(target)) return c;
    int dot = target.lastIndexOf('.');
    if (dot < 0 || !VALUE_PACKAGES.contains(target.substring(0, dot))) return null;
    try {
      Class<?> c = Class.forName(target, false, DrlAllowList.class.getClassLoader());
      return (c.isRecord() || c.isEnum()) && Modifier.isPublic(c.getModifiers()) ? c : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  /**
   * Method names a rule may call: the public methods of kdpc's facts, of the records and enums they
   * lead to, of {@link LocalDate} and of the java.lang classes above, less those that return or take
   * classes, class loaders or reflection types.
   */
  private static Set<String> allowedMethodNames() {
    Set<String> names = new HashSet<>(BARE_CALLS);
    names.remove("delete"); // drools.delete(...) is never needed, java.io.File.delete() must not pass by name
    names.addAll(COLLECTION_CALLS);
    Deque<Class<?>> todo = new ArrayDeque<>();
    todo.addAll(FACTS);
    todo.addAll(LANG);
    todo.addAll(OTHER);
    Set<Class<?>> seen = new HashSet<>();
    while (!todo.isEmpty()) {
      Class<?> c = todo.pop();
      if (!seen.add(c)) continue;
      for (Method m : c.getMethods()) {
        if (!safe(m)) continue;
        names.add(m.getName());
        for (Class<?> next : reachable(m.getGenericReturnType())) todo.add(next);
      }
    }
    names.removeAll(DENIED_NAMES);
    return Set.copyOf(names);
  }

  private static boolean safe(Method m) {
    if (DENIED_NAMES.contains(m.getName())) return false;
    if (m.getDeclaringClass() == Object.class && !Set.of("equals", "toString", "hashCode").contains(m.getName())) return false;
    if (dangerous(m.getReturnType()) || m.getReturnType().getName().startsWith("org.")) return false;
    for (Class<?> p : m.getParameterTypes()) if (dangerous(p)) return false;
    // Also refused: reading system properties (Integer.getInteger...) and what makes results depend on
    // the clock or chance rather than on the profile and the evaluation date.
    return !Set.of("describeConstable", "resolveConstantDesc", "getDeclaringClass", "getInteger", "getLong", "getBoolean",
        "now", "random").contains(m.getName());
  }

  private static boolean dangerous(Class<?> c) {
    String n = c.getName();
    return c == Class.class || c == ClassLoader.class || c == Module.class || c == Thread.class || c == Runtime.class
        || n.startsWith("java.lang.reflect.") || n.startsWith("java.lang.invoke.") || n.startsWith("java.io.")
        || n.startsWith("java.nio.") || n.startsWith("java.net.");
  }

  /** kdpc value types (and LocalDate) a return type leads to, looking inside List, Set and Map type arguments. */
  private static List<Class<?>> reachable(Type t) {
    List<Class<?>> out = new ArrayList<>();
    if (t instanceof ParameterizedType p) {
      if (p.getRawType() instanceof Class<?> raw && (Collection.class.isAssignableFrom(raw) || Map.class.isAssignableFrom(raw))) {
        for (Type a : p.getActualTypeArguments()) out.addAll(reachable(a));
      }
    } else if (t instanceof Class<?> c) {
      if (c.getPackage() != null && VALUE_PACKAGES.contains(c.getPackageName())) out.add(c);
      if (c == LocalDate.class) out.add(c);
    }
    return out;
  }

  static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").strip();
  }

  /** The check of one parsed file. */
  private static final class FileCheck {
    private final String file;
    private final String text;
    private final PackageDescr pkg;
    private final Set<String> types;
    private final List<Problem> problems;
    private String rule = null;

    FileCheck(String file, String text, PackageDescr pkg, Set<String> types, List<Problem> problems) {
      this.file = file;
      this.text = text;
      this.pkg = pkg;
      this.types = types;
      this.problems = problems;
    }

    private void problem(int line, String what) {
      problems.add(new Problem(file, Math.max(line, 0), (rule == null ? "" : "rule '" + rule + "': ") + what));
    }

    void run() {
      if (pkg.getName() == null || !(pkg.getName() + ".").startsWith(PACKAGE_PREFIX) || pkg.getName().equals("kdpc.rules")) {
        problem(pkg.getLine() > 0 ? pkg.getLine() : 1, "the package must be named " + PACKAGE_PREFIX + "<regime>, not '" + pkg.getName() + "'");
      }
      for (ImportDescr i : pkg.getImports()) {
        if (importable(i.getTarget()) == null) {
          problem(i.getLine(), "import " + i.getTarget() + " is not allowed (import kdpc's facts by name: "
              + String.join(", ", FACTS.stream().map(Class::getName).toList()) + ", or records and enums of dev.kdpc.profile and dev.kdpc.report)");
        }
      }
      for (var f : pkg.getFunctions()) problem(f.getLine(), "'function " + f.getName() + "' is not allowed: functions are arbitrary code");
      for (var g : pkg.getGlobals()) problem(g.getLine(), "'global " + g.getIdentifier() + "' is not allowed");
      for (var t : pkg.getTypeDeclarations()) problem(t.getLine(), "'declare " + t.getTypeName() + "' is not allowed");
      for (var t : pkg.getEnumDeclarations()) problem(t.getLine(), "'declare enum " + t.getTypeName() + "' is not allowed");
      for (var t : pkg.getWindowDeclarations()) problem(t.getLine(), "'declare window' is not allowed");
      for (var t : pkg.getEntryPointDeclarations()) problem(t.getLine(), "'declare entry-point' is not allowed");
      for (var t : pkg.getFunctionImports()) problem(t.getLine(), "'import function " + t.getTarget() + "' is not allowed");
      for (var t : pkg.getAccumulateImports()) problem(t.getLine(), "'import accumulate " + t.getTarget() + "' is not allowed");
      if (pkg.getUnit() != null) problem(pkg.getUnit().getLine(), "'unit' is not allowed");
      for (AttributeDescr a : pkg.getAttributes()) attribute(a);
      for (RuleDescr r : pkg.getRules()) {
        rule = r.getName();
        annotations(r);
        for (AttributeDescr a : r.getAttributes().values()) attribute(a);
        lhs(r.getLhs());
        if (r.getConsequence() != null) code(String.valueOf(r.getConsequence()), r.getConsequenceLine(), true);
        for (Map.Entry<String, Object> named : r.getNamedConsequences().entrySet()) {
          code(String.valueOf(named.getValue()), r.getConsequenceLine(), true);
        }
        rule = null;
      }
    }

    private void attribute(AttributeDescr a) {
      String name = a.getName();
      String value = a.getValue() == null ? "" : a.getValue().strip();
      if (!ATTRIBUTES.contains(name)) {
        problem(a.getLine(), "the attribute '" + name + "' is not allowed");
      } else if (name.equals("dialect")) {
        if (!AnnotationDescr.unquote(value).equals("java")) {
          problem(a.getLine(), "dialect \"" + AnnotationDescr.unquote(value) + "\" is not allowed; use the Java dialect");
        }
      } else if (name.equals("salience")) {
        if (!value.matches("-?[0-9]+")) problem(a.getLine(), "salience must be a whole number, not '" + value + "'");
      } else if (Set.of("no-loop", "lock-on-active", "auto-focus", "enabled").contains(name)) {
        if (!value.isEmpty() && !value.equals("true") && !value.equals("false")) problem(a.getLine(), name + " must be true or false, not '" + value + "'");
      } else if (!value.isEmpty() && !STRING_LITERAL.matcher(value).matches() && !value.matches("[A-Za-z0-9_ .:/-]+")) {
        problem(a.getLine(), name + " must be a plain text value, not '" + value + "'");
      }
    }

    /** Drools evaluates each metadata value as an MVEL expression while compiling: only literals pass. */
    private void annotations(AnnotatedBaseDescr d) {
      for (AnnotationDescr a : d.getAnnotations()) {
        if (a.getFullyQualifiedName() != null && !a.getFullyQualifiedName().equals(a.getName())) {
          problem(a.getLine() > 0 ? a.getLine() : d.getLine(), "the annotation @" + a.getName() + " names a class; only metadata like @id(\"...\") is allowed");
        }
        for (Object v : a.getValueMap().values()) {
          List<Object> values = v instanceof Object[] arr ? List.of(arr) : java.util.Collections.singletonList(v);
          for (Object one : values) {
            String s = one == null ? "" : String.valueOf(one).strip();
            if (!s.isEmpty() && !LITERAL.matcher(s).matches()) {
              problem(a.getLine() > 0 ? a.getLine() : d.getLine(),
                  "the value of @" + a.getName() + " must be a literal such as \"text\", not an expression (Drools would run it while compiling): " + shorten(s));
            }
          }
        }
      }
    }

    private void lhs(BaseDescr d) {
      if (d == null) return;
      if (d instanceof PatternDescr p) {
        pattern(p);
      } else if (d instanceof EvalDescr e) {
        problem(e.getLine(), "'eval' is not allowed: write the test as a constraint of a pattern");
      } else if (d instanceof AndDescr || d instanceof OrDescr || d instanceof NotDescr || d instanceof ExistsDescr || d instanceof ForallDescr) {
        for (BaseDescr c : ((ConditionalElementDescr) d).getDescrs()) lhs(c);
      } else {
        problem(d.getLine(), "the construct " + d.getClass().getSimpleName().replace("Descr", "") + " is not allowed in a condition");
      }
    }

    private void pattern(PatternDescr p) {
      annotationsOfPattern(p);
      String type = p.getObjectType();
      if (type == null || !types.contains(type)) {
        problem(p.getLine(), "pattern type '" + type + "' is not allowed (use kdpc's facts: ServiceFact, CompanyFact, Assessment, EvaluationContext)");
      }
      for (BaseDescr c : p.getDescrs()) {
        if (c instanceof ExprConstraintDescr e) {
          code(e.getExpression(), e.getLine(), false);
        } else {
          problem(c.getLine() > 0 ? c.getLine() : p.getLine(), "the constraint " + shorten(String.valueOf(c)) + " is not allowed");
        }
      }
      PatternSourceDescr src = p.getSource();
      if (src == null) return;
      if (src instanceof GroupByDescr) {
        problem(src.getLine(), "'groupby' is not allowed");
      } else if (src instanceof AccumulateDescr acc) {
        if (acc.getInitCode() != null || acc.getActionCode() != null || acc.getReverseCode() != null || acc.getResultCode() != null || !acc.isExternalFunction()) {
          problem(acc.getLine(), "inline 'accumulate' code (init/action/result) is not allowed; use count, sum, min, max, average, collectList or collectSet");
        }
        for (AccumulateDescr.AccumulateFunctionCallDescr f : acc.getFunctions()) {
          if (!ACCUMULATE_FUNCTIONS.contains(f.getFunction())) problem(acc.getLine(), "the accumulate function '" + f.getFunction() + "' is not allowed");
          for (String param : f.getParams()) code(param, acc.getLine(), false);
        }
        for (BaseDescr in : acc.getDescrs()) lhs(in);
      } else if (src instanceof CollectDescr col) {
        for (BaseDescr in : col.getDescrs()) lhs(in);
      } else if (src instanceof FromDescr from) {
        problem(src.getLine() > 0 ? src.getLine() : p.getLine(), "'from " + shorten(oneLine(from.getExpression())) + "' is not allowed: match kdpc's facts directly");
      } else {
        problem(src.getLine() > 0 ? src.getLine() : p.getLine(), "the pattern source " + src.getClass().getSimpleName().replace("Descr", "") + " is not allowed");
      }
    }

    private void annotationsOfPattern(PatternDescr p) {
      for (AnnotationDescr a : p.getAnnotations()) {
        problem(p.getLine(), "the pattern annotation @" + a.getName() + " is not allowed");
      }
      if (!p.getBehaviors().isEmpty()) problem(p.getLine(), "'over window' is not allowed");
    }

    /**
     * Checks a piece of Java or MVEL code (a consequence or a constraint) token by token. {@code line}
     * is where it starts in the file; positions inside follow its line breaks.
     */
    private void code(String code, int line, boolean consequence) {
      if (code == null) return;
      int base = line;
      if (consequence) {
        // The parser gives the 'then' line and trims the text: find where the text really starts.
        int from = offsetOfLine(Math.max(1, line));
        int at = from < 0 ? -1 : text.indexOf(code.strip(), from);
        if (at >= 0) base = lineOf(at);
      }
      if (code.contains("\\u")) {
        problem(base + count(code, code.indexOf("\\u")), "unicode escapes (\\u...) are not allowed in rule code: write the character itself");
      }
      List<Token> tokens = tokens(code);
      Set<String> locals = new HashSet<>();
      for (int i = 0; i < tokens.size(); i++) {
        Token t = tokens.get(i);
        if (t.kind != Kind.IDENT) continue;
        Token prev = i > 0 ? tokens.get(i - 1) : null;
        Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
        int at = base + count(code, t.offset);
        String name = t.text;
        boolean member = prev != null && (prev.is(".") || prev.is("::") || prev.is("#"));
        boolean call = next != null && next.is("(");
        if (DENIED_NAMES.contains(name)) {
          problem(at, "'" + name + "' is not allowed (reflection, class loading or process control)");
          continue;
        }
        if (name.startsWith("$") || KEYWORDS.contains(name)) continue;
        if (!member && Character.isUpperCase(name.charAt(0))) {
          if (!types.contains(name)) problem(at, "the type '" + name + "' is not allowed");
          if (next != null && next.kind == Kind.IDENT && !call) locals.add(next.text);
          continue;
        }
        if (member && Character.isUpperCase(name.charAt(0)) && prev.is(".")) {
          String chain = qualifiedChain(tokens, i);
          if (chain != null && !locals.contains(chain.substring(0, chain.indexOf('.'))) && !chain.startsWith("kcontext.") && !chain.startsWith("drools.")) {
            problem(at, "the fully qualified name '" + chain + "' is not allowed: import the class (if it is allowed) instead");
          }
          continue;
        }
        if (call && !(prev != null && prev.is("new"))) {
          boolean ok = member ? METHODS.contains(name) : consequence ? BARE_CALLS.contains(name) : METHODS.contains(name);
          if (!ok) problem(at, "the call '" + name + "(...)' is not allowed");
        } else if (prev != null && prev.is("::") && !METHODS.contains(name) && !name.equals("new")) {
          problem(at, "the method reference '::" + name + "' is not allowed");
        }
      }
    }

    /** For the identifier at {@code i} preceded by a dot: the dotted chain of plain identifiers it ends, or null when the chain has calls. */
    private static String qualifiedChain(List<Token> tokens, int i) {
      StringBuilder b = new StringBuilder(tokens.get(i).text);
      int j = i - 1;
      while (j >= 1 && tokens.get(j).is(".") && tokens.get(j - 1).kind == Kind.IDENT) {
        b.insert(0, tokens.get(j - 1).text + ".");
        j -= 2;
      }
      if (j >= 0 && (tokens.get(j).is(".") || tokens.get(j).is(")") || tokens.get(j).is("]"))) return null;
      String head = b.substring(0, b.indexOf("."));
      if (head.startsWith("$") || Character.isUpperCase(head.charAt(0))) return null;
      return b.toString();
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

    private int lineOf(int offset) {
      return 1 + count(text, offset);
    }

    private static int count(String s, int upTo) {
      int n = 0;
      for (int i = 0; i < Math.min(upTo, s.length()); i++) if (s.charAt(i) == '\n') n++;
      return n;
    }
  }

  static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 77) + "...";
  }

  // ---------------------------------------------------------------------------------------------
  // A small tokenizer for Java and MVEL: identifiers, punctuation; strings, characters and comments skipped.

  enum Kind { IDENT, PUNCT }

  record Token(Kind kind, String text, int offset) {
    boolean is(String s) {
      return kind == Kind.PUNCT && text.equals(s) || kind == Kind.IDENT && text.equals(s);
    }
  }

  static List<Token> tokens(String s) {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int n = s.length();
    while (i < n) {
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '/') {
        while (i < n && s.charAt(i) != '\n') i++;
      } else if (c == '/' && i + 1 < n && s.charAt(i + 1) == '*') {
        int end = s.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if (c == '"' && s.startsWith("\"\"\"", i)) {
        int end = s.indexOf("\"\"\"", i + 3);
        i = end < 0 ? n : end + 3;
      } else if (c == '"' || c == '\'') {
        i++;
        while (i < n && s.charAt(i) != c) i += s.charAt(i) == '\\' ? 2 : 1;
        i++;
      } else if (Character.isJavaIdentifierStart(c)) {
        int start = i;
        while (i < n && Character.isJavaIdentifierPart(s.charAt(i))) i++;
        out.add(new Token(Kind.IDENT, s.substring(start, i), start));
      } else if (Character.isDigit(c)) {
        while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '.'
            && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) i++;
      } else if (c == ':' && i + 1 < n && s.charAt(i + 1) == ':') {
        out.add(new Token(Kind.PUNCT, "::", i));
        i += 2;
      } else {
        out.add(new Token(Kind.PUNCT, String.valueOf(c), i));
        i++;
      }
    }
    return out;
  }
}
