package dev.kdpc.rules;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.SourceLocation;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The facts the rules have read from one profile during one evaluation, each resolved once with its
 * position in the file: many rules read the same facts (a company's revenue, a service's users), and
 * resolving a path and locating it in the file cost more than the test itself. One instance per
 * evaluation, shared by its {@link ServiceFact}s and {@link CompanyFact}; not thread-safe (a session
 * fires its rules on one thread).
 */
final class FactCache {
  /**
   * A resolved fact, where the file states it (or its nearest stated parent; null when nowhere) and how
   * it wrote the value when it wrote money or a count as text ({@code "4조 3,226억원"}; else null).
   */
  record Located(FactPaths.Fact fact, SourceLocation at, String written) {}

  private final Profile profile;
  /**
   * Keyed by the path object the rule passed: the rules pass their literals, one object per path, so an
   * identity look-up finds them without hashing or comparing text; a path built at run time is a new
   * object each time and is resolved again (the same fact, found again).
   */
  private final Map<String, Located> absolute = new IdentityHashMap<>();
  private final Map<Service, Map<String, Located>> relative = new IdentityHashMap<>();

  private final LineOverride override;
  /** The metadata of the rule a consequence runs for, from the KieBase's own table; null: read from the rule. */
  private final java.util.function.Function<org.kie.api.definition.rule.Rule, RuleInfo> infos;

  FactCache(Profile profile) {
    this(profile, null, null);
  }

  FactCache(Profile profile, LineOverride override, java.util.function.Function<org.kie.api.definition.rule.Rule, RuleInfo> infos) {
    this.profile = profile;
    this.override = override;
    this.infos = infos;
  }

  private Map<Object, Object> memo;

  /** Results worked out once per evaluation for the findings that share them (see {@code Assessment.exact}). */
  Map<Object, Object> memo() {
    Map<Object, Object> m = memo;
    if (m == null) memo = m = new java.util.HashMap<>();
    return m;
  }

  /** {@code rule}'s metadata as the catalogue holds it, or null where this evaluation was given no table. */
  RuleInfo info(org.kie.api.definition.rule.Rule rule) {
    return infos == null ? null : infos.apply(rule);
  }

  /** The line a sweep sets for this evaluation, or null. */
  LineOverride override() {
    return override;
  }

  Profile profile() {
    return profile;
  }

  /** {@code path} resolved for {@code service} (null for a company-level rule); see {@link FactPaths#resolve}. */
  Located get(Service service, String path) {
    Located l = absolute.get(path);
    if (l != null) return l;
    Map<String, Located> own = service == null ? null : relative.computeIfAbsent(service, s -> new IdentityHashMap<>());
    if (own != null && (l = own.get(path)) != null) return l;
    FactPaths.Fact f = FactPaths.resolve(profile, service, path);
    dev.kdpc.profile.SourceMap map = profile.sourceMap();
    // only money and counts are written as text, and only a stated value has a form: no look-up for the rest
    boolean mayBeWritten = f.value() != null && map.hasWritten() && ("krw".equals(f.unit()) || "count".equals(f.unit()));
    l = new Located(f, map.locate(f.path()), mayBeWritten ? map.written(f.path()) : null);
    if (f.path().equals(path)) absolute.put(path, l); // an absolute path resolves to itself
    else own.put(path, l);
    return l;
  }
}
