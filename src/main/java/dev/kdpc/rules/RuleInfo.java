package dev.kdpc.rules;

import dev.kdpc.report.Citation;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
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
 * @param designation for a designation rule, what meeting its test means in law ({@code @designation});
 *     null for the other kinds
 * @param sweepable the fact paths of the lines ({@code atLeast}, {@code atMost}, {@code below},
 *     {@code above}) that {@code kdpc impact --sweep} may vary ({@code @sweepable}); empty: none
 * @param ko the Korean of the rule's article and notes ({@code @article_ko}, {@code @note_ko}, {@code @variant_ko}),
 *     keyed by the English text
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
    int line,
    Designation designation,
    List<String> sweepable,
    java.util.Map<String, String> ko) {

  /** A rule without Korean texts beyond its title and law. */
  public RuleInfo(String id, String regime, Kind kind, String title, String titleKo, Citation citation, Status status,
      LocalDate validFrom, LocalDate validTo, List<String> notes, String file, int line, Designation designation, List<String> sweepable) {
    this(id, regime, kind, title, titleKo, citation, status, validFrom, validTo, notes, file, line, designation, sweepable, java.util.Map.of());
  }

  /** A rule with no sweepable line. */
  public RuleInfo(String id, String regime, Kind kind, String title, String titleKo, Citation citation, Status status,
      LocalDate validFrom, LocalDate validTo, List<String> notes, String file, int line, Designation designation) {
    this(id, regime, kind, title, titleKo, citation, status, validFrom, validTo, notes, file, line, designation, List.of());
  }

  /**
   * What a designation rule's test establishes when met, declared by the rule's
   * {@code @designation("presumption")} or {@code @designation("criteria")} metadata: legal content,
   * so it lives in the rule, not in Java.
   */
  public enum Designation {
    /** The law presumes the status (e.g. MRFTA Art. 6: "추정"); the firm may rebut it. Met reads {@code presumed}. */
    PRESUMPTION("presumption", Outcome.PRESUMED),
    /**
     * Duties attach to whoever meets the criteria, or the regulator designates on them (e.g. TBA Art.
     * 22-7 and decree Art. 30-8). Met reads {@code meets_criteria}.
     */
    CRITERIA("criteria", Outcome.MEETS_CRITERIA);

    private final String id;
    private final Outcome whenMet;

    Designation(String id, Outcome whenMet) {
      this.id = id;
      this.whenMet = whenMet;
    }

    public String id() {
      return id;
    }

    /** The outcome of a designation of this kind whose test is met. */
    public Outcome whenMet() {
      return whenMet;
    }

    /** The designation kind whose {@link #id()} is {@code id} (surrounding blanks ignored), or null. */
    public static Designation byId(Object id) {
      if (id == null) return null;
      String s = String.valueOf(id).strip();
      for (Designation d : values()) if (d.id.equals(s)) return d;
      return null;
    }

    /**
     * The met outcome for the {@code @designation} metadata value {@code id}. The catalogue refuses a
     * designation rule without a valid one at load, so this never sees a bad value from a loaded folder.
     */
    public static Outcome outcomeOf(Object id) {
      Designation d = byId(id);
      if (d == null) throw new IllegalStateException("a designation rule needs @designation(\"presumption\") or @designation(\"criteria\"), got " + id);
      return d.whenMet;
    }
  }

  public RuleInfo {
    notes = List.copyOf(notes);
    sweepable = sweepable == null ? List.of() : List.copyOf(sweepable);
    ko = ko == null ? java.util.Map.of() : java.util.Map.copyOf(ko);
  }

  /** Whether this version of the rule applies on {@code date}. */
  public boolean validOn(LocalDate date) {
    return (validFrom == null || !date.isBefore(validFrom)) && (validTo == null || !date.isAfter(validTo));
  }
}
