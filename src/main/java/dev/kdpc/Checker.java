package dev.kdpc;

import dev.kdpc.profile.Profile;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.NearMiss;
import dev.kdpc.report.Notice;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Status;
import dev.kdpc.report.Test;
import dev.kdpc.rules.Assessment;
import dev.kdpc.rules.RuleGrammar;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleCatalogue;
import dev.kdpc.rules.RuleInfo;
import dev.kdpc.rules.RuleSource;
import dev.kdpc.rules.TimeLimitException;
import dev.kdpc.rules.internal.CompiledRules;
import dev.kdpc.rules.internal.Engine;
import dev.kdpc.rules.internal.RulesCache;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The checker: compiles a rules folder once, then evaluates profiles against it. Thread-safe; build one
 * and share it (a compile costs seconds, an evaluation microseconds).
 *
 * <pre>{@code
 * Checker checker = Checker.withBundledRules();
 * Profile profile = new ProfileReader().read(Path.of("samples/portal-search.yaml"));
 * Report report = checker.check(profile, Options.inForce(LocalDate.of(2026, 6, 30)));
 * for (Finding f : report.findings()) System.out.println(f.rule() + " " + f.outcome());
 * }</pre>
 */
public final class Checker {
  /** How long one evaluation of one profile may take unless {@link #withTimeLimit} says otherwise. */
  public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(5);

  /** The longest time limit accepted: an hour. */
  public static final Duration MAX_TIME_LIMIT = Duration.ofHours(1);

  private final CompiledRules rules;
  private final Duration timeLimit;

  private Checker(CompiledRules rules) {
    this(rules, DEFAULT_TIME_LIMIT, new java.util.concurrent.ConcurrentHashMap<>());
  }

  /** {@code selections}: shared by the checkers of one rules set that differ only in their time limit. */
  private Checker(CompiledRules rules, Duration timeLimit, Map<Options, Selection> selections) {
    this.rules = rules;
    this.timeLimit = timeLimit;
    this.selections = selections;
  }

  /**
   * This checker with another time limit per evaluation (the rules are shared, not compiled again).
   * Every evaluation of one profile ({@link #check}, {@link #evaluate}, {@link #evaluateDesignation},
   * {@link #trace}; a what-if or a flip is an evaluation of its own) that runs longer is stopped and
   * throws {@link TimeLimitException}, which names the profile and the rule that was running. The
   * evaluation runs on the caller's thread; a watchdog thread halts it at the limit and, if a rule's
   * consequence ignores that (only a trusted rules folder can hold such a rule), stops the thread with
   * {@code Thread.stop} a grace period later (a tenth of the limit, 50 ms to 1 s); on a JVM without
   * {@code Thread.stop} the evaluation runs on a daemon worker thread that is abandoned instead. The
   * default is {@link #DEFAULT_TIME_LIMIT}; kdpc's own rules take well under a millisecond a profile.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive or above {@link #MAX_TIME_LIMIT}
   */
  public Checker withTimeLimit(Duration limit) {
    if (limit == null || limit.isNegative() || limit.isZero() || limit.compareTo(MAX_TIME_LIMIT) > 0) {
      throw new IllegalArgumentException("the time limit must be above 0 and at most " + MAX_TIME_LIMIT.toSeconds() + " s, not " + limit);
    }
    return limit.equals(timeLimit) ? this : new Checker(rules, limit, selections);
  }

  /** The time limit of one evaluation. */
  public Duration timeLimit() {
    return timeLimit;
  }

  /** A checker with the rules bundled in kdpc (loaded from their build-time compiled form when it matches them). */
  public static Checker withBundledRules() {
    return new Checker(RulesCache.bundled());
  }

  /**
   * A checker with the rules of {@code dir} (e.g. a legal team's edited copy of {@code rules/}), after
   * the check of {@link RuleGrammar}: rules are code, and this refuses a folder whose files do not have
   * the shape of kdpc's own rules, before anything of it is compiled or taken from the rules cache. The
   * compiled rules are cached in the user's cache directory, keyed by the rules' content, and so is the
   * grammar's verdict on exactly this content (see {@link RulesCache}; {@code -Dkdpc.cache=off} turns both
   * off): an unchanged folder is neither checked nor compiled again.
   */
  public static Checker withRules(Path dir) {
    RuleSource source = RuleSource.folder(dir);
    if (!RulesCache.allowedBefore(source)) {
      RuleGrammar.require(source);
      RulesCache.rememberAllowed(source);
    }
    return new Checker(RulesCache.folder(source));
  }

