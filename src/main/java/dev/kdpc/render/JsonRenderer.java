package dev.kdpc.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
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
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * The JSON report (contract version 1, DESIGN §4). Keys are written in a fixed order and numbers in a
 * fixed form, so the same report always gives the same bytes.
 *
 * <p>Each part is described once, as the calls that write it to a {@link JsonGenerator}
 * ({@code writeReport}, {@code writeFinding}, ...). {@link #render(Report, Writer, RenderOptions)}
 * streams those calls straight to the output, with no tree in between (building a tree of the whole
 * report and then writing it was a fifth of a folder run's CPU time). The tree methods
 * ({@link #tree(Report)}, {@link #finding}, ...) for the renderers and tests that want nodes replay the
 * same calls into a {@link TokenBuffer} and read that as a tree, so a tree written with
 * {@link #write} gives the same bytes as the stream ({@code JsonStreamingTest}).
 */
public final class JsonRenderer implements Renderer {
  public static final String NAME = "json";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void render(Report report, Writer out, RenderOptions options) throws IOException {
    try (JsonGenerator g = generator(out)) {
      writeReport(g, report);
    }
    out.write("\n");
  }

  /** Writes a comparison as JSON, in the same fixed form as reports. */
  public static void render(Comparison c, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      writeComparison(g, c);
    }
    out.write("\n");
  }

  /** Writes a tree in the fixed form of kdpc's JSON outputs: two-space indent, keys in insertion order, a final newline. */
  static void write(JsonNode tree, Writer out) throws IOException {
    try (JsonGenerator g = generator(out)) {
      MAPPER.writeTree(g, tree);
    }
    out.write("\n");
  }

  /** A generator in the fixed form: two-space object indent, one-line arrays, the target left open. */
  private static JsonGenerator generator(Writer out) throws IOException {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
    JsonGenerator g = MAPPER.getFactory().createGenerator(out);
    g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
    g.setPrettyPrinter(pp);
    return g;
  }

  /** The report as a JSON tree. */
  public static ObjectNode tree(Report r) {
    return node(g -> writeReport(g, r));
  }

  /** A comparison ({@code kdpc diff}, {@code kdpc check --compare-scenarios}) as a JSON tree. */
  public static ObjectNode tree(Comparison c) {
    return node(g -> writeComparison(g, c));
  }

  public static ObjectNode finding(Finding f) {
    return node(g -> writeFinding(g, f));
  }

  /** One finding's change between two evaluations. */
  public static ObjectNode change(Change c) {
    return node(g -> writeChange(g, c));
  }

  static ObjectNode profile(ProfileReport p) {
    return node(g -> writeProfile(g, p));
  }

  static ObjectNode test(Test t) {
    return node(g -> writeTest(g, t));
  }

  static ObjectNode sanction(Sanction s) {
    return node(g -> writeSanction(g, s));
  }

  static ObjectNode flip(Flip f) {
    return node(g -> writeFlip(g, f));
  }

  /** One object's writing calls. */
  @FunctionalInterface
  private interface Part {
    void writeTo(JsonGenerator g) throws IOException;
  }

  /** The object {@code part} writes, as a tree. */
  private static ObjectNode node(Part part) {
    try (TokenBuffer b = new TokenBuffer(MAPPER, false)) {
      part.writeTo(b);
      try (JsonParser p = b.asParser()) {
        return MAPPER.readTree(p);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot happen: writing to memory", e);
    }
  }

  static void writeReport(JsonGenerator g, Report r) throws IOException {
    g.writeStartObject();
    g.writeNumberField("kdpc_report", Report.CONTRACT);
    text(g, "tool", r.tool());
    text(g, "as_of", r.asOf().toString());
    text(g, "scenario", r.scenario());
    strings(g, "regimes", r.regimes());
    text(g, "rules_digest", r.rulesDigest());
    g.writeArrayFieldStart("notices");
    for (Notice n : r.notices()) {
      g.writeStartObject();
      text(g, "regime", n.regime());
      text(g, "message", n.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeArrayFieldStart("profiles");
    for (ProfileReport p : r.profiles()) writeProfile(g, p);
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeProfile(JsonGenerator g, ProfileReport p) throws IOException {
    g.writeStartObject();
    text(g, "source", p.source());
    text(g, "input_sha256", p.inputSha256());
    text(g, "company", p.company());
    if (p.error() != null) text(g, "error", p.error());
    g.writeArrayFieldStart("findings");
    for (Finding f : p.findings()) writeFinding(g, f);
    g.writeEndArray();
    g.writeArrayFieldStart("near_misses");
    for (NearMiss n : p.nearMisses()) {
      g.writeStartObject();
      text(g, "rule", n.rule());
      text(g, "regime", n.regime());
      text(g, "service", n.service());
      g.writeFieldName("test");
      writeTest(g, n.test());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (p.whatIf() != null) {
      g.writeObjectFieldStart("what_if");
      g.writeObjectFieldStart("set");
      for (Map.Entry<String, String> e : p.whatIf().set().entrySet()) text(g, e.getKey(), e.getValue());
      g.writeEndObject();
      g.writeArrayFieldStart("changes");
      for (Change c : p.whatIf().changes()) writeChange(g, c);
      g.writeEndArray();
      g.writeEndObject();
    }
    if (!p.whyNot().isEmpty()) {
      g.writeArrayFieldStart("why_not");
      for (WhyNot wn : p.whyNot()) {
        g.writeStartObject();
        text(g, "regime", wn.regime());
        text(g, "service", wn.service());
        g.writeArrayFieldStart("designations");
        for (Finding f : wn.designations()) {
          g.writeStartObject();
          text(g, "rule", f.rule());
          g.writeArrayFieldStart("failed");
          for (Test t : f.because()) if (Boolean.FALSE.equals(t.met())) writeTest(g, t);
          g.writeEndArray();
          g.writeFieldName("flip");
          if (f.flip() != null) writeFlip(g, f.flip());
          else g.writeNull();
          g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, "notes", wn.notes());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    text(g, "rule", f.rule());
    text(g, "regime", f.regime());
    text(g, "kind", f.kind().id());
    text(g, "outcome", f.outcome().id());
    text(g, "status", f.status().id());
    text(g, "service", f.service());
    text(g, "title", f.title());
    if (f.titleKo() != null) text(g, "title_ko", f.titleKo());
    g.writeObjectFieldStart("citation");
    text(g, "law", f.citation().law());
    text(g, "law_ko", f.citation().lawKo());
    text(g, "article", f.citation().article());
    text(g, "source", f.citation().source());
    g.writeEndObject();
    g.writeArrayFieldStart("because");
    for (Test t : f.because()) writeTest(g, t);
    g.writeEndArray();
    strings(g, "missing", f.missing());
    g.writeFieldName("sanction");
    if (f.sanction() != null) writeSanction(g, f.sanction());
    else g.writeNull();
    strings(g, "depends_on", f.dependsOn());
    if (f.justification() != null) text(g, "justification", f.justification());
    if (f.burden() != null) text(g, "burden", f.burden());
    strings(g, "notes", f.notes());
    if (f.flip() != null) {
      g.writeFieldName("flip");
      writeFlip(g, f.flip());
    }
    g.writeEndObject();
  }

  static void writeTest(JsonGenerator g, Test t) throws IOException {
    g.writeStartObject();
    text(g, "fact", t.fact());
    if (t.label() != null) text(g, "label", t.label());
    scalar(g, "value", t.value());
    text(g, "op", t.op());
    scalar(g, "threshold", t.threshold());
    g.writeFieldName("met");
    if (t.met() == null) g.writeNull();
    else g.writeBoolean(t.met());
    g.writeFieldName("margin");
    if (t.margin() == null) g.writeNull();
    else g.writeNumber(BigDecimal.valueOf(t.margin()).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros());
    text(g, "unit", t.unit());
    position(g, t.line(), t.column());
    g.writeEndObject();
  }

  static void writeSanction(JsonGenerator g, Sanction s) throws IOException {
    g.writeStartObject();
    text(g, "text", s.text());
    if (s.rate() != null) g.writeNumberField("rate", BigDecimal.valueOf(s.rate()).stripTrailingZeros());
    if (s.baseFact() != null) text(g, "base_fact", s.baseFact());
    if (s.rate() != null) {
      krw(g, "base_krw", s.baseKrw());
      krw(g, "max_krw", s.maxKrw());
    }
    if (s.flatCapKrw() != null) krw(g, "flat_cap_krw", s.flatCapKrw());
    text(g, "note", Sanction.CEILING_NOTE);
    g.writeEndObject();
  }

  static void writeFlip(JsonGenerator g, Flip f) throws IOException {
    g.writeStartObject();
    text(g, "fact", f.fact());
    scalar(g, "from", f.from());
    scalar(g, "to", f.to());
    text(g, "unit", f.unit());
    position(g, f.line(), f.column());
    text(g, "set", f.setArgument());
    g.writeEndObject();
  }

  static void writeChange(JsonGenerator g, Change c) throws IOException {
    g.writeStartObject();
    text(g, "change", c.type().id());
    text(g, "rule", c.rule());
    text(g, "regime", c.regime());
    text(g, "kind", c.kind().id());
    text(g, "service", c.service());
    text(g, "title", c.title());
    if (c.titleKo() != null) text(g, "title_ko", c.titleKo());
    text(g, "before", c.before() == null ? null : c.before().id());
    text(g, "after", c.after() == null ? null : c.after().id());
    text(g, "status_before", c.statusBefore() == null ? null : c.statusBefore().id());
    text(g, "status_after", c.statusAfter() == null ? null : c.statusAfter().id());
    g.writeArrayFieldStart("facts");
    for (Change.FactChange fc : c.facts()) {
      g.writeStartObject();
      text(g, "fact", fc.fact());
      scalar(g, "before", fc.before());
      scalar(g, "after", fc.after());
      text(g, "unit", fc.unit());
      position(g, fc.line(), fc.column());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, "reasons", c.reasons());
    g.writeEndObject();
  }

  static void writeComparison(JsonGenerator g, Comparison c) throws IOException {
    g.writeStartObject();
    g.writeNumberField("kdpc_diff", Report.CONTRACT);
    text(g, "tool", c.tool());
    text(g, "rules_digest", c.rulesDigest());
    text(g, "before", c.before());
    text(g, "after", c.after());
    g.writeArrayFieldStart("profiles");
    for (Comparison.Entry e : c.profiles()) {
      g.writeStartObject();
      text(g, "before", e.before());
      text(g, "after", e.after());
      text(g, "company", e.company());
      g.writeArrayFieldStart("changes");
      for (Change ch : e.changes()) writeChange(g, ch);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /** A text field, null when {@code v} is null. */
  private static void text(JsonGenerator g, String name, String v) throws IOException {
    g.writeFieldName(name);
    if (v == null) g.writeNull();
    else g.writeString(v);
  }

  /** A won amount, null when {@code v} is null. */
  private static void krw(JsonGenerator g, String name, Long v) throws IOException {
    g.writeFieldName(name);
    if (v == null) g.writeNull();
    else g.writeNumber(v.longValue());
  }

  /** {@code line} and {@code column} of a fact in its profile, when it is stated there. */
  private static void position(JsonGenerator g, int line, int column) throws IOException {
    if (line > 0) {
      g.writeNumberField("line", line);
      g.writeNumberField("column", column);
    }
  }

  /**
   * A fact's value or a line: null, a boolean, a whole number as an integer (below 10^15), any other
   * number as its shortest decimal (from the double, trailing zeros stripped), anything else as text.
   */
  private static void scalar(JsonGenerator g, String name, Object v) throws IOException {
    g.writeFieldName(name);
    if (v == null) g.writeNull();
    else if (v instanceof Boolean b) g.writeBoolean(b);
    else if (v instanceof Long || v instanceof Integer) g.writeNumber(((Number) v).longValue());
    else if (v instanceof Number n) {
      double d = n.doubleValue();
      if (d == Math.rint(d) && Math.abs(d) < 1e15) g.writeNumber((long) d);
      else g.writeNumber(BigDecimal.valueOf(d).stripTrailingZeros());
    } else g.writeString(String.valueOf(v));
  }

  /** An array of texts. */
  private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
    g.writeArrayFieldStart(name);
    for (String v : values) {
      if (v == null) g.writeNull();
      else g.writeString(v);
    }
    g.writeEndArray();
  }
}
