package dev.kdpc.report;

import java.util.List;

/**
 * How one finding differs between two evaluations (two profiles, two scenarios, two dates, or a
 * profile and its what-if variant).
 *
 * @param type added (only in the second), removed (only in the first) or changed (outcome or status differ)
 * @param before the outcome in the first evaluation, or null when added
 * @param after the outcome in the second evaluation, or null when removed
 * @param statusBefore the legal status in the first evaluation, or null when added
 * @param statusAfter the legal status in the second evaluation, or null when removed
 * @param facts the cause: the facts among the finding's tests whose values differ
 * @param reasons the cause in words where it is not (only) a fact: a designation it rests on, a
 *     regime's status, a rule's dates, the scenario
 */
public record Change(
    Type type,
    String rule,
    String regime,
    Kind kind,
    String service,
    String title,
    String titleKo,
    Outcome before,
    Outcome after,
    Status statusBefore,
    Status statusAfter,
    List<FactChange> facts,
    List<String> reasons) {

  /** What happened to the finding. */
  public enum Type {
    ADDED, REMOVED, CHANGED;

    public String id() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /**
   * A fact whose value differs between the two evaluations.
   *
   * @param before the value in the first, or null when not stated
   * @param after the value in the second, or null when not stated
   * @param line its line in the second profile (or the first, when the second does not state it), or 0
   */
  public record FactChange(String fact, Object before, Object after, String unit, int line, int column) {}

  public Change {
    facts = List.copyOf(facts);
    reasons = List.copyOf(reasons);
  }
}
