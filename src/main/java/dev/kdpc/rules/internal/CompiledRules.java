package dev.kdpc.rules.internal;

import dev.kdpc.report.Citation;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Status;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleCatalogue;
import dev.kdpc.rules.RuleInfo;
import dev.kdpc.rules.RuleSource;
import dev.kdpc.rules.RulesException;
import dev.kdpc.rules.RulesException.Problem;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.drools.base.definitions.rule.impl.RuleImpl;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.io.ResourceType;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.io.ResourceFactory;

/**
 * A rules folder compiled once into packages, with its catalogue; each selection of rules (see
 * {@link #select}) evaluates in a shared, thread-safe {@link KieBase} of its own. Every problem (a DRL
 * error, missing metadata, a duplicate id, an unknown regime) fails the whole load: nothing is ever
 * evaluated with some rules silently missing.
 */
public final class CompiledRules {
  /** Metadata every rule must carry, after inheriting what its regime declares. */
  static final List<String> REQUIRED = List.of("id", "regime", "kind", "title", "law", "law_ko", "article", "source");
  /** Metadata every regime declaration must carry. */
  static final List<String> REGIME_REQUIRED = List.of("regime", "title", "law", "law_ko", "source", "timeline");
  /** Metadata a rule inherits from its regime when it does not state it. */
  static final List<String> INHERITED = List.of("law", "law_ko", "source");

  private static final Pattern RULE_LINE = Pattern.compile("^\\s*rule\\s+(?:\"([^\"]+)\"|'([^']+)'|(\\S+))");

  private final RuleCatalogue catalogue;
  private final Map<String, RuleInfo> byRuleKey;
  private final boolean fromCache;
  /** New copies of the compiled packages, for each KieBase (a KieBase takes its packages' rules over). */
  private final Supplier<Collection<KiePackage>> fresh;
  /** The packages the catalogue was read from, until the first KieBase takes them (saves one copy). */
  private Collection<KiePackage> unused;
  /** A KieBase per set of rules asked for, most recently used last; see {@link #select}. */
  private final Map<Ids, java.util.concurrent.CompletableFuture<Selected>> selected = new LinkedHashMap<>(16, 0.75f, true);

  /** KieBases kept at most (one per distinct selection: scenario, date range, regimes picked by name). */
  static final int MAX_KIE_BASES = 8;

  private CompiledRules(RuleCatalogue catalogue, Map<String, RuleInfo> byRuleKey, boolean fromCache,
      Collection<KiePackage> packages, Supplier<Collection<KiePackage>> fresh) {
    this.catalogue = catalogue;
    this.byRuleKey = byRuleKey;
    this.fromCache = fromCache;
    this.unused = packages;
    this.fresh = fresh;
  }

  /**
   * The rules of a selection in a KieBase of their own, with a pool of sessions on it.
   *
   * <p>A KieBase holds only the rules a selection evaluates (the as-of date, the scenario, the regimes
   * picked by name): a rule left out is never matched, whereas one filtered out when it fires has been
   * matched, queued and refused for every profile (how many rules a scenario leaves out: bench/README.md).
   * Thread-safe.
   */
  public static final class Selected {
    private final KieBase kieBase;
    private final Map<Rule, RuleInfo> byRule = new java.util.IdentityHashMap<>();
    private final org.kie.api.runtime.KieSessionsPool pool;

    private Selected(KieBase kieBase, Map<String, RuleInfo> byRuleKey) {
      this.kieBase = kieBase;
      for (KiePackage p : kieBase.getKiePackages()) {
        for (Rule r : p.getRules()) byRule.put(r, byRuleKey.get(key(r)));
      }
      // Sessions are pooled: a session returned to the pool is reset but keeps its node memories, which
      // a fresh session would build again for every rule on every evaluation.
      this.pool = kieBase.newKieSessionsPool(Runtime.getRuntime().availableProcessors());
    }

    public KieBase kieBase() {
      return kieBase;
    }

    org.kie.api.runtime.KieSessionsPool pool() {
      return pool;
    }

    /** The catalogue entry of a rule of this KieBase. */
    public RuleInfo info(Rule rule) {
      return byRule.get(rule); // asked for every match: an identity look-up
    }

