package dev.kdpc.rules;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.report.Status;
import java.time.LocalDate;

/**
 * The rules catalogue as JSON: what {@code kdpc rules --format json} prints and {@code GET /v1/rules}
 * answers; one rule's entry is what {@code GET /v1/rules/{id}} answers.
 */
public final class CatalogueJson {
  private CatalogueJson() {}

  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The regime's status on {@code date}, or {@code not yet announced}. */
  public static String status(RegimeInfo r, LocalDate date) {
    Status s = r.statusOn(date);
    return s == null ? "not yet announced" : s.id();
  }

  /** Every regime with its status on {@code date}, and every rule. */
  public static ObjectNode catalogue(RuleCatalogue cat, LocalDate date) {
    ObjectNode o = F.objectNode();
    o.put("as_of", date.toString());
    o.put("rules_digest", cat.digest());
    ArrayNode regimes = o.putArray("regimes");
    for (RegimeInfo r : cat.regimes()) regimes.add(regime(r, date));
    ArrayNode rules = o.putArray("rules");
    for (RuleInfo i : cat.rules()) rules.add(rule(i));
    return o;
  }

  /** One regime: its status on {@code date}, law, source, timeline and notes. */
  public static ObjectNode regime(RegimeInfo r, LocalDate date) {
    ObjectNode n = F.objectNode();
    n.put("id", r.id());
    n.put("status", status(r, date));
    n.put("in_force_from", r.inForceFrom() == null ? null : r.inForceFrom().toString());
    n.put("title", r.title());
    n.put("title_ko", r.titleKo());
    n.put("law", r.law());
    n.put("law_ko", r.lawKo());
    n.put("source", r.source());
    ArrayNode t = n.putArray("timeline");
    for (RegimeInfo.Phase p : r.timeline()) t.addObject().put("from", p.from().toString()).put("status", p.status().id());
    ArrayNode notes = n.putArray("notes");
    r.notes().forEach(notes::add);
    return n;
  }

  /** One rule: its id, regime, kind, titles, citation, dates, where it is written and its notes. */
  public static ObjectNode rule(RuleInfo i) {
    ObjectNode n = F.objectNode();
    n.put("id", i.id());
    n.put("regime", i.regime());
    n.put("kind", i.kind().id());
    if (i.designation() != null) n.put("designation", i.designation().id());
    if (!i.sweepable().isEmpty()) {
      ArrayNode sw = n.putArray("sweepable");
      i.sweepable().forEach(sw::add);
    }
    n.put("title", i.title());
    n.put("title_ko", i.titleKo());
    n.put("law", i.citation().law());
    n.put("law_ko", i.citation().lawKo());
    n.put("article", i.citation().article());
    n.put("source", i.citation().source());
    n.put("status", i.status() == null ? null : i.status().id());
    n.put("valid_from", i.validFrom() == null ? null : i.validFrom().toString());
    n.put("valid_to", i.validTo() == null ? null : i.validTo().toString());
    n.put("file", i.file());
    n.put("line", i.line());
    ArrayNode notes = n.putArray("notes");
    i.notes().forEach(notes::add);
    return n;
  }
}
