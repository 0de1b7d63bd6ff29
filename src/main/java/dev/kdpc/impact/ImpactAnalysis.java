package dev.kdpc.impact;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.Version;
import dev.kdpc.profile.Profile;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Notice;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Test;
import dev.kdpc.rules.LineOverride;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleInfo;
import dev.kdpc.rules.TimeLimitException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Works out an {@link Impact}: evaluates every profile with the {@link Checker} exactly as
 * {@code kdpc check} does (same options, same findings) and sorts the companies, per regime and
 * headquarters country, by their designation findings: caught (a designation {@code presumed} or
 * {@code meets_criteria}), undetermined (none met, one undetermined), not caught (the rest). With a
 * {@link SweepSpec}, evaluates every profile again for each value of the swept line.
 */
public final class ImpactAnalysis {
  private final Checker checker;

  public ImpactAnalysis(Checker checker) {
    this.checker = checker;
  }

  /** The group a company falls in under one regime. */
  public enum Group { CAUGHT, NOT_CAUGHT, UNDETERMINED }

  /** A profile's group under a regime and the designations that decide it. */
  public record Classified(Group group, List<Impact.Designation> designations) {}

  /** Thrown when evaluations reached the time limit; carries the impact of the other profiles. */
  public static final class Stopped extends RuntimeException {
    private final transient Impact impact;

    Stopped(Impact impact, String message) {
      super(message);
      this.impact = impact;
    }

    public Impact impact() {
      return impact;
    }
  }

  /**
   * The impact of the regimes {@code options} selects on {@code profiles}; {@code failed} (profiles that
   * could not be read) are reported and skipped. With {@code sweep}, the swept rules' regime alone is
   * reported (at the law's line) and the sweep's points are added.
   *
   * @throws InputException for a sweep of an unknown rule, a line the rule does not declare sweepable,
   *     rules of several regimes, or a rule that does not apply on the as-of date
   */
  public Impact analyse(Options options, List<Profile> profiles, List<Impact.Failed> failed, SweepSpec sweep) {
    Options opts = sweep == null ? options : sweepOptions(options, sweep);
    List<Impact.Failed> bad = new ArrayList<>(failed);
    List<Profile> good = new ArrayList<>();
    List<ProfileReport> parts = new ArrayList<>();
    boolean stopped = false;
    for (Profile p : profiles) {
      try {
        parts.add(checker.evaluate(p, opts));
        good.add(p);
      } catch (TimeLimitException e) {
        bad.add(new Impact.Failed(p.source(), e.getMessage()));
        stopped = true;
      }
    }
    Report header = checker.report(opts, List.of());
    List<Notice> notices = new ArrayList<>(header.notices());
    List<Impact.RegimeImpact> regimes = new ArrayList<>();
    for (String id : header.regimes()) {
      RegimeInfo r = checker.catalogue().regime(id).orElseThrow();
      if (checker.catalogue().rules().stream().noneMatch(x -> x.regime().equals(id) && x.kind() == Kind.DESIGNATION)) {
        notices.add(new Notice(id, "left out: the regime has no designation rule, so it catches nobody by a test (its duties or eligibility apply by themselves)"));
        continue;
      }
      Map<String, List<Impact.Entry>[]> by = new TreeMap<>();
      for (int i = 0; i < good.size(); i++) {
        Classified c = classify(parts.get(i), id);
        List<Impact.Entry>[] g = by.computeIfAbsent(country(good.get(i)), k -> groups());
        g[c.group().ordinal()].add(new Impact.Entry(good.get(i).displayName(), good.get(i).source(), c.designations()));
      }
      Map<String, Impact.Groups<Impact.Entry>> byCountry = new TreeMap<>();
      for (Map.Entry<String, List<Impact.Entry>[]> e : by.entrySet()) {
        List<Impact.Entry>[] g = e.getValue();
        for (List<Impact.Entry> l : g) l.sort(BY_NAME);
        byCountry.put(e.getKey(), new Impact.Groups<>(g[0], g[1], g[2]));
      }
      var st = r.statusOn(opts.asOf());
      regimes.add(new Impact.RegimeImpact(id, st == null ? null : st.id(), r.title(), byCountry));
    }
    Impact.Sweep swept = sweep == null ? null : sweep(opts, sweep, good);
    Impact impact = new Impact(Version.tool(), opts.asOf(), header.scenario(), header.rulesDigest(), good.size(), bad, notices, regimes, swept);
    if (stopped) throw new Stopped(impact, "an evaluation reached the time limit; its profile is reported as failed");
    return impact;
  }