  /**
   * A checker with the rules of {@code dir}, without the grammar check: for a folder you trust as you
   * trust kdpc, since its rules run as code with the rights of the process (cached as {@link #withRules(Path)}).
   */
  public static Checker withTrustedRules(Path dir) {
    return new Checker(RulesCache.folder(RuleSource.folder(dir)));
  }

  /** A checker with rules already read into memory, after the check of {@link RuleGrammar} (as {@link #withRules(Path)}, uncached). */
  public static Checker withRules(RuleSource source) {
    RuleGrammar.require(source);
    return new Checker(CompiledRules.compile(source));
  }

  /** A checker with rules already read into memory that you trust as code: no grammar check (uncached). */
  public static Checker withTrustedRules(RuleSource source) {
    return new Checker(CompiledRules.compile(source));
  }

  public RuleCatalogue catalogue() {
    return rules.catalogue();
  }

  /** Evaluates one profile. */
  public Report check(Profile profile, Options options) {
    return check(List.of(profile), options);
  }

  /** Evaluates several profiles into one report, in the order given. */
  public Report check(List<Profile> profiles, Options options) {
    Selection sel = select(options);
    List<ProfileReport> out = new ArrayList<>();
    for (Profile p : profiles) out.add(evaluate(p, sel));
    return report(options, sel, out);
  }

  /** Evaluates one profile into its part of a report (for callers that stream many profiles). */
  public ProfileReport evaluate(Profile profile, Options options) {
    return evaluate(profile, select(options));
  }

  /**
   * Evaluates one profile with a line of one or more designation rules set to another value (a sweep of
   * {@code kdpc impact}). Each rule {@code override} names must exist, be a designation rule and declare
   * the fact {@code @sweepable}; otherwise this throws {@link InputException}.
   */
  public ProfileReport evaluate(Profile profile, Options options, dev.kdpc.rules.LineOverride override) {
    requireSweepable(override);
    return evaluate(profile, select(options), null, override);
  }

  /** Throws {@link InputException} unless every rule {@code override} names declares its fact {@code @sweepable}. */
  public void requireSweepable(dev.kdpc.rules.LineOverride override) {
    for (String id : new java.util.TreeSet<>(override.rules())) {
      RuleInfo info = rules.catalogue().rule(id).orElseThrow(() -> new InputException("unknown rule '" + id + "'"));
      if (!info.sweepable().contains(override.fact())) {
        throw new InputException("rule " + id + " does not declare the line of '" + override.fact() + "' sweepable"
            + (info.sweepable().isEmpty() ? "; it declares no sweepable line" : "; its sweepable lines: " + String.join(", ", info.sweepable()))
            + " (the rule's @sweepable metadata; kdpc rules --format json lists them)");
      }
    }
  }

  /**
   * Evaluates one designation rule alone, as it applies under {@code options}. A designation rests on
   * the profile's facts only (layer 1), so its finding is the same as in a full evaluation; this is how
   * a what-if flip is verified without running every other rule again.
   */
  public ProfileReport evaluateDesignation(Profile profile, Options options, String ruleId) {
    RuleInfo info = rules.catalogue().rule(ruleId).orElseThrow(() -> new InputException("unknown rule '" + ruleId + "'"));
    if (info.kind() != Kind.DESIGNATION) throw new IllegalArgumentException(ruleId + " is not a designation rule");
    Selection sel = select(options);
    if (!sel.active.contains(info)) return evaluate(profile, sel, r -> false);
    return evaluate(profile, sel, r -> r == info);
  }

  /** Assembles a report from profile parts made with {@link #evaluate(Profile, Options)} or {@link ProfileReport#failed}. */
  public Report report(Options options, List<ProfileReport> parts) {
    return report(options, select(options), parts);
  }