    /**
     * How many evaluations of a new KieBase run one at a time. drools-mvel makes a rule's consequence
     * class the first time the rule fires, and two threads doing so at once can both define it (the
     * loser fails with {@code LinkageError: attempted duplicate class definition}, and the KieBase keeps
     * failing on that rule). Its first evaluations taking turns make the common rules' classes before
     * threads share the KieBase; a rule first fired later, in two threads at once, is the rare case
     * {@code Checker} handles by {@link CompiledRules#evict evicting} the KieBase and evaluating again.
     */
    static final int WARM_UP_EVALUATIONS = 32;

    private final java.util.concurrent.locks.ReentrantLock warmUp = new java.util.concurrent.locks.ReentrantLock();
    private volatile int evaluations;

    /** The lock an evaluation holds while this KieBase is new (see {@link #WARM_UP_EVALUATIONS}), or null. */
    java.util.concurrent.locks.ReentrantLock warmUp() {
      return evaluations < WARM_UP_EVALUATIONS ? warmUp : null;
    }

    /** One evaluation has ended, under the {@link #warmUp()} lock. */
    void warmedOnce() {
      evaluations++;
    }
  }

  /**
   * Forgets the KieBase {@code s} of {@code key}, so the next {@link #select} makes a new one: after
   * Drools failed to make one of its rules' code (see {@link Selected#WARM_UP_EVALUATIONS}).
   */
  public void evict(Ids key, Selected s) {
    synchronized (selected) {
      java.util.concurrent.CompletableFuture<Selected> f = selected.get(key);
      if (f != null && f.isDone() && !f.isCompletedExceptionally() && f.join() == s) selected.remove(key);
    }
  }

  /**
   * The KieBase of exactly the rules in {@code active} (catalogue entries of these rules), made on first
   * use and kept while it is among the {@value #MAX_KIE_BASES} used last.
   */
  public Selected select(Set<RuleInfo> active) {
    return select(ids(active));
  }

  /** The ids of {@code rules}, as {@link #select(Ids)} takes them (work it out once per selection). */
  public static Ids ids(Set<RuleInfo> rules) {
    java.util.SortedSet<String> ids = new java.util.TreeSet<>();
    for (RuleInfo r : rules) ids.add(r.id());
    return new Ids(java.util.Collections.unmodifiableSortedSet(ids));
  }

  /**
   * The ids of a selection's rules, as the key of its KieBase. Its hash is worked out once: a set of
   * 100 ids would otherwise be hashed anew at every evaluation.
   */
  public static final class Ids {
    private final java.util.SortedSet<String> ids;
    private final int hash;

    private Ids(java.util.SortedSet<String> ids) {
      this.ids = ids;
      this.hash = ids.hashCode();
    }

    public java.util.SortedSet<String> ids() {
      return ids;
    }

    @Override
    public boolean equals(Object o) {
      return o == this || o instanceof Ids other && other.hash == hash && other.ids.equals(ids);
    }

    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public String toString() {
      return ids.toString();
    }
  }

  /** As {@link #select(Set)}, for the rules with these ids. */
  public Selected select(Ids key) {
    java.util.SortedSet<String> ids = key.ids();
    java.util.concurrent.CompletableFuture<Selected> mine = null;
    java.util.concurrent.CompletableFuture<Selected> theirs;
    synchronized (selected) { // asked at every evaluation: a look-up, a new entry only the first time
      theirs = selected.get(key);
      if (theirs == null) {
        mine = new java.util.concurrent.CompletableFuture<>();
        selected.put(key, mine);
      }
      if (theirs == null && selected.size() > MAX_KIE_BASES) {
        var eldest = selected.keySet().iterator();
        eldest.next();
        eldest.remove();
      }
    }
    if (theirs != null) { // made, or being made by another thread: wait for it
      try {
        return theirs.join();
      } catch (java.util.concurrent.CompletionException e) {
        if (e.getCause() instanceof RuntimeException r) throw r;
        if (e.getCause() instanceof Error r) throw r;
        throw e;
      }
    }
    try {
      Selected s = withOwnLoader(() -> new Selected(kieBase(ids), byRuleKey));
      mine.complete(s);
      return s;
    } catch (RuntimeException | Error e) {
      synchronized (selected) {
        selected.remove(key, mine);
      }
      mine.completeExceptionally(e);
      throw e;
    }
  }

