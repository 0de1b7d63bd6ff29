package dev.kdpc.profile;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Where each value of a profile stands in its file, keyed by fact path: {@code company.revenue_krw.korea},
 * {@code services.tube.market.share}, {@code services.tube.market.leaders[0].share}.
 */
public final class SourceMap {
  public static final SourceMap EMPTY = new SourceMap(Map.of());

  /** Hashed for {@link #locate}, which every test of every rule calls; sorted only for {@link #asMap()}. */
  private final HashMap<String, SourceLocation> locations;

  /** Money and counts the profile wrote as text ({@code "4조 3,226억원"}), by fact path. */
  private final Map<String, String> written;

  public SourceMap(Map<String, SourceLocation> locations) {
    this(new HashMap<>(locations), Map.of());
  }

  /**
   * {@code locations} is this map's own (never changed after): HashMaps, not {@code Map.copyOf}, since a
   * look-up then compares the stored hash before the text, where the immutable map's open addressing
   * compares the text of every key its probe passes (a tenth of the time of locating the facts the rules
   * read went to {@code String.equals}).
   */
  private SourceMap(HashMap<String, SourceLocation> locations, Map<String, String> written) {
    this.locations = locations;
    this.written = written.isEmpty() ? Map.of() : new HashMap<>(written);
  }

  /** This map with the texts money and counts were written as (the locations are shared, not copied). */
  public SourceMap withWritten(Map<String, String> written) {
    return written.isEmpty() && this.written.isEmpty() ? this : new SourceMap(locations, written);
  }

  /** How the profile wrote the value at {@code path} when it wrote it as text (money in Korean units, digits with commas), else null. */
  public String written(String path) {
    return written.get(path);
  }

  /** Whether the profile wrote any money or count as text. */
  public boolean hasWritten() {
    return !written.isEmpty();
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
