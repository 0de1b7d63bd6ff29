package dev.kdpc.profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A profile file decoded and parsed once ({@link ProfileReader#parse(java.nio.file.Path)}), to be bound
 * as written or with what-if overrides. A what-if ({@code --set}) and every flip a report names (each
 * verified by evaluating the profile again with one fact changed) bind the same parsed tree with a
 * change, instead of reading and parsing the YAML again: in a folder run that parse was most of the
 * time spent on flips.
 *
 * <p>The tree is never modified (overrides are applied to a copy), so one instance may be shared
 * between threads.
 *
 * <pre>{@code
 * ParsedProfile parsed = new ProfileReader().parse(Path.of("samples/webtoon-near-miss.yaml"));
 * Profile asWritten = parsed.profile();
 * Profile whatIf = parsed.with(Map.of("services.comics.users.monthly_active_kr", "10000000"));
 * }</pre>
 */
public final class ParsedProfile {
  private final ProfileReader reader;
  private final String name;
  private final String sha;
  private final JsonNode tree;
  private final Map<String, SourceLocation> pointers;
  private final SourceMaps maps = new SourceMaps();
  private volatile Profile asWritten;

  ParsedProfile(ProfileReader reader, String name, String sha, JsonNode tree, Map<String, SourceLocation> pointers) {
    this.reader = reader;
    this.name = name;
    this.sha = sha;
    this.tree = tree;
    this.pointers = pointers;
  }

  /** The file's name, as given. */
  public String name() {
    return name;
  }

  /** The profile as written; throws {@link ProfileException} when it does not bind or fails a check. */
  public Profile profile() {
    Profile p = asWritten;
    if (p == null) {
      p = reader.bindAndValidate(name, sha, tree, pointers, maps);
      asWritten = p;
    }
    return p;
  }

  /**
   * The profile with the values at {@code overrides}' fact paths ({@code services.search.market.share})
   * replaced by YAML scalars ({@code 0.61}, {@code "61%"}, {@code true}) before it is bound and checked,
   * exactly as if the file said so; positions stay those of the file.
   */
  public Profile with(Map<String, String> overrides) {
    if (overrides.isEmpty()) return profile();
    ObjectNode copy = (ObjectNode) tree.deepCopy();
    Overrides.apply(name, copy, overrides, reader);
    return reader.bindAndValidate(name, sha, copy, pointers, maps);
  }

  /**
   * The source map depends only on the file's positions and on which id each service has; overrides
   * rarely change an id, so the map made for the profile as written serves its variants too.
   */
  static final class SourceMaps {
    private volatile Map<String, String> key;
    private volatile SourceMap map;

    SourceMap get(Map<String, String> canonical, Supplier<SourceMap> make) {
      SourceMap m = map;
      if (m != null && canonical.equals(key)) return m;
      m = make.get();
      synchronized (this) {
        if (map == null) {
          key = Map.copyOf(canonical);
          map = m;
        }
      }
      return m;
    }
  }
}
