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
 * byte[] bytes = Files.readAllBytes(file);
 * ProfileReader reader = new ProfileReader();
 * Review.Source source = set -> reader.read(file.toString(), bytes, set);
 * ProfileReport part = new Review(checker).evaluate(source, options, Map.of("services.search.market.share", "0.61"), true);
 * }</pre>
 */
public final class Review {
  /** Reads the profile again with fact overrides (see {@link dev.kdpc.profile.ProfileReader#read(String, byte[], Map)}). */
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
      Flip flip = f.kind() == Kind.DESIGNATION && f.outcome() == Outcome.NOT_DESIGNATED ? flip(source, set, options, f) : null;
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
      again = checker.evaluate(source.read(changed), options);
    } catch (ProfileException e) {
      return null; // the value cannot be written there (e.g. a share above 100%)
    }
    boolean flipped = again.findings().stream()
        .anyMatch(g -> g.rule().equals(f.rule()) && Objects.equals(g.service(), f.service()) && g.outcome() == Outcome.DESIGNATED);
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
      if (!g.stream().allMatch(f -> f.outcome() == Outcome.NOT_DESIGNATED)) continue;
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
        String path = "services." + serviceId + ".conduct." + Compare.snakeCase(c.getName()) + ".present";
        SourceLocation at = profile.sourceMap().locate(path);
        out.add(path + " = true" + (at == null ? "" : " (line " + at.line() + ")"));
      }
    }
    return out;
  }
}