  private Report report(Options options, Selection sel, List<ProfileReport> parts) {
    return new Report(Version.tool(), options.asOf(), options.scenario().id(), sel.regimes, rules.catalogue().digest(), parts, sel.notices);
  }

  /** One assessment a rule made: {@code applicable} is false when an {@code onlyIf} condition failed (such findings are not reported). */
  public record Traced(Finding finding, boolean applicable) {}

  /**
   * Every assessment the active rules made for {@code profile}, including those not reported because an
   * {@code onlyIf} condition failed, unmerged, in report order. For explanations
   * ({@code kdpc explain RULE-ID --profile P}); {@link #check} is what reports use.
   */
  public List<Traced> trace(Profile profile, Options options) {
    Selection sel = select(options);
    List<Traced> out = new ArrayList<>();
    for (Assessment a : run(profile, sel, null, null)) out.add(new Traced(finding(a, sel), a.isApplicable()));
    out.sort(Comparator.comparing(Traced::finding, ORDER).thenComparing(t -> String.join(",", t.finding().dependsOn())));
    return out;
  }

  /** Whether the rule {@code ruleId} is evaluated under {@code options} (its regime selected, its dates covering the as-of date). */
  public boolean evaluates(String ruleId, Options options) {
    return rules.catalogue().rule(ruleId).map(select(options).active::contains).orElse(false);
  }

  // ---------------------------------------------------------------------------------------------

  /**
   * Which regimes and rules apply under the options, and what to tell the reader about the choice; the
   * KieBase of those rules is made when first needed (a report header needs none) and kept by
   * {@link CompiledRules#select}, which bounds how many are kept: a selection names its rules, it does
   * not hold their KieBase.
   */
  private final class Selection {
    final java.time.LocalDate asOf;
    final List<String> regimes;
    final Map<String, Status> status;
    final List<Notice> notices;
    final Set<RuleInfo> active;
    private final CompiledRules.Ids ids;

    Selection(java.time.LocalDate asOf, List<String> regimes, Map<String, Status> status, List<Notice> notices, Set<RuleInfo> active) {
      this.asOf = asOf;
      this.regimes = regimes;
      this.status = status;
      this.notices = notices;
      this.active = active;
      this.ids = CompiledRules.ids(active);
    }

    CompiledRules.Selected rules() {
      return rules.select(ids);
    }

    private volatile Map<String, Rank> ranks;

    /** Each active rule's place in {@link #ORDER} (kind, regime, id), made when first asked for. */
    Map<String, Rank> ranks() {
      Map<String, Rank> r = ranks;
      if (r == null) {
        List<RuleInfo> order = new ArrayList<>(active);
        order.sort(Comparator.comparing(RuleInfo::kind).thenComparing(RuleInfo::regime).thenComparing(RuleInfo::id));
        Map<String, Rank> m = new HashMap<>(order.size() * 2);
        for (RuleInfo info : order) m.putIfAbsent(info.id(), new Rank(m.size(), info.kind()));
        ranks = r = m;
      }
      return r;
    }
  }

  private Selection selectNow(Options o) {
    RuleCatalogue cat = rules.catalogue();
    List<String> chosen = new ArrayList<>();
    Map<String, Status> status = new LinkedHashMap<>();
    List<Notice> notices = new ArrayList<>();
    Set<Status> allowed = o.scenario() == Scenario.IN_FORCE
        ? EnumSet.of(Status.IN_FORCE)
        : EnumSet.of(Status.IN_FORCE, Status.PROMULGATED, Status.PROPOSED);
    if (!o.regimes().isEmpty()) {
      for (String id : new LinkedHashSet<>(o.regimes())) {
        RegimeInfo r = cat.regime(id).orElseThrow(() -> new InputException("unknown regime '" + id + "'; known regimes: "
            + String.join(", ", cat.regimes().stream().map(RegimeInfo::id).toList())));
        Status s = r.statusOn(o.asOf());
        if (s == null) {
          notices.add(new Notice(id, "not applied: not yet announced on " + o.asOf() + " (first appears " + r.since() + ")"));
          continue;
        }
        if (s == Status.LAPSED) {
          notices.add(new Notice(id, "lapsed on " + lapsedOn(r) + "; evaluated because it was asked for by name, findings are marked lapsed"));
        } else if (!allowed.contains(s)) {
          notices.add(new Notice(id, "status " + s.id() + " on " + o.asOf() + "; evaluated because it was asked for by name"));
        }
        chosen.add(id);
        status.put(id, s);
      }
    } else {
      for (RegimeInfo r : cat.regimes()) {
        Status s = r.statusOn(o.asOf());
        if (s != null && allowed.contains(s)) {
          chosen.add(r.id());
          status.put(r.id(), s);
        }
      }
    }
    boolean byName = !o.regimes().isEmpty();
    Set<RuleInfo> active = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (RuleInfo rule : cat.rules()) {
      Status regimeStatus = status.get(rule.regime());
      if (regimeStatus == null || !rule.validOn(o.asOf())) continue;
      Status s = rule.status() != null ? rule.status() : regimeStatus;
      if (byName || allowed.contains(s)) active.add(rule);
    }
    return new Selection(o.asOf(), List.copyOf(chosen), Map.copyOf(status), List.copyOf(notices), java.util.Collections.unmodifiableSet(active));
  }

