package dev.kdpc.impact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.report.Notice;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/** The JSON form of an {@link Impact}, contract {@code "kdpc_impact": 1} ({@code kdpc schema impact}). Deterministic. */
public final class ImpactJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  private ImpactJson() {}

  /** Writes {@code impact} with two-space indent and a final newline. */
  public static void write(Impact impact, Writer out) throws IOException {
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n")));
      MAPPER.writeTree(g, tree(impact));
    }
    out.write("\n");
  }

  public static ObjectNode tree(Impact i) {
    ObjectNode o = F.objectNode();
    o.put("kdpc_impact", Impact.CONTRACT);
    o.put("tool", i.tool());
    o.put("as_of", i.asOf().toString());
    o.put("scenario", i.scenario());
    o.put("rules_digest", i.rulesDigest());
    o.put("profiles", i.profiles());
    ArrayNode failed = o.putArray("failed");
    for (Impact.Failed f : i.failed()) failed.addObject().put("source", f.source()).put("error", f.error());
    ArrayNode notices = o.putArray("notices");
    for (Notice n : i.notices()) notices.addObject().put("regime", n.regime()).put("message", n.message());
    ArrayNode regimes = o.putArray("regimes");
    for (Impact.RegimeImpact r : i.regimes()) {
      ObjectNode rn = regimes.addObject();
      rn.put("regime", r.regime());
      rn.put("status", r.status());
      rn.put("title", r.title());
      groups(rn.putObject("by_country"), r.byCountry(), ImpactJson::entries);
    }
    if (i.sweep() == null) {
      o.putNull("sweep");
    } else {
      Impact.Sweep s = i.sweep();
      ObjectNode sn = o.putObject("sweep");
      ArrayNode rules = sn.putArray("rules");
      s.rules().forEach(rules::add);
      sn.put("regime", s.regime());
      sn.put("fact", s.fact());
      ObjectNode stated = sn.putObject("stated_lines");
      s.statedLines().forEach((k, v) -> stated.set(k, number(v)));
      sn.set("stated_line", s.statedLine() == null ? F.nullNode() : number(s.statedLine()));
      ArrayNode points = sn.putArray("points");
      for (Impact.Point p : s.points()) {
        ObjectNode pn = points.addObject();
        pn.set("line", number(p.line()));
        groups(pn.putObject("by_country"), p.byCountry(), (a, names) -> names.forEach(a::add));
      }
    }
    return o;
  }

  /** Per country, the three groups, each written by {@code items}. */
  private static <T> void groups(ObjectNode by, Map<String, Impact.Groups<T>> byCountry, java.util.function.BiConsumer<ArrayNode, List<T>> items) {
    for (Map.Entry<String, Impact.Groups<T>> e : byCountry.entrySet()) {
      ObjectNode c = by.putObject(e.getKey());
      items.accept(c.putArray("caught"), e.getValue().caught());
      items.accept(c.putArray("not_caught"), e.getValue().notCaught());
      items.accept(c.putArray("undetermined"), e.getValue().undetermined());
    }
  }

  private static void entries(ArrayNode a, List<Impact.Entry> entries) {
    for (Impact.Entry e : entries) {
      ObjectNode en = a.addObject();
      en.put("company", e.company());
      en.put("source", e.source());
      ArrayNode ds = en.putArray("designations");
      for (Impact.Designation d : e.designations()) {
        ObjectNode dn = ds.addObject();
        dn.put("rule", d.rule());
        dn.put("service", d.service());
        dn.put("outcome", d.outcome());
        if (d.deciding() == null) {
          dn.putNull("deciding");
        } else {
          ObjectNode t = dn.putObject("deciding");
          t.put("fact", d.deciding().fact());
          t.set("value", value(d.deciding().value()));
          t.put("op", d.deciding().op());
          t.set("threshold", value(d.deciding().threshold()));
          if (d.deciding().margin() == null) t.putNull("margin");
          else t.put("margin", d.deciding().margin());
        }
        ArrayNode m = dn.putArray("missing");
        d.missing().forEach(m::add);
      }
    }
  }

  private static JsonNode value(Object v) {
    if (v instanceof BigDecimal b) return number(b);
    return MAPPER.valueToTree(v == null ? null : v instanceof Number || v instanceof Boolean ? v : String.valueOf(v));
  }

  /** A whole number as an integer, else as a decimal in plain notation. */
  static JsonNode number(BigDecimal v) {
    BigDecimal s = v.stripTrailingZeros();
    if (s.scale() <= 0 && s.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) <= 0) return F.numberNode(s.longValueExact());
    return F.numberNode(s.doubleValue());
  }
}
