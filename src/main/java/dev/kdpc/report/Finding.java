package dev.kdpc.report;

import java.util.List;

/**
 * One finding: a designation, an obligation or a prohibition, for one service or the company.
 *
 * @param rule the stable rule id
 * @param regime the regime id
 * @param service the service id, or null for company-level findings
 * @param because the tests behind the outcome
 * @param missing the profile paths whose absence made it undetermined
 * @param dependsOn the designation rules this finding rests on
 * @param justification the justification the profile claims for a conduct, or null
 * @param burden who must prove a justification, or null
 * @param notes caveats from the rules: unconfirmed figures, variants, guidance that is not law
 * @param flip for a designation not met, the one fact change that would meet it, or null
 * @param missingImmaterial the profile paths not stated that could not change the outcome, whatever their values
 * @param readings where the law's text admits another reading, the outcome under it when it differs
 * @param ko the Korean of the rule's texts in this finding (article, notes, sanction, burden, readings), keyed by the
 *     English text, from the rule's {@code @article_ko}/{@code @note_ko}/{@code @variant_ko} and its {@code .ko("…")} calls
 */
public record Finding(
    String rule,
    String regime,
    Kind kind,
    Outcome outcome,
    Status status,
    String service,
    Citation citation,
    String title,
    String titleKo,
    List<Test> because,
    List<String> missing,
    Sanction sanction,
    List<String> dependsOn,
    String justification,
    String burden,
    List<String> notes,
    Flip flip,
    List<String> missingImmaterial,
    List<Reading> readings,
    java.util.Map<String, String> ko) {

  /** A finding without Korean texts. */
  public Finding(String rule, String regime, Kind kind, Outcome outcome, Status status, String service, Citation citation,
      String title, String titleKo, List<Test> because, List<String> missing, Sanction sanction, List<String> dependsOn,
      String justification, String burden, List<String> notes, Flip flip, List<String> missingImmaterial, List<Reading> readings) {
    this(rule, regime, kind, outcome, status, service, citation, title, titleKo, because, missing, sanction, dependsOn,
        justification, burden, notes, flip, missingImmaterial, readings, java.util.Map.of());
  }

  /** A finding without a flip. */
  public Finding(String rule, String regime, Kind kind, Outcome outcome, Status status, String service, Citation citation,
      String title, String titleKo, List<Test> because, List<String> missing, Sanction sanction, List<String> dependsOn,
      String justification, String burden, List<String> notes) {
    this(rule, regime, kind, outcome, status, service, citation, title, titleKo, because, missing, sanction, dependsOn,
        justification, burden, notes, null, List.of(), List.of());
  }

  /** A finding without readings, with every missing fact able to change its outcome. */
  public Finding(String rule, String regime, Kind kind, Outcome outcome, Status status, String service, Citation citation,
      String title, String titleKo, List<Test> because, List<String> missing, Sanction sanction, List<String> dependsOn,
      String justification, String burden, List<String> notes, Flip flip) {
    this(rule, regime, kind, outcome, status, service, citation, title, titleKo, because, missing, sanction, dependsOn,
        justification, burden, notes, flip, List.of(), List.of());
  }

  /** This finding with other tests (e.g. with the values as the profile wrote them). */
  public Finding withBecause(List<Test> because) {
    return new Finding(rule, regime, kind, outcome, status, service, citation, title, titleKo, because, missing, sanction,
        dependsOn, justification, burden, notes, flip, missingImmaterial, readings, ko);
  }

  /** This finding with {@code flip}. */
  public Finding withFlip(Flip flip) {
    return new Finding(rule, regime, kind, outcome, status, service, citation, title, titleKo, because, missing, sanction,
        dependsOn, justification, burden, notes, flip, missingImmaterial, readings, ko);
  }

  /** The title in {@code lang} ({@code ko} or {@code en}): the Korean title where the rule has one. */
  public String title(String lang) {
    return "ko".equals(lang) && titleKo != null ? titleKo : title;
  }

  /**
   * A text of the rule's ({@code en}: its article, a note, the sanction, the burden, a reading) in {@code lang}: its
   * Korean where {@code lang} is {@code ko} and the rule gives one, else the English.
   */
  public String text(String en, String lang) {
    if (en == null || !"ko".equals(lang)) return en;
    String k = ko.get(en);
    return k != null ? k : en;
  }

  /** The article in {@code lang}. */
  public String article(String lang) {
    return text(citation.article(), lang);
  }

  public Finding {
    ko = ko == null ? java.util.Map.of() : java.util.Map.copyOf(ko);
    because = List.copyOf(because);
    missing = List.copyOf(missing);
    dependsOn = List.copyOf(dependsOn);
    notes = List.copyOf(notes);
    missingImmaterial = missingImmaterial == null ? List.of() : List.copyOf(missingImmaterial);
    readings = readings == null ? List.of() : List.copyOf(readings);
  }
}
