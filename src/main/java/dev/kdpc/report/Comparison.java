package dev.kdpc.report;

import java.util.List;

/**
 * The differences between two evaluations: two profiles ({@code kdpc diff OLD NEW}), or one profile
 * under two scenarios or two dates ({@code kdpc check --compare-scenarios}, {@code --compare-as-of}).
 *
 * @param before the first evaluation in words: its profile or scenario, date and scenario
 *     (e.g. {@code "scenario in-force, as of 2026-06-30"})
 * @param after what the second evaluation was
 * @param profiles one entry per profile (pair)
 */
public record Comparison(String tool, String rulesDigest, String before, String after, List<Entry> profiles) {
  public Comparison {
    profiles = List.copyOf(profiles);
  }

  /**
   * The changes for one profile (or pair of profiles).
   *
   * @param before the first profile's source
   * @param after the second profile's source
   */
  public record Entry(String before, String after, String company, List<Change> changes) {
    public Entry {
      changes = List.copyOf(changes);
    }
  }

  /** All changes of all profiles. */
  public List<Change> changes() {
    return profiles.stream().flatMap(p -> p.changes().stream()).toList();
  }
}
