package dev.kdpc.rules;

import dev.kdpc.report.Status;
import java.time.LocalDate;
import java.util.List;

/**
 * One regime (a legal instrument or a proposal): its name, its source and its timeline of statuses.
 *
 * @param timeline the dates on which its status changed, oldest first
 */
public record RegimeInfo(
    String id,
    String title,
    String titleKo,
    String law,
    String lawKo,
    String source,
    List<Phase> timeline,
    List<String> notes,
    String file,
    int line) {

  /** From {@code from} on, the regime has {@code status}. */
  public record Phase(LocalDate from, Status status) {}

  public RegimeInfo {
    timeline = List.copyOf(timeline);
    notes = List.copyOf(notes);
  }

  /** The status on {@code date}, or null when the regime did not yet exist (not yet announced). */
  public Status statusOn(LocalDate date) {
    Status s = null;
    for (Phase p : timeline) if (!date.isBefore(p.from())) s = p.status();
    return s;
  }

  /** The first date on which it is in force, or null. */
  public LocalDate inForceFrom() {
    return timeline.stream().filter(p -> p.status() == Status.IN_FORCE).map(Phase::from).findFirst().orElse(null);
  }

  /** The first date on which it appears at all. */
  public LocalDate since() {
    return timeline.get(0).from();
  }
}
