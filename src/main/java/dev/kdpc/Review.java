package dev.kdpc;

import dev.kdpc.profile.ConductFact;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.SourceLocation;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Flip;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhatIf;
import dev.kdpc.report.WhyNot;
import dev.kdpc.rules.RuleInfo;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The legal-review additions to a profile's findings: what-if ({@code --set}), the fact change that
 * would flip each designation not met, and the why-not view. Every flip is verified by evaluating the
 * profile again with the change.
 *
 * <pre>{@code
 * ParsedProfile parsed = new ProfileReader().parse(file); // parsed once, bound again for each change
 * Review.Source source = parsed::with;
 * ProfileReport part = new Review(checker).evaluate(source, options, Map.of("services.search.market.share", "0.61"), true);
 * }</pre>
 */
public final class Review {
  /** The profile with fact overrides (see {@link dev.kdpc.profile.ParsedProfile#with(Map)}). */
  @FunctionalInterface
  public interface Source {
    Profile read(Map<String, String> overrides);
  }

  /** The label of {@code onlyIf} tests: they scope a rule, they are not lines to meet. */
  static final String APPLIES_ONLY_IF = "applies only if";

  private final Checker checker;

  public Review(Checker checker) {
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  /**
   * Evaluates a profile with the facts in {@code set} changed (none: the profile as written), names a
   * flip for each designation not met where one fact suffices, records what {@code set} changed against
   * the unmodified profile, and adds the why-not view when asked.
   */
  public ProfileReport evaluate(Source source, Options options, Map<String, String> set, boolean whyNot) {
    Profile base = source.read(Map.of());
    ProfileReport baseReport = checker.evaluate(base, options);
    Profile profile = base;
    ProfileReport report = baseReport;
    WhatIf whatIf = null;
    if (!set.isEmpty()) {
      profile = source.read(set);
      report = checker.evaluate(profile, options);
      Compare.Side before = new Compare.Side(base, baseReport, options);
      Compare.Side after = new Compare.Side(profile, report, options);
      whatIf = new WhatIf(set, new Compare(checker).changes(before, after));
    }
    report = report.withFindings(withFlips(source, set, options, report.findings()));
    return report.withReview(whatIf, whyNot ? whyNot(profile, report, options) : List.of());
  }

  /** The findings with a verified {@link Flip} on each designation not met where one fact suffices. */
  public List<Finding> withFlips(Source source, Map<String, String> set, Options options, List<Finding> findings) {
    List<Finding> out = new ArrayList<>();
    for (Finding f : findings) {
      Flip flip = f.kind() == Kind.DESIGNATION && f.outcome() == Outcome.NOT_MET ? flip(source, set, options, f) : null;
      out.add(flip == null ? f : f.withFlip(flip));
    }
    return out;
  }

  /**
   * The single fact change that would make {@code f} designated, or null: only when exactly one test
   * failed, none is unknown, and the failed test compares one fact of the profile with a line. The
   * candidate value is the line itself for an inclusive test (the next whole number, or the next
   * hundredth of a percent, for a strict one); it is kept only when the profile, evaluated again with
   * it, is designated.
   */
  Flip flip(Source source, Map<String, String> set, Options options, Finding f) {
    List<Test> failed = f.because().stream().filter(t -> Boolean.FALSE.equals(t.met()) && !APPLIES_ONLY_IF.equals(t.label())).toList();
    if (failed.size() != 1 || f.because().stream().anyMatch(t -> t.met() == null)) return null;
    Test t = failed.get(0);
    if (t.label() != null || t.fact().contains("[")) return null; // derived from several facts (e.g. the leading firms)
    Object to = target(t);
    if (to == null) return null;
    Map<String, String> changed = new LinkedHashMap<>(set);
    changed.put(t.fact(), Flip.scalar(to));
    ProfileReport again;
    try {
      again = checker.evaluateDesignation(source.read(changed), options, f.rule());
    } catch (ProfileException e) {
      return null; // the value cannot be written there (e.g. a share above 100%)
    }
    boolean flipped = again.findings().stream()
        .anyMatch(g -> g.rule().equals(f.rule()) && Objects.equals(g.service(), f.service()) && g.outcome().designationMet());
    return flipped ? new Flip(t.fact(), t.value(), to, t.unit(), t.line(), t.column()) : null;
  }

  /** The value that would meet the test, or null when there is no single one. */
  static Object target(Test t) {
    Object line = t.threshold();
    if (line instanceof Number n) {
      if (!(t.value() instanceof Number)) return null;
      boolean whole = n instanceof Long || n instanceof Integer || !"share".equals(t.unit()) && isWhole(n);
      BigDecimal step = whole ? BigDecimal.ONE : new BigDecimal("0.0001");
      BigDecimal l = new BigDecimal(n.toString());
      BigDecimal v = switch (t.op()) {
        case ">=", "<=" -> l;
        case ">" -> l.add(step);
        case "<" -> l.subtract(step);
        default -> null;
      };
      if (v == null || v.signum() < 0) return null;
      return whole ? (Object) v.longValueExact() : (Object) v.doubleValue();
    }
    if ("==".equals(t.op()) && (line instanceof Boolean || line instanceof String)) return line;
    if ("in".equals(t.op()) && line instanceof String s && !s.isBlank()) return s.split(",\\s*")[0];
    return null;
  }

  private static boolean isWhole(Number n) {
    double d = n.doubleValue();
    return d == Math.rint(d) && Math.abs(d) < 9.0e18;
  }

  // ---------------------------------------------------------------------------------------------
  // Why not

  /**
   * Per regime and service (or the company), the designations of the regime when none of them is met,
   * with what follows: the regime's duties and bans do not attach, and a practice the profile states is
   * not a violation of the regime's bans.
   */
  public List<WhyNot> whyNot(Profile profile, ProfileReport report, Options options) {
    Map<String, List<Finding>> groups = new LinkedHashMap<>();
    for (Finding f : report.findings()) {
      if (f.kind() != Kind.DESIGNATION) continue;
      groups.computeIfAbsent(f.regime() + "\u0000" + (f.service() == null ? "" : f.service()), k -> new ArrayList<>()).add(f);
    }
    List<WhyNot> out = new ArrayList<>();
    for (List<Finding> g : groups.values()) {
      if (!g.stream().allMatch(f -> f.outcome() == Outcome.NOT_MET)) continue;
      String regime = g.get(0).regime();
      String service = g.get(0).service();
      out.add(new WhyNot(regime, service, g, consequences(profile, regime, service, options)));
    }
    return out;
  }

  private List<String> consequences(Profile profile, String regime, String serviceId, Options options) {
    List<String> duties = new ArrayList<>();
    List<String> bans = new ArrayList<>();
    for (RuleInfo r : checker.catalogue().rules()) {
      if (!r.regime().equals(regime) || !checker.evaluates(r.id(), options)) continue;
      if (r.kind() == Kind.OBLIGATION) duties.add(r.id());
      if (r.kind() == Kind.PROHIBITION) bans.add(r.id());
    }
    String who = serviceId == null ? "the company" : "service " + serviceId;
    List<String> notes = new ArrayList<>();
    if (!duties.isEmpty()) {
      notes.add("No designation under " + regime + " is met for " + who + ", so the regime's duties (" + String.join(", ", duties)
          + ") do not attach through it.");
    }
    if (!bans.isEmpty()) {
      List<String> present = serviceId == null ? List.of() : presentConducts(profile, serviceId);
      if (present.isEmpty()) {
        notes.add("The regime's bans (" + String.join(", ", bans) + ") apply to designated services only; " + who + " is not designated.");
      }
      for (String c : present) {
        notes.add("The profile states " + c + ", but it is not a violation of the bans of " + regime + " (" + String.join(", ", bans)
            + "): they apply to designated services only, and no designation of " + who + " under " + regime + " is met.");
      }
    }
    return notes;
  }

  /** The practices the profile states as present for a service, each as {@code path = true (line L)}. */
  private static List<String> presentConducts(Profile profile, String serviceId) {
    Service s = profile.service(serviceId).orElse(null);
    if (s == null || s.conduct() == null) return List.of();
    List<String> out = new ArrayList<>();
    for (RecordComponent c : s.conduct().getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(s.conduct());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (v instanceof ConductFact cf && Boolean.TRUE.equals(cf.present())) {
        String path = "services." + serviceId + ".conduct." + dev.kdpc.rules.FactPaths.snakeCase(c.getName()) + ".present";
        SourceLocation at = profile.sourceMap().locate(path);
        out.add(path + " = true" + (at == null ? "" : " (line " + at.line() + ")"));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------------------------------------
  // Explain one rule for one profile

  /**
   * What one rule found for one profile ({@code kdpc explain RULE-ID --profile P}).
   *
   * @param evaluated false when the rule does not apply on the date at all (see {@code note})
   * @param note a remark on how the rule was evaluated (e.g. a proposal evaluated by name), or null
   * @param items one per subject (service or company) the rule made a finding for, or would have
   */
  public record Explanation(String rule, boolean evaluated, String note, List<Item> items) {}

  /**
   * One subject of an explanation.
   *
   * @param service the service id, or null for the company (or the profile as a whole)
   * @param finding the rule's finding, or null when it made none
   * @param applicable false when an {@code onlyIf} condition failed (the finding is then not reported)
   * @param reason in words, why there is no finding, or null
   * @param restsOn for a duty or ban without a finding: the regime's designations for the subject
   */
  public record Item(String service, Finding finding, boolean applicable, String reason, List<Finding> restsOn) {
    public Item {
      restsOn = List.copyOf(restsOn);
    }
  }

  /**
   * Explains one rule for one profile: every test with its value, line, margin and profile line, and
   * for a rule that did not fire or did not designate, what failed. The rule is evaluated whatever its
   * status (as if its regime were named with {@code --regimes}), together with every regime announced
   * on the date, so that the designations it rests on are there.
   */
  public Explanation explain(Source source, Options options, Map<String, String> set, String ruleId) {
    RuleInfo info = checker.catalogue().rule(ruleId)
        .orElseThrow(() -> new InputException("unknown rule '" + ruleId + "'; 'kdpc rules' lists the rule ids"));
    var regime = checker.catalogue().regime(info.regime()).orElseThrow();
    if (regime.statusOn(options.asOf()) == null) {
      return new Explanation(ruleId, false, "regime " + regime.id() + " was not yet announced on " + options.asOf()
          + " (first appears " + regime.since() + ")", List.of());
    }
    if (!info.validOn(options.asOf())) {
      return new Explanation(ruleId, false, "this version of the rule applies" + (info.validFrom() == null ? "" : " from " + info.validFrom())
          + (info.validTo() == null ? "" : " until " + info.validTo()) + ", not on " + options.asOf(), List.of());
    }
    List<String> regimes = new ArrayList<>();
    for (var r : checker.catalogue().regimes()) {
      var st = r.statusOn(options.asOf());
      if (r.id().equals(info.regime()) || (st != null && st != dev.kdpc.report.Status.LAPSED)) regimes.add(r.id());
    }
    Options all = new Options(options.asOf(), Scenario.WITH_PROPOSALS, regimes);
    String note = checker.evaluates(ruleId, options) ? null
        : "not applied under " + (options.regimes().isEmpty() ? "--scenario " + options.scenario().id() : "--regimes " + String.join(",", options.regimes()))
            + " (status " + (info.status() != null ? info.status() : regime.statusOn(options.asOf())).id() + " on " + options.asOf()
            + "); explained as if its regime were named with --regimes";
    Profile profile = source.read(set);
    List<Checker.Traced> trace = checker.trace(profile, all);
    List<Checker.Traced> mine = trace.stream().filter(t -> t.finding().rule().equals(ruleId)).toList();
    List<Item> items = new ArrayList<>();
    boolean companyLevel = mine.stream().anyMatch(t -> t.finding().service() == null);
    for (Checker.Traced t : mine) {
      Finding f = t.finding();
      if (t.applicable() && f.kind() == Kind.DESIGNATION && f.outcome() == Outcome.NOT_MET) {
        Flip flip = flip(source, set, all, f);
        if (flip != null) f = f.withFlip(flip);
      }
      items.add(new Item(f.service(), f, t.applicable(), null, List.of()));
    }
    if (!companyLevel) {
      for (Service s : profile.services()) {
        if (mine.stream().anyMatch(t -> s.id().equals(t.finding().service()))) continue;
        if (info.kind() == Kind.DESIGNATION) {
          items.add(new Item(s.id(), null, false, "the rule's conditions do not cover this service (category "
              + (s.category() == null ? "not stated" : s.category()) + ")", List.of()));
        } else {
          List<Finding> designations = designations(trace, info.regime(), s.id(), source, set, all);
          items.add(new Item(s.id(), null, false, designations.isEmpty()
              ? "no designation under " + info.regime() + " was assessed for this service, and the rule rests on one"
              : "the rule rests on a designation under " + info.regime() + ", and none is met or undetermined for this service", designations));
        }
      }
      if (mine.isEmpty() && profile.services().isEmpty()) {
        items.add(new Item(null, null, false, info.kind() == Kind.DESIGNATION ? "the rule's conditions match nothing in this profile"
            : "the rule rests on a designation under " + info.regime() + ", and none is met or undetermined",
            designations(trace, info.regime(), null, source, set, all)));
      }
    }
    return new Explanation(ruleId, true, note, items);
  }

  private List<Finding> designations(List<Checker.Traced> trace, String regime, String service, Source source, Map<String, String> set, Options options) {
    List<Finding> out = new ArrayList<>();
    for (Checker.Traced t : trace) {
      Finding d = t.finding();
      if (!t.applicable() || d.kind() != Kind.DESIGNATION || !d.regime().equals(regime)) continue;
      if (service != null && !service.equals(d.service())) continue;
      if (out.stream().anyMatch(o -> o.rule().equals(d.rule()) && Objects.equals(o.service(), d.service()))) continue;
      Flip flip = d.outcome() == Outcome.NOT_MET ? flip(source, set, options, d) : null;
      out.add(flip == null ? d : d.withFlip(flip));
    }
    return out;
  }
}