  /**
   * The selection for {@code o}, worked out once per options: a folder run or an embedding program asks
   * for the same options for every profile. A few entries suffice; the cache is emptied when it grows
   * past them (options are small, but a program could ask for a different date each time).
   */
  private Selection select(Options o) {
    Selection s = selections.get(o);
    if (s == null) {
      if (selections.size() >= 64) selections.clear();
      Selection mine = selectNow(o);
      s = selections.putIfAbsent(o, mine); // threads that raced here all keep the first one
      if (s == null) s = mine;
    }
    return s;
  }

  private final Map<Options, Selection> selections;

  private static java.time.LocalDate lapsedOn(RegimeInfo r) {
    return r.timeline().stream().filter(p -> p.status() == Status.LAPSED).map(RegimeInfo.Phase::from).reduce((a, b) -> b).orElse(null);
  }

  /**
   * What the selection's rules assess of {@code profile}. Where Drools failed to make a rule's code
   * because two threads made it at once (rare: see CompiledRules.Selected#WARM_UP_EVALUATIONS), the
   * KieBase is dropped and the profile evaluated again on a new one.
   */
  private List<Assessment> run(Profile profile, Selection sel, Predicate<RuleInfo> fire, dev.kdpc.rules.LineOverride override) {
    for (int attempt = 1; ; attempt++) {
      CompiledRules.Selected kieBase = sel.rules();
      try {
        return Engine.evaluate(kieBase, profile, sel.asOf, fire, timeLimit, override);
      } catch (LinkageError e) {
        if (attempt >= 4 || !Engine.isDuplicateDefinition(e)) throw e;
        rules.evict(sel.ids, kieBase);
      }
    }
  }

  private ProfileReport evaluate(Profile profile, Selection sel) {
    return evaluate(profile, sel, null);
  }

  /** Evaluates with the selection's rules that {@code fire} accepts (null: every one). */
  private ProfileReport evaluate(Profile profile, Selection sel, Predicate<RuleInfo> fire) {
    return evaluate(profile, sel, fire, null);
  }