  @SuppressWarnings("unchecked")
  private static List<Impact.Entry>[] groups() {
    return new List[] {new ArrayList<Impact.Entry>(), new ArrayList<Impact.Entry>(), new ArrayList<Impact.Entry>()};
  }

  private static final Comparator<Impact.Entry> BY_NAME = Comparator.comparing((Impact.Entry e) -> String.valueOf(e.company()))
      .thenComparing(e -> String.valueOf(e.source()));

  /** The headquarters country the profile states, or {@link Impact#UNKNOWN_COUNTRY}. */
  public static String country(Profile p) {
    String c = p.company() == null ? null : p.company().headquarters();
    return c == null || c.isBlank() ? Impact.UNKNOWN_COUNTRY : c;
  }

  /** The options of a sweep: the swept rules' regime, asked for by name unless {@code --regimes} names it already. */
  private Options sweepOptions(Options options, SweepSpec sweep) {
    String regime = null;
    for (String id : sweep.rules()) {
      RuleInfo info = checker.catalogue().rule(id).orElseThrow(() -> new InputException("--sweep: unknown rule '" + id + "'; kdpc rules lists them"));
      if (info.kind() != Kind.DESIGNATION) throw new InputException("--sweep: rule " + id + " is not a designation rule (its kind: " + info.kind().name().toLowerCase(java.util.Locale.ROOT)
          + "); a sweep varies the line of a designation rule, which decides who a regime catches");
      if (regime != null && !regime.equals(info.regime())) {
        throw new InputException("--sweep: rules " + String.join(", ", sweep.rules()) + " belong to different regimes (" + regime + ", " + info.regime()
            + "); sweep the rules of one regime at a time");
      }
      regime = info.regime();
    }
    checker.requireSweepable(new LineOverride(sweep.rules(), sweep.fact(), BigDecimal.ZERO));
    if (!options.regimes().isEmpty() && !options.regimes().contains(regime)) {
      throw new InputException("--sweep: rule " + sweep.rules().get(0) + " belongs to regime " + regime + ", which --regimes leaves out");
    }
    Options o = new Options(options.asOf(), options.scenario(), List.of(regime));
    for (String id : sweep.rules()) {
      if (!checker.evaluates(id, o)) {
        RuleInfo info = checker.catalogue().rule(id).orElseThrow();
        throw new InputException("--sweep: rule " + id + " does not apply on " + o.asOf()
            + (info.validFrom() != null || info.validTo() != null ? " (it applies from " + info.validFrom() + " to " + info.validTo() + ")" : " (its regime is not announced yet)"));
      }
    }
    return o;
  }

