package dev.kdpc.rules;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.Service;
import dev.kdpc.profile.SourceLocation;
import java.util.HashMap;
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
  private final Map<String, Located> absolute = new HashMap<>();
  private final Map<Service, Map<String, Located>> relative = new IdentityHashMap<>();
  private final Map<FactPaths.Fact, Located> positions = new IdentityHashMap<>();

  private final LineOverride override;

  FactCache(Profile profile) {
    this(profile, null);
  }

  FactCache(Profile profile, LineOverride override) {
    this.profile = profile;
    this.override = override;
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
    Map<String, Located> own = service == null ? null : relative.computeIfAbsent(service, s -> new HashMap<>());
    if (own != null && (l = own.get(path)) != null) return l;
    FactPaths.Fact f = FactPaths.resolve(profile, service, path);
    dev.kdpc.profile.SourceMap map = profile.sourceMap();
    l = new Located(f, map.locate(f.path()), map.hasWritten() ? map.written(f.path()) : null);
    positions.put(f, l);
    if (f.path().equals(path)) absolute.put(path, l); // an absolute path resolves to itself
    else own.put(path, l);
    return l;
  }

  /** Where the file states {@code f} (a fact this cache resolved), or its nearest stated parent; null when nowhere. */
  SourceLocation at(FactPaths.Fact f) {
    Located l = positions.get(f);
    return l != null ? l.at() : profile.sourceMap().locate(f.path());
  }

  /** How the file wrote {@code f}'s value, when it wrote money or a count as text; else null. */
  String written(FactPaths.Fact f) {
    Located l = positions.get(f);
    return l != null ? l.written() : profile.sourceMap().written(f.path());
  }
}