  /** A KieBase of new package copies from which every rule not named in {@code ids} (and every regime declaration) is removed. */
  private KieBase kieBase(Set<String> ids) {
    Collection<KiePackage> packages;
    synchronized (this) {
      packages = unused;
      unused = null;
    }
    if (packages == null) packages = fresh.get();
    if (packages == null) throw new IllegalStateException("the compiled rules cannot be copied for another KieBase");
    InternalKnowledgeBase kbase = KnowledgeBaseFactory.newKnowledgeBase();
    kbase.addPackages(packages);
    // Removed from the KieBase rather than from the packages beforehand: a package read back from the
    // cache has its consequences wired only when a KieBase takes it, and Drools cannot remove an
    // unwired rule from a package. Removing a rule costs about 0.2 ms.
    for (KiePackage p : kbase.getKiePackages()) {
      for (Rule r : new ArrayList<>(p.getRules())) {
        RuleInfo info = byRuleKey.get(key(r));
        if (info == null || !ids.contains(info.id())) kbase.removeRule(p.getName(), r.getName());
      }
    }
    return kbase;
  }

  /** Whether the packages were read from the rules cache ({@link RulesCache}) rather than compiled from DRL in this run. */
  public boolean fromCache() {
    return fromCache;
  }

  public RuleCatalogue catalogue() {
    return catalogue;
  }

  static String key(Rule rule) {
    return rule.getPackageName() + "/" + rule.getName();
  }

  /** Compiles {@code source}; throws {@link RulesException} listing every problem. */
  public static CompiledRules compile(RuleSource source) {
    return withOwnLoader(() -> {
      Collection<KiePackage> packages = build(source, CompiledRules.class.getClassLoader());
      return assemble(SourceFacts.of(source), packages, false, copies(source, packages));
    });
  }

  /**
   * New copies of freshly compiled {@code packages}, for the KieBases after the first: read back from
   * their serialized form (taken now, before a KieBase takes the packages over), or compiled again when
   * they do not serialize.
   */
  static Supplier<Collection<KiePackage>> copies(RuleSource source, Collection<KiePackage> packages) {
    return copies(source, RulesCache.serialize(packages));
  }

  /** As {@link #copies(RuleSource, Collection)}, from the packages' serialized form already taken (null: none). */
  static Supplier<Collection<KiePackage>> copies(RuleSource source, byte[] payload) {
    if (payload != null) return () -> withOwnLoader(() -> RulesCache.deserialize(payload));
    return () -> withOwnLoader(() -> build(source, CompiledRules.class.getClassLoader()));
  }

  /** Runs {@code body} with kdpc's class loader as the context class loader (Drools looks classes up there). */
  static <T> T withOwnLoader(java.util.function.Supplier<T> body) {
    ClassLoader own = CompiledRules.class.getClassLoader();
    Thread t = Thread.currentThread();
    ClassLoader before = t.getContextClassLoader();
    t.setContextClassLoader(own); // KieServices caches a failed look-up for the whole JVM
    try {
      return body.get();
    } finally {
      t.setContextClassLoader(before);
    }
  }

  /**
   * Compiles the DRL of {@code source} into packages, not yet in a KieBase (the rules cache serializes
   * them as they come out of the builder). Throws {@link RulesException} on a DRL error.
   */
  static java.util.Collection<KiePackage> build(RuleSource source, ClassLoader loader) {
    KnowledgeBuilder kb = KnowledgeBuilderFactory.newKnowledgeBuilder(
        KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration(null, loader));
    for (Map.Entry<String, String> f : source.files().entrySet()) {
      kb.add(ResourceFactory.newByteArrayResource(f.getValue().getBytes(StandardCharsets.UTF_8)).setSourcePath(f.getKey()),
          ResourceType.DRL);
    }
    List<Problem> problems = new ArrayList<>();
    if (kb.hasErrors()) {
      for (KnowledgeBuilderError e : kb.getErrors()) {
        String msg = RulesException.clean(e.getMessage());
        if (msg.startsWith("Parser returned a null Package")) continue;
        String file = e.getResource() == null ? source.name() : e.getResource().getSourcePath();
        int line = RulesException.lineIn(msg, e.getLines() == null || e.getLines().length == 0 ? 0 : e.getLines()[0]);
        problems.add(new Problem(file, line, msg));
      }
      throw new RulesException(source.name(), sorted(problems));
    }
    return new ArrayList<>(kb.getKnowledgePackages());
  }