  private Impact.Sweep sweep(Options o, SweepSpec spec, List<Profile> profiles) {
    String regime = o.regimes().get(0);
    Map<String, BigDecimal> stated = new TreeMap<>();
    List<Impact.Point> points = new ArrayList<>();
    for (BigDecimal v : spec.values()) {
      LineOverride line = new LineOverride(spec.rules(), spec.fact(), v);
      Map<String, List<String>[]> by = new TreeMap<>();
      for (Profile p : profiles) {
        ProfileReport part;
        try {
          part = checker.evaluate(p, o, line);
        } catch (TimeLimitException e) {
          throw new InputException(p.source() + ": the sweep's evaluation at " + v.toPlainString() + " was stopped: " + e.getMessage());
        }
        Classified c = classify(part, regime);
        @SuppressWarnings("unchecked")
        List<String>[] g = by.computeIfAbsent(country(p), k -> new List[] {new ArrayList<String>(), new ArrayList<String>(), new ArrayList<String>()});
        g[c.group().ordinal()].add(p.displayName());
      }
      stated.putAll(line.stated());
      Map<String, Impact.Groups<String>> byCountry = new TreeMap<>();
      for (Map.Entry<String, List<String>[]> e : by.entrySet()) {
        for (List<String> l : e.getValue()) l.sort(Comparator.naturalOrder());
        byCountry.put(e.getKey(), new Impact.Groups<>(e.getValue()[0], e.getValue()[1], e.getValue()[2]));
      }
      points.add(new Impact.Point(v, byCountry));
    }
    return new Impact.Sweep(spec.rules(), regime, spec.fact(), stated, points);
  }

  /**
   * The group of the company whose report part is {@code part} under {@code regime}, from its
   * designation findings of that regime alone: what {@code kdpc check} reports for it.
   */
  public static Classified classify(ProfileReport part, String regime) {
    List<Finding> met = new ArrayList<>();
    List<Finding> open = new ArrayList<>();
    List<Finding> notMet = new ArrayList<>();
    for (Finding f : part.findings()) {
      if (f.kind() != Kind.DESIGNATION || !regime.equals(f.regime())) continue;
      if (f.outcome() == Outcome.PRESUMED || f.outcome() == Outcome.MEETS_CRITERIA) met.add(f);
      else if (f.outcome() == Outcome.UNDETERMINED) open.add(f);
      else notMet.add(f);
    }
    if (!met.isEmpty()) return new Classified(Group.CAUGHT, met.stream().map(ImpactAnalysis::designation).toList());
    if (!open.isEmpty()) return new Classified(Group.UNDETERMINED, open.stream().map(ImpactAnalysis::designation).toList());
    Impact.Designation nearest = null;
    for (Finding f : notMet) {
      Impact.Designation d = designation(f);
      if (nearest == null || margin(d) > margin(nearest)) nearest = d;
    }
    return new Classified(Group.NOT_CAUGHT, nearest == null ? List.of() : List.of(nearest));
  }

  private static double margin(Impact.Designation d) {
    return d.deciding() == null || d.deciding().margin() == null ? Double.NEGATIVE_INFINITY : d.deciding().margin();
  }

  private static Impact.Designation designation(Finding f) {
    Test deciding = null;
    boolean met = f.outcome() == Outcome.PRESUMED || f.outcome() == Outcome.MEETS_CRITERIA;
    if (f.outcome() != Outcome.UNDETERMINED) {
      for (Test t : f.because()) {
        if (!Boolean.valueOf(met).equals(t.met())) continue;
        if (met && t.margin() == null) continue; // a met test without a margin decides nothing by a number
        if (!met && t.margin() == null) {
          deciding = t; // a failed test that no number measures: it decides
          break;
        }
        if (deciding == null || t.margin() < deciding.margin()) deciding = t;
      }
    }
    Set<String> missing = new LinkedHashSet<>(f.missing());
    return new Impact.Designation(f.rule(), f.service(), f.outcome().id(),
        deciding == null ? null : new Impact.Deciding(deciding.fact(), deciding.value(), deciding.op(), deciding.threshold(), deciding.margin()),
        List.copyOf(missing));
  }

  /** Per country, how many companies each group holds, for a regime. */
  public static Map<String, int[]> counts(Impact.RegimeImpact r) {
    Map<String, int[]> out = new HashMap<>();
    r.byCountry().forEach((c, g) -> out.put(c, new int[] {g.caught().size(), g.notCaught().size(), g.undetermined().size()}));
    return out;
  }
}
