package dev.kdpc.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.report.Change;
import dev.kdpc.report.Comparison;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Flip;
import dev.kdpc.report.NearMiss;
import dev.kdpc.report.Notice;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Sanction;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhyNot;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The JSON report (contract version 1, DESIGN §4). Keys are written in a fixed order and numbers in a
 * fixed form, so the same report always gives the same bytes.
 */
public final class JsonRenderer implements Renderer {
  public static final String NAME = "json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void render(Report report, Writer out, RenderOptions options) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(pp);
      MAPPER.writeTree(g, tree(report));
    }
    out.write("\n");
  }

  /** The report as a JSON tree. */
  public static ObjectNode tree(Report r) {
    ObjectNode o = F.objectNode();
    o.put("kdpc_report", Report.CONTRACT);
    o.put("tool", r.tool());
    o.put("as_of", r.asOf().toString());
    o.put("scenario", r.scenario());
    ArrayNode regimes = o.putArray("regimes");
    r.regimes().forEach(regimes::add);
    o.put("rules_digest", r.rulesDigest());
    ArrayNode notices = o.putArray("notices");
    for (Notice n : r.notices()) notices.addObject().put("regime", n.regime()).put("message", n.message());
    ArrayNode profiles = o.putArray("profiles");
    for (ProfileReport p : r.profiles()) profiles.add(profile(p));
    return o;
  }

  static ObjectNode profile(ProfileReport p) {
    ObjectNode o = F.objectNode();
    o.put("source", p.source());
    o.put("input_sha256", p.inputSha256());
    o.put("company", p.company());
    if (p.error() != null) o.put("error", p.error());
    ArrayNode findings = o.putArray("findings");
    for (Finding f : p.findings()) findings.add(finding(f));
    ArrayNode near = o.putArray("near_misses");
    for (NearMiss n : p.nearMisses()) {
      ObjectNode m = near.addObject();
      m.put("rule", n.rule());
      m.put("regime", n.regime());
      m.put("service", n.service());
      m.set("test", test(n.test()));
    }
    if (p.whatIf() != null) {
      ObjectNode w = o.putObject("what_if");
      ObjectNode set = w.putObject("set");
      p.whatIf().set().forEach(set::put);
      ArrayNode changes = w.putArray("changes");
      for (Change c : p.whatIf().changes()) changes.add(change(c));
    }
    if (!p.whyNot().isEmpty()) {
      ArrayNode why = o.putArray("why_not");
      for (WhyNot wn : p.whyNot()) {
        ObjectNode n = why.addObject();
        n.put("regime", wn.regime());
        n.put("service", wn.service());
        ArrayNode ds = n.putArray("designations");
        for (Finding f : wn.designations()) {
          ObjectNode d = ds.addObject();
          d.put("rule", f.rule());
          ArrayNode failed = d.putArray("failed");
          for (Test t : f.because()) if (Boolean.FALSE.equals(t.met())) failed.add(test(t));
          if (f.flip() != null) d.set("flip", flip(f.flip()));
          else d.putNull("flip");
        }
        strings(n.putArray("notes"), wn.notes());
      }
    }
    return o;
  }

  static ObjectNode flip(Flip f) {
    ObjectNode o = F.objectNode();
    o.put("fact", f.fact());
    o.set("from", scalar(f.from()));
    o.set("to", scalar(f.to()));
    o.put("unit", f.unit());
    if (f.line() > 0) {
      o.put("line", f.line());
      o.put("column", f.column());
    }
    o.put("set", f.setArgument());
    return o;
  }

  /** One finding's change between two evaluations. */
  public static ObjectNode change(Change c) {
    ObjectNode o = F.objectNode();
    o.put("change", c.type().id());
    o.put("rule", c.rule());
    o.put("regime", c.regime());
    o.put("kind", c.kind().id());
    o.put("service", c.service());
    o.put("title", c.title());
    if (c.titleKo() != null) o.put("title_ko", c.titleKo());
    o.put("before", c.before() == null ? null : c.before().id());
    o.put("after", c.after() == null ? null : c.after().id());
    o.put("status_before", c.statusBefore() == null ? null : c.statusBefore().id());
    o.put("status_after", c.statusAfter() == null ? null : c.statusAfter().id());
    ArrayNode facts = o.putArray("facts");
    for (Change.FactChange fc : c.facts()) {
      ObjectNode n = facts.addObject();
      n.put("fact", fc.fact());
      n.set("before", scalar(fc.before()));
      n.set("after", scalar(fc.after()));
      n.put("unit", fc.unit());
      if (fc.line() > 0) {
        n.put("line", fc.line());
        n.put("column", fc.column());
      }
    }
    strings(o.putArray("reasons"), c.reasons());
    return o;
  }

  /** A comparison ({@code kdpc diff}, {@code kdpc check --compare-scenarios}) as a JSON tree. */
  public static ObjectNode tree(Comparison c) {
    ObjectNode o = F.objectNode();
    o.put("kdpc_diff", Report.CONTRACT);
    o.put("tool", c.tool());
    o.put("rules_digest", c.rulesDigest());
    o.put("before", c.before());
    o.put("after", c.after());
    ArrayNode profiles = o.putArray("profiles");
    for (Comparison.Entry e : c.profiles()) {
      ObjectNode n = profiles.addObject();
      n.put("before", e.before());
      n.put("after", e.after());
      n.put("company", e.company());
      ArrayNode changes = n.putArray("changes");
      for (Change ch : e.changes()) changes.add(change(ch));
    }
    return o;
  }

  /** Writes a comparison as JSON, in the same fixed form as reports. */
  public static void render(Comparison c, Writer out) throws IOException {
    write(tree(c), out);
  }

  /** Writes a tree in the fixed form of kdpc's JSON outputs: two-space indent, keys in insertion order, a final newline. */
  static void write(com.fasterxml.jackson.databind.JsonNode tree, Writer out) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    try (JsonGenerator g = MAPPER.getFactory().createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(pp);
      MAPPER.writeTree(g, tree);
    }
    out.write("\n");
  }

  public static ObjectNode finding(Finding f) {
    ObjectNode o = F.objectNode();
    o.put("rule", f.rule());
    o.put("regime", f.regime());
    o.put("kind", f.kind().id());
    o.put("outcome", f.outcome().id());
    o.put("status", f.status().id());
    o.put("service", f.service());
    o.put("title", f.title());
    if (f.titleKo() != null) o.put("title_ko", f.titleKo());
    ObjectNode c = o.putObject("citation");
    c.put("law", f.citation().law());
    c.put("law_ko", f.citation().lawKo());
    c.put("article", f.citation().article());
    c.put("source", f.citation().source());
    ArrayNode because = o.putArray("because");
    for (Test t : f.because()) because.add(test(t));
    strings(o.putArray("missing"), f.missing());
    if (f.sanction() != null) o.set("sanction", sanction(f.sanction()));
    else o.putNull("sanction");
    strings(o.putArray("depends_on"), f.dependsOn());
    if (f.justification() != null) o.put("justification", f.justification());
    if (f.burden() != null) o.put("burden", f.burden());
    strings(o.putArray("notes"), f.notes());
    if (f.flip() != null) o.set("flip", flip(f.flip()));
    return o;
  }

  static ObjectNode test(Test t) {
    ObjectNode o = F.objectNode();
    o.put("fact", t.fact());
    if (t.label() != null) o.put("label", t.label());
    o.set("value", scalar(t.value()));
    o.put("op", t.op());
    o.set("threshold", scalar(t.threshold()));
    if (t.met() == null) o.putNull("met");
    else o.put("met", t.met());
    if (t.margin() == null) o.putNull("margin");
    else o.put("margin", BigDecimal.valueOf(t.margin()).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros());
    o.put("unit", t.unit());
    if (t.line() > 0) {
      o.put("line", t.line());
      o.put("column", t.column());
    }
    return o;
  }

  static ObjectNode sanction(Sanction s) {
    ObjectNode o = F.objectNode();
    o.put("text", s.text());
    if (s.rate() != null) o.put("rate", BigDecimal.valueOf(s.rate()).stripTrailingZeros());
    if (s.baseFact() != null) o.put("base_fact", s.baseFact());
    if (s.rate() != null) {
      if (s.baseKrw() != null) o.put("base_krw", s.baseKrw());
      else o.putNull("base_krw");
      if (s.maxKrw() != null) o.put("max_krw", s.maxKrw());
      else o.putNull("max_krw");
    }
    if (s.flatCapKrw() != null) o.put("flat_cap_krw", s.flatCapKrw());
    o.put("note", Sanction.CEILING_NOTE);
    return o;
  }

  static com.fasterxml.jackson.databind.JsonNode scalar(Object v) {
    if (v == null) return F.nullNode();
    if (v instanceof Boolean b) return F.booleanNode(b);
    if (v instanceof Long || v instanceof Integer) return F.numberNode(((Number) v).longValue());
    if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) return F.numberNode((long) d);
      return F.numberNode(BigDecimal.valueOf(d).stripTrailingZeros());
    }
    return F.textNode(String.valueOf(v));
  }

  static void strings(ArrayNode a, List<String> values) {
    values.forEach(a::add);
  }
}