  private ProfileReport evaluate(Profile profile, Selection sel, Predicate<RuleInfo> fire, dev.kdpc.rules.LineOverride override) {
    List<Assessment> assessments = run(profile, sel, fire, override);
    Map<Merge, Assessment> merged = new java.util.HashMap<>(assessments.size() * 2); // order: sorted below
    Map<Merge, List<Assessment>> several = null;
    for (Assessment a : assessments) {
      if (a.isRuledOut()) continue; // (whether any completion lets it apply is asked below, once they are grouped)
      Merge k = new Merge(a.getRule(), a.getServiceId());
      Assessment before = merged.putIfAbsent(k, a);
      if (before != null) {
        if (several == null) several = new java.util.HashMap<>();
        several.computeIfAbsent(k, x -> new ArrayList<>(List.of(before))).add(a);
      }
    }
    Map<Merge, List<Assessment>> grouped = several;
    merged.entrySet().removeIf(e -> (grouped == null || !grouped.containsKey(e.getKey())) && !e.getValue().isApplicable());
    if (several != null) {
      // One finding per rule and subject: it applies where any of its instances does (one per designation it rests on).
      for (Map.Entry<Merge, List<Assessment>> e : several.entrySet()) {
        List<Assessment> instances = e.getValue();
        Assessment.outcomesTogether(instances); // one enumeration for them all, where the merged finding needs one anyway
        instances.removeIf(a -> !a.isApplicable());
        if (instances.size() < 2) {
          if (instances.isEmpty()) merged.remove(e.getKey());
          else merged.put(e.getKey(), instances.get(0));
          continue;
        }
        instances.sort(TIE); // an order on content: the engine hands them over in varying order
        Assessment shown = instances.get(0);
        for (int i = 1; i < instances.size(); i++) shown = stronger(shown, instances.get(i)); // as a stream's reduce, without one
        merged.put(e.getKey(), Assessment.anyOf(shown, instances));
      }
    }
    List<Finding> findings = sorted(merged.values(), sel);
    return new ProfileReport(profile.source(), profile.inputSha256(), profile.displayName(), findings, nearMisses(findings), null)
        .withNotices(profile.notices());
  }

  /**
   * The findings of {@code assessments} in {@link #ORDER}: by each rule's place in the selection's order
   * (worked out once per selection), then, for one rule's findings on several services, by service. Where
   * a finding's kind is not its rule's (a rule whose consequence builds another kind than its metadata
   * says), by {@link #ORDER} itself.
   */
  private List<Finding> sorted(java.util.Collection<Assessment> assessments, Selection sel) {
    int n = assessments.size();
    Finding[] made = new Finding[n];
    long[] keys = new long[n];
    boolean byRank = n < 1 << 20;
    int i = 0;
    for (Assessment a : assessments) {
      Finding f = finding(a, sel);
      made[i] = f;
      Rank r = sel.ranks().get(f.rule());
      if (r == null || r.kind() != f.kind()) byRank = false;
      else keys[i] = (long) r.rank() << 20 | i;
      i++;
    }
    if (!byRank) {
      List<Finding> out = new ArrayList<>(List.of(made));
      out.sort(ORDER);
      return out;
    }
    java.util.Arrays.sort(keys);
    Finding[] out = new Finding[n];
    for (int j = 0; j < n; j++) out[j] = made[(int) (keys[j] & 0xFFFFF)];
    for (int from = 0, j = 1; j <= n; j++) {
      if (j == n || keys[j] >>> 20 != keys[from] >>> 20) {
        if (j - from > 1) java.util.Arrays.sort(out, from, j, BY_SERVICE);
        from = j;
      }
    }
    return java.util.Arrays.asList(out);
  }

  private static final Comparator<Finding> BY_SERVICE = (a, b) -> (a.service() == null ? "" : a.service()).compareTo(b.service() == null ? "" : b.service());

  /** A rule's place in {@link #ORDER} among the rules of a selection, with the kind it has there. */
  private record Rank(int rank, Kind kind) {}

  /** What the assessments of one finding share: the rule and the service (null: the company). */
  private record Merge(String rule, String service) {}

  /**
   * Of two assessments by the same rule for the same service (one per designation it rests on), the one
   * on firmer ground; ties are broken on content, never on the order the engine hands them over (which
   * varies from run to run, and between a DRL compile and the rules cache: a company-wide duty resting on
   * two services' designations gave two different reports for one input before this order was total).
   */
  private static Assessment stronger(Assessment a, Assessment b) {
    boolean aFirm = a.getOutcome() != Outcome.UNDETERMINED;
    boolean bFirm = b.getOutcome() != Outcome.UNDETERMINED;
    if (aFirm != bFirm) return aFirm ? a : b;
    boolean aSure = !a.restsOnUndetermined();
    boolean bSure = !b.restsOnUndetermined();
    if (aSure != bSure) return aSure ? a : b; // shown: an instance whose designation is met, where there is one
    return TIE.compare(a, b) <= 0 ? a : b;
  }

