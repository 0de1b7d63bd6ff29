package dev.kdpc.rules;

import dev.kdpc.report.Citation;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Status;
import java.time.LocalDate;
import java.util.List;

/**
 * One rule's metadata, as declared in its DRL file.
 *
 * @param status a status of the rule's own that overrides its regime's (e.g. a proposed variant
 *     inside a regime in force), or null
 * @param validFrom first day this version of the rule applies, or null
 * @param validTo last day it applies, or null
 * @param notes caveats: unconfirmed figures ({@code @confidence}), variants, other notes
 */
public record RuleInfo(
    String id,
    String regime,
    Kind kind,
    String title,
    String titleKo,
    Citation citation,
    Status status,
    LocalDate validFrom,
    LocalDate validTo,
    List<String> notes,
    String file,
    int line) {

  public RuleInfo {
    notes = List.copyOf(notes);
  }

  /** Whether this version of the rule applies on {@code date}. */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
  }
}