  /**
   * Puts compiled packages (fresh from {@link #build} or read back from the rules cache) into a KieBase
   * and reads the catalogue from their rules' metadata. Throws {@link RulesException} listing every
   * metadata problem. Call with the context class loader set to kdpc's own.
   */
  static CompiledRules assemble(SourceFacts source, Collection<KiePackage> packages, boolean fromCache,
      Supplier<Collection<KiePackage>> fresh) {
    Map<String, Map<String, Integer>> ruleLines = source.ruleLines();
    List<Problem> problems = new ArrayList<>();

    // Regimes first (rules inherit from them), then rules.
    List<Rule> all = new ArrayList<>();
    for (KiePackage p : packages) all.addAll(p.getRules());
    all.sort(Comparator.comparing(CompiledRules::key));
    Map<String, RegimeInfo> regimes = new LinkedHashMap<>();
    Map<String, Map<String, Object>> regimeMeta = new HashMap<>();
    for (Rule r : all) {
      if (isQuery(r) || !"regime".equals(r.getMetaData().get("kind"))) continue;
      String file = fileOf(r, source);
      int line = ruleLines.getOrDefault(file, Map.of()).getOrDefault(r.getName(), 0);
      RegimeInfo regime = regime(r, file, line, problems);
      if (regime == null) continue;
      if (regimes.containsKey(regime.id())) {
        RegimeInfo first = regimes.get(regime.id());
        problems.add(new Problem(file, line, "regime '" + regime.id() + "' is declared twice (first at " + first.file() + ":" + first.line() + ")"));
        continue;
      }
      regimes.put(regime.id(), regime);
      regimeMeta.put(regime.id(), r.getMetaData());
    }
    Map<String, RuleInfo> rules = new LinkedHashMap<>();
    Map<String, RuleInfo> byKey = new HashMap<>();
    for (Rule r : all) {
      if (isQuery(r) || "regime".equals(r.getMetaData().get("kind"))) continue;
      String file = fileOf(r, source);
      int line = ruleLines.getOrDefault(file, Map.of()).getOrDefault(r.getName(), 0);
      RuleInfo info = rule(r, file, line, regimes, regimeMeta, problems);
      if (info == null) continue;
      RuleInfo first = rules.putIfAbsent(info.id(), info);
      if (first != null) {
        problems.add(new Problem(file, line, "rule id '" + info.id() + "' is used twice (first at " + first.file() + ":" + first.line() + ")"));
        continue;
      }
      byKey.put(key(r), info);
    }
    if (!problems.isEmpty()) throw new RulesException(source.name(), sorted(problems));
    List<RuleInfo> ruleList = new ArrayList<>(rules.values());
    ruleList.sort(Comparator.comparing(RuleInfo::id));
    List<RegimeInfo> regimeList = new ArrayList<>(regimes.values());
    regimeList.sort(Comparator.comparing(RegimeInfo::id));
    return new CompiledRules(new RuleCatalogue(regimeList, ruleList, source.digest()), byKey, fromCache, packages, fresh);
  }

  private static boolean isQuery(Rule r) {
    return r instanceof RuleImpl impl && impl.isQuery();
  }

  /**
   * What the catalogue needs of the DRL text: the source's name, the line where each rule starts in each
   * file, and the digest of the files ({@link RuleSource#digest()}). Worked out from the text, or, for
   * the rules bundled in a jar, read from the index the build wrote (so a cold run reads no DRL).
   */
  record SourceFacts(String name, Map<String, Map<String, Integer>> ruleLines, String digest) {
    static SourceFacts of(RuleSource source) {
      Map<String, Map<String, Integer>> lines = new java.util.TreeMap<>();
      for (Map.Entry<String, String> f : source.files().entrySet()) lines.put(f.getKey(), CompiledRules.ruleLines(f.getValue()));
      return new SourceFacts(source.name(), lines, source.digest());
    }
  }

  private static String fileOf(Rule r, SourceFacts source) {
    if (r instanceof RuleImpl impl && impl.getResource() != null && impl.getResource().getSourcePath() != null) {
      return impl.getResource().getSourcePath();
    }
    return source.name();
  }

