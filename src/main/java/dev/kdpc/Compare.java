package dev.kdpc;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.SourceLocation;
import dev.kdpc.report.Change;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Kind;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Test;
import dev.kdpc.rules.FactPaths;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleInfo;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The differences between two evaluations: findings added, removed and changed (outcome or status),
 * each with its cause: the facts among its tests whose values differ, the designation it rests on, or
 * the law's status, dates and scenario.
 *
 * <pre>{@code
 * Compare.Side before = new Compare.Side(oldProfile, checker.evaluate(oldProfile, options), options);
 * Compare.Side after = new Compare.Side(newProfile, checker.evaluate(newProfile, options), options);
 * List<Change> changes = new Compare(checker).changes(before, after);
 * }</pre>
 */
public final class Compare {
  /** One evaluation: the profile, its findings, and the options it was evaluated with. */
  public record Side(Profile profile, ProfileReport report, Options options) {}

  private final Checker checker;

  public Compare(Checker checker) {
    this.checker = Objects.requireNonNull(checker, "checker");
  }

  /** The findings added, removed and changed from {@code a} to {@code b}, in report order. */
  public List<Change> changes(Side a, Side b) {
    Map<String, Finding> before = byKey(a.report().findings());
    Map<String, Finding> after = byKey(b.report().findings());
    Set<String> keys = new LinkedHashSet<>(before.keySet());
    keys.addAll(after.keySet());
    List<Change> out = new ArrayList<>();
    for (String k : keys) {
      Finding x = before.get(k);
      Finding y = after.get(k);
      Change.Type type;
      if (x == null) type = Change.Type.ADDED;
      else if (y == null) type = Change.Type.REMOVED;
      else if (x.outcome() != y.outcome() || x.status() != y.status()) type = Change.Type.CHANGED;
      else continue;
      Finding f = y != null ? y : x;
      out.add(new Change(type, f.rule(), f.regime(), f.kind(), f.service(), f.title(), f.titleKo(),
          x == null ? null : x.outcome(), y == null ? null : y.outcome(),
          x == null ? null : x.status(), y == null ? null : y.status(),
          factChanges(a, b, x, y), reasons(a, b, x, y)));
    }
    out.sort(ORDER);
    return out;
  }

  private static final Comparator<Change> ORDER = Comparator
      .comparing(Change::kind)
      .thenComparing(Change::regime)
      .thenComparing(Change::rule)
      .thenComparing(c -> c.service() == null ? "" : c.service());

  private static Map<String, Finding> byKey(List<Finding> findings) {
    Map<String, Finding> m = new LinkedHashMap<>();
    for (Finding f : findings) m.put(f.rule() + "\u0000" + (f.service() == null ? "" : f.service()), f);
    return m;
  }

  // ---------------------------------------------------------------------------------------------
  // The cause: facts

  /** The facts among the finding's tests (on either side) whose values differ between the two profiles. */
  private static List<Change.FactChange> factChanges(Side a, Side b, Finding x, Finding y) {
    Set<String> facts = new LinkedHashSet<>();
    for (Finding f : new Finding[] {x, y}) {
      if (f == null) continue;
      for (Test t : f.because()) facts.add(t.fact());
    }
    List<Change.FactChange> out = new ArrayList<>();
    for (String fact : facts) diff(fact, valueAt(a.profile(), fact), valueAt(b.profile(), fact), a.profile(), b.profile(), out);
    return out;
  }

  /** Compares two values, descending into sections and lists so that the cause names the leaf that differs. */
  private static void diff(String path, Object u, Object v, Profile pa, Profile pb, List<Change.FactChange> out) {
    if (Objects.equals(u, v)) return;
    if (u != null && v != null && u.getClass() == v.getClass() && u.getClass().isRecord()) {
      for (RecordComponent c : u.getClass().getRecordComponents()) {
        diff(path + "." + dev.kdpc.rules.FactPaths.snakeCase(c.getName()), get(c, u), get(c, v), pa, pb, out);
      }
      return;
    }
    if (u instanceof List<?> l && v instanceof List<?> m) {
      for (int i = 0; i < Math.max(l.size(), m.size()); i++) {
        diff(path + "[" + i + "]", i < l.size() ? l.get(i) : null, i < m.size() ? m.get(i) : null, pa, pb, out);
      }
      return;
    }
    SourceLocation at = pb.sourceMap().exact(path);
    if (at == null) at = pa.sourceMap().exact(path);
    if (at == null) at = pb.sourceMap().locate(path);
    out.add(new Change.FactChange(path, scalar(u), scalar(v), unitOf(pa, pb, path),
        at == null ? 0 : at.line(), at == null ? 0 : at.column()));
  }

  /** Records (a whole section or list entry present on one side only) are shown as text. */
  private static Object scalar(Object v) {
    if (v == null || v instanceof Number || v instanceof Boolean || v instanceof String) return v;
    if (v.getClass().isRecord() || v instanceof List) return "(stated)";
    return String.valueOf(v);
  }

  private static String unitOf(Profile pa, Profile pb, String path) {
    for (Profile p : new Profile[] {pb, pa}) {
      try {
        Located l = locate(p, path);
        if (l != null) return FactPaths.resolve(p, l.service, l.relative).unit();
      } catch (IllegalArgumentException e) {
        // a list entry or a path the resolver does not take: unit unknown
      }
    }
    return "text";
  }

