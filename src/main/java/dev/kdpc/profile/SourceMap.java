package dev.kdpc.profile;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each value of a profile stands in its file, keyed by fact path: {@code company.revenue_krw.korea},
 * {@code services.tube.market.share}, {@code services.tube.market.leaders[0].share}.
 */
public final class SourceMap {
  public static final SourceMap EMPTY = new SourceMap(Map.of());

  /** Hashed for {@link #locate}, which every test of every rule calls; sorted only for {@link #asMap()}. */
  private final Map<String, SourceLocation> locations;

  public SourceMap(Map<String, SourceLocation> locations) {
    this.locations = Map.copyOf(locations);
  }

  /** The location of {@code path}, or of its nearest stated parent, or null. */
  public SourceLocation locate(String path) {
    String p = path;
    while (p != null && !p.isEmpty()) {
      SourceLocation l = locations.get(p);
      if (l != null) return l;
      int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      p = cut < 0 ? null : p.substring(0, cut);
    }
    return null;
  }

  /** The location of exactly {@code path}, or null when the profile does not state it. */
  public SourceLocation exact(String path) {
    return locations.get(path);
  }

  /** Every stated path and its position, sorted by path. */
  public Map<String, SourceLocation> asMap() {
    return Collections.unmodifiableMap(new TreeMap<>(locations));
  }
}