  /** The line where each rule of {@code text} starts (the first, for a name given twice), by rule name. */
  static Map<String, Integer> ruleLines(String text) {
    Map<String, Integer> lines = new java.util.TreeMap<>();
    String[] all = text.split("\\R", -1);
    for (int i = 0; i < all.length; i++) {
      Matcher m = RULE_LINE.matcher(all[i]);
      if (m.find()) {
        String name = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3);
        lines.putIfAbsent(name, i + 1);
      }
    }
    return lines;
  }

  private static List<Problem> sorted(List<Problem> problems) {
    List<Problem> out = new ArrayList<>(new java.util.LinkedHashSet<>(problems));
    out.sort(Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
    return out;
  }

  private static String text(Map<String, Object> meta, String key) {
    Object v = meta.get(key);
    if (v == null) return null;
    String s = String.valueOf(v).strip();
    return s.isEmpty() ? null : s;
  }

  private static RegimeInfo regime(Rule r, String file, int line, List<Problem> problems) {
    Map<String, Object> m = r.getMetaData();
    List<String> lacking = REGIME_REQUIRED.stream().filter(k -> text(m, k) == null).toList();
    if (!lacking.isEmpty()) {
      problems.add(new Problem(file, line, "regime declaration '" + r.getName() + "' lacks metadata " + at(lacking)));
      return null;
    }
    List<RegimeInfo.Phase> timeline = new ArrayList<>();
    for (String part : text(m, "timeline").split(";")) {
      String[] words = part.strip().split("\\s+");
      try {
        if (words.length != 2) throw new IllegalArgumentException("each entry reads 'YYYY-MM-DD status'");
        timeline.add(new RegimeInfo.Phase(LocalDate.parse(words[0]), Status.parse(words[1])));
      } catch (DateTimeParseException | IllegalArgumentException e) {
        problems.add(new Problem(file, line, "regime '" + text(m, "regime") + "': bad @timeline entry '" + part.strip() + "': "
            + (e instanceof DateTimeParseException ? "not a date YYYY-MM-DD" : e.getMessage())));
        return null;
      }
    }
    for (int i = 1; i < timeline.size(); i++) {
      if (!timeline.get(i).from().isAfter(timeline.get(i - 1).from())) {
        problems.add(new Problem(file, line, "regime '" + text(m, "regime") + "': @timeline dates must increase"));
        return null;
      }
    }
    return new RegimeInfo(text(m, "regime"), text(m, "title"), text(m, "title_ko"), text(m, "law"), text(m, "law_ko"),
        text(m, "source"), timeline, notes(m), file, line);
  }

  private static RuleInfo rule(Rule r, String file, int line, Map<String, RegimeInfo> regimes,
      Map<String, Map<String, Object>> regimeMeta, List<Problem> problems) {
    Map<String, Object> own = r.getMetaData();
    Map<String, Object> m = new HashMap<>(own);
    String regimeId = text(own, "regime");
    if (regimeId != null && regimeMeta.containsKey(regimeId)) {
      for (String k : INHERITED) if (text(m, k) == null) m.put(k, regimeMeta.get(regimeId).get(k));
    }
    List<String> lacking = REQUIRED.stream().filter(k -> text(m, k) == null).toList();
    if (!lacking.isEmpty()) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "' lacks metadata " + at(lacking)));
      return null;
    }
    if (!regimes.containsKey(regimeId)) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "' names regime '" + regimeId
          + "', which no rule declares (a rule with @kind(\"regime\") and @regime(\"" + regimeId + "\"))"));
      return null;
    }
    Kind kind;
    try {
      kind = Kind.valueOf(text(m, "kind").toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "': @kind must be designation, obligation, eligibility, prohibition or regime, got '" + text(m, "kind") + "'"));
      return null;
    }
    RuleInfo.Designation designation = RuleInfo.Designation.byId(text(m, "designation"));
    if (kind == Kind.DESIGNATION && designation == null) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "': a designation rule needs @designation(\"presumption\") (the law"
          + " presumes the status) or @designation(\"criteria\") (duties attach to whoever meets the criteria), got "
          + (text(m, "designation") == null ? "none" : "'" + text(m, "designation") + "'")));
      return null;
    }
    if (kind != Kind.DESIGNATION && text(m, "designation") != null) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "': @designation is for designation rules only"));
      return null;
    }
    List<String> sweepable = new ArrayList<>();
    if (text(m, "sweepable") != null) {
      if (kind != Kind.DESIGNATION) {
        problems.add(new Problem(file, line, "rule '" + r.getName() + "': @sweepable is for designation rules only"));
        return null;
      }
      for (String part : text(m, "sweepable").split(";", -1)) {
        String path = part.strip();
        if (!SWEEPABLE_PATH.matcher(path).matches() || sweepable.contains(path)) {
          problems.add(new Problem(file, line, "rule '" + r.getName() + "': @sweepable lists the fact paths of the rule's numeric lines,"
              + " separated by semicolons (e.g. @sweepable(\"market.share; company.revenue_krw.korea\")), each once; got '" + part.strip() + "'"));
          return null;
        }
        sweepable.add(path);
      }
    }
    Status status = null;
    LocalDate from = null;
    LocalDate to = null;
    try {
      if (text(m, "status") != null) status = Status.parse(text(m, "status"));
      if (text(m, "valid_from") != null) from = LocalDate.parse(text(m, "valid_from"));
      if (text(m, "valid_to") != null) to = LocalDate.parse(text(m, "valid_to"));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "': " + (e instanceof DateTimeParseException
          ? "@valid_from and @valid_to are dates YYYY-MM-DD" : e.getMessage())));
      return null;
    }
    if (from != null && to != null && to.isBefore(from)) {
      problems.add(new Problem(file, line, "rule '" + r.getName() + "': @valid_to is before @valid_from"));
      return null;
    }
    return new RuleInfo(text(m, "id"), regimeId, kind, text(m, "title"), text(m, "title_ko"),
        new Citation(text(m, "law"), text(m, "law_ko"), text(m, "article"), text(m, "source")),
        status, from, to, notes(m), file, line, designation, sweepable, korean(m));
  }

  /** A fact path as {@code @sweepable} names it: lower-case words joined by dots. */
  private static final Pattern SWEEPABLE_PATH = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*");

  private static List<String> notes(Map<String, Object> m) {
    List<String> notes = new ArrayList<>();
    String confidence = text(m, "confidence");
    if (confidence != null) {
      notes.add("recalled".equals(confidence) || "secondary".equals(confidence) || "press".equals(confidence)
          ? "figure not confirmed in a primary source (" + confidence + ")" : "confidence: " + confidence);
    }
    if (text(m, "variant") != null) notes.add("variant: " + text(m, "variant"));
    if (text(m, "note") != null) notes.add(text(m, "note"));
    return notes;
  }

  /**
   * The Korean of the rule's article, notes and source, keyed by the English text as {@link #notes} writes it: {@code @article_ko},
   * {@code @note_ko}, {@code @variant_ko}, {@code @source_ko} (only for a source with words beside its URLs), and the Korean of the confidence note kdpc writes.
   */
  private static Map<String, String> korean(Map<String, Object> m) {
    Map<String, String> ko = new java.util.HashMap<>();
    if (text(m, "article") != null && text(m, "article_ko") != null) ko.put(text(m, "article"), text(m, "article_ko"));
    if (text(m, "source") != null && text(m, "source_ko") != null) ko.put(text(m, "source"), text(m, "source_ko"));
    if (text(m, "note") != null && text(m, "note_ko") != null) ko.put(text(m, "note"), text(m, "note_ko"));
    if (text(m, "variant") != null && text(m, "variant_ko") != null) ko.put("variant: " + text(m, "variant"), "자료에 따른 차이: " + text(m, "variant_ko"));
    String confidence = text(m, "confidence");
    if (confidence != null) {
      String en = notes(Map.of("confidence", confidence)).get(0);
      ko.put(en, "recalled".equals(confidence) || "secondary".equals(confidence) || "press".equals(confidence)
          ? "1차 자료로 확인되지 않은 수치 (" + switch (confidence) {
            case "recalled" -> "기억에 의존";
            case "secondary" -> "2차 자료";
            default -> "언론 보도";
          } + ")" : "신뢰도: " + confidence);
    }
    return ko;
  }

  private static String at(List<String> keys) {
    return String.join(", ", keys.stream().map(k -> "@" + k).toList());
  }
}