  private record Located(Service service, String relative) {}

  private static Located locate(Profile p, String path) {
    if (path.startsWith("services.")) {
      int dot = path.indexOf('.', "services.".length());
      if (dot < 0) return null;
      String id = path.substring("services.".length(), dot);
      Service s = p.service(id).orElse(null);
      return s == null ? null : new Located(s, path.substring(dot + 1));
    }
    return FactPaths.isAbsolute(path) ? new Located(null, path) : null;
  }

  /** The value of a canonical fact path in a profile, or null when not stated (or no such service). */
  static Object valueAt(Profile p, String path) {
    Located l = locate(p, path);
    if (l == null) return null;
    try {
      return FactPaths.resolve(p, l.service, l.relative).value();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static Object get(RecordComponent c, Object target) {
    try {
      return c.getAccessor().invoke(target);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // The cause: designations, status, dates, scenario

  private List<String> reasons(Side a, Side b, Finding x, Finding y) {
    Finding f = y != null ? y : x;
    List<String> out = new ArrayList<>();
    if (x != null && y != null && x.status() != y.status()) {
      out.add("status of " + f.regime() + " changed from " + x.status().id() + " to " + y.status().id());
    }
    // the designations it rests on
    Set<String> deps = new LinkedHashSet<>();
    if (x != null) deps.addAll(x.dependsOn());
    if (y != null) deps.addAll(y.dependsOn());
    if (deps.isEmpty() && f.kind() != Kind.DESIGNATION && (x == null || y == null)) {
      // a duty or ban present on one side only: it rests on the designations of its regime
      for (Finding d : a.report().findings()) if (isDesignationFor(d, f)) deps.add(d.rule());
      for (Finding d : b.report().findings()) if (isDesignationFor(d, f)) deps.add(d.rule());
    }
    for (String dep : deps) {
      String da = designation(a.report(), dep, f.service());
      String db = designation(b.report(), dep, f.service());
      if (!Objects.equals(da, db)) {
        out.add("rests on " + dep + (f.service() == null ? "" : " [" + f.service() + "]") + ", which went from "
            + (da == null ? "no finding" : da.replace('_', ' ')) + " to " + (db == null ? "no finding" : db.replace('_', ' ')));
      }
    }
    // the law: regime selected, rule dates
    boolean ra = checker.evaluates(f.rule(), a.options());
    boolean rb = checker.evaluates(f.rule(), b.options());
    if (ra != rb) out.add(lawReason(f, ra ? a.options() : b.options(), ra ? b.options() : a.options(), ra));
    return out;
  }

  private static boolean isDesignationFor(Finding d, Finding f) {
    return d.kind() == Kind.DESIGNATION && d.regime().equals(f.regime()) && (f.service() == null || f.service().equals(d.service()));
  }

  /** The outcome of designation {@code rule} for the service (or, for a company-level finding, the best of any service). */
  private static String designation(ProfileReport r, String rule, String service) {
    String best = null;
    for (Finding d : r.findings()) {
      if (!d.rule().equals(rule) || (service != null && !service.equals(d.service()))) continue;
      String o = d.outcome().id();
      boolean bestMet = best != null && dev.kdpc.report.Outcome.byId(best).designationMet();
      if (best == null || d.outcome().designationMet() || ("undetermined".equals(o) && !bestMet)) best = o;
    }
    return best;
  }

  /** Why a rule is evaluated under one set of options ({@code on}) and not under the other ({@code off}). */
  private String lawReason(Finding f, Options on, Options off, boolean firstHasIt) {
    RuleInfo info = checker.catalogue().rule(f.rule()).orElse(null);
    RegimeInfo regime = checker.catalogue().regime(f.regime()).orElse(null);
    String side = firstHasIt ? "only in the first evaluation" : "only in the second evaluation";
    if (info != null && !info.validOn(off.asOf())) {
      return "rule " + f.rule() + " applies " + (info.validFrom() == null ? "" : "from " + info.validFrom())
          + (info.validFrom() != null && info.validTo() != null ? " " : "") + (info.validTo() == null ? "" : "until " + info.validTo())
          + ": " + side + " (as of " + on.asOf() + ", not as of " + off.asOf() + ")";
    }
    if (regime != null) {
      var sOn = info != null && info.status() != null ? info.status() : regime.statusOn(on.asOf());
      var sOff = info != null && info.status() != null ? info.status() : regime.statusOn(off.asOf());
      String onStatus = sOn == null ? "not yet announced" : sOn.id();
      String offStatus = sOff == null ? "not yet announced" : sOff.id();
      if (on.asOf().equals(off.asOf()) && on.scenario() != off.scenario()) {
        return f.regime() + " is " + onStatus + " on " + on.asOf() + ": evaluated under " + on.scenario().id() + ", not under " + off.scenario().id();
      }
      if (!on.asOf().equals(off.asOf())) {
        return f.regime() + " is " + onStatus + " on " + on.asOf() + " (evaluated under " + on.scenario().id() + ") and " + offStatus
            + " on " + off.asOf() + " (not evaluated under " + off.scenario().id() + ")";
      }
    }
    return "regime " + f.regime() + " evaluated " + side;
  }
}
