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
    List<String> notes) {

  public Finding {
    because = List.copyOf(because);
    missing = List.copyOf(missing);
    dependsOn = List.copyOf(dependsOn);
    notes = List.copyOf(notes);
  }
}