  private static final Comparator<Assessment> TIE = Comparator
      .comparing((Assessment x) -> x.getDependsOn(), Checker::lexically)
      .thenComparing(x -> String.join(",", x.getMissing()))
      .thenComparing(Assessment::getOutcome)
      .thenComparing(x -> String.valueOf(x.getTests()))
      .thenComparing(x -> String.valueOf(x.getNotes()))
      .thenComparing(x -> String.valueOf(x.getSanction()))
      .thenComparing(x -> String.valueOf(x.getJustification()) + "/" + x.getBurden());

  /**
   * The lists in lexicographic order, element by element: an order on content, which is all the
   * tie-break needs (for ids of letters, digits and hyphens it is the order of the lists joined with
   * commas, which it replaces without joining them).
   */
  private static int lexically(List<String> a, List<String> b) {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) return c;
    }
    return Integer.compare(a.size(), b.size());
  }

  private Finding finding(Assessment a, Selection sel) {
    RuleInfo info = a.getInfo();
    if (info == null || !info.id().equals(a.getRule())) {
      info = rules.catalogue().rule(a.getRule()).orElseThrow(() -> new IllegalStateException("assessment by unknown rule " + a.getRule()));
    }
    Status s = info.status() != null ? info.status() : sel.status.get(info.regime());
    List<String> notes = info.notes();
    List<String> ownNotes = a.getNotes();
    if (!ownNotes.isEmpty()) {
      notes = new ArrayList<>(notes.size() + ownNotes.size());
      notes.addAll(info.notes());
      notes.addAll(ownNotes);
    }
    Map<String, String> ko = merged(info, a.getKo());
    return new Finding(info.id(), info.regime(), a.getKind(), a.getOutcome(), s, a.getServiceId(), info.citation(),
        info.title(), info.titleKo(), a.getTests(), a.getMissing(), a.getSanction(), a.getDependsOn(),
        a.getJustification(), a.getBurden(), notes, null, a.getMissingImmaterial(), a.getReadings(), ko);
  }

  /**
   * The rule's Korean texts with those its consequence gave ({@code own}), made once per rule and kept
   * while the consequence gives the same (its texts are the rule's own literals, so nearly always).
   */
  private Map<String, String> merged(RuleInfo info, Map<String, String> own) {
    if (own.isEmpty()) return info.ko();
    KoMerge k = koMerges.get(info.id());
    if (k != null && k.own.equals(own)) return k.merged;
    Map<String, String> m = new HashMap<>(info.ko());
    m.putAll(own);
    KoMerge made = new KoMerge(Map.copyOf(own), Map.copyOf(m));
    if (koMerges.size() < 4096) koMerges.put(info.id(), made); // bounded: a rule making texts from facts cannot fill memory
    return made.merged;
  }

  private record KoMerge(Map<String, String> own, Map<String, String> merged) {}

  private final Map<String, KoMerge> koMerges = new java.util.concurrent.ConcurrentHashMap<>();

  /** The designations missed only by tests within the near-miss margin (loops, not streams: this runs for every finding). */
  private static List<NearMiss> nearMisses(List<Finding> findings) {
    List<NearMiss> out = new ArrayList<>();
    for (Finding f : findings) {
      if (f.kind() != Kind.DESIGNATION || f.outcome() != Outcome.NOT_MET) continue;
      boolean near = false;
      for (Test t : f.because()) {
        if (!Boolean.FALSE.equals(t.met())) continue;
        near = t.margin() != null && t.margin() >= -ProfileReport.NEAR_MISS_MARGIN;
        if (!near) break;
      }
      if (!near) continue;
      for (Test t : f.because()) if (Boolean.FALSE.equals(t.met())) out.add(new NearMiss(f.rule(), f.regime(), f.service(), t));
    }
    return out;
  }

  /** Kind, regime, rule, then service (the company, null, as ""): written out, since it runs for every pair a sort compares. */
  static final Comparator<Finding> ORDER = (a, b) -> {
    int c = a.kind().compareTo(b.kind());
    if (c == 0) c = a.regime().compareTo(b.regime());
    if (c == 0) c = a.rule().compareTo(b.rule());
    if (c == 0) c = (a.service() == null ? "" : a.service()).compareTo(b.service() == null ? "" : b.service());
    return c;
  };
}
