package dev.kdpc.render;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.SerializedString;
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
import dev.kdpc.report.Reading;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Sanction;
import dev.kdpc.report.Test;
import dev.kdpc.report.WhyNot;
import java.io.IOException;
import java.io.OutputStream;
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

  /** Head: the report's basis up to the opening of its {@code profiles} array; a part per profile; the tail closes both. */
  @Override
  public Stream open(Report header, Writer out, RenderOptions options) throws IOException {
    return stream(generator(out), header, () -> out.write("\n"));
  }

  /** Jackson's UTF-8 generator, straight to bytes: the same bytes as {@link #open(Report, Writer, RenderOptions)}, in about half the time. */
  @Override
  public Stream openUtf8(Report header, OutputStream out, RenderOptions options) throws IOException {
    return stream(configure(MAPPER.getFactory().createGenerator(out, JsonEncoding.UTF8)), header, () -> {
      out.write('\n');
      out.flush();
    });
  }

  private interface Newline {
    void write() throws IOException;
  }

  private static Stream stream(JsonGenerator g, Report header, Newline newline) throws IOException {
    writeHead(g, header);
    return new Stream() {
      @Override
      public void part(ProfileReport p) throws IOException {
        writeProfile(g, p);
      }

      @Override
      public void finish() throws IOException {
        writeTail(g);
        g.close();
        newline.write();
      }

      // close(): nothing to release; closing the generator unfinished would complete the JSON, which an
      // interrupted report must not look like.
    };
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

  /** Writes {@code tree} where {@code g} stands. */
  static void writeTree(JsonGenerator g, JsonNode tree) throws IOException {
    MAPPER.writeTree(g, tree);
  }

  /** A generator in the fixed form: two-space object indent, one-line arrays, the target left open. */
  static JsonGenerator generator(Writer out) throws IOException {
    return configure(MAPPER.getFactory().createGenerator(out));
  }

  private static JsonGenerator configure(JsonGenerator g) {
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));
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
    writeHead(g, r);
    for (ProfileReport p : r.profiles()) writeProfile(g, p);
    writeTail(g);
  }

  /** The report up to its first profile: {@code r}'s profiles are not written. */
  private static void writeHead(JsonGenerator g, Report r) throws IOException {
    g.writeStartObject();
    number(g, K.kdpc_report, Report.CONTRACT);
    text(g, K.tool, r.tool());
    text(g, K.as_of, r.asOf().toString());
    text(g, K.scenario, r.scenario());
    strings(g, K.regimes, r.regimes());
    text(g, K.rules_digest, r.rulesDigest());
    arrayField(g, K.notices);
    for (Notice n : r.notices()) {
      g.writeStartObject();
      text(g, K.regime, n.regime());
      text(g, K.message, n.message());
      g.writeEndObject();
    }
    g.writeEndArray();
    arrayField(g, K.profiles);
  }

  /** Closes the {@code profiles} array and the report. */
  private static void writeTail(JsonGenerator g) throws IOException {
    g.writeEndArray();
    g.writeEndObject();
  }

  static void writeProfile(JsonGenerator g, ProfileReport p) throws IOException {
    g.writeStartObject();
    text(g, K.source, p.source());
    text(g, K.input_sha256, p.inputSha256());
    text(g, K.company, p.company());
    if (p.error() != null) text(g, K.error, p.error());
    if (!p.notices().isEmpty()) strings(g, K.notices, p.notices()); // how the profile was read (issue 13), omitted when none
    arrayField(g, K.findings);
    for (Finding f : p.findings()) writeFinding(g, f);
    g.writeEndArray();
    arrayField(g, K.near_misses);
    for (NearMiss n : p.nearMisses()) {
      g.writeStartObject();
      text(g, K.rule, n.rule());
      text(g, K.regime, n.regime());
      text(g, K.service, n.service());
      g.writeFieldName(K.test.json);
      writeTest(g, n.test());
      g.writeEndObject();
    }
    g.writeEndArray();
    if (p.whatIf() != null) {
      objectField(g, K.what_if);
      objectField(g, K.set);
      for (Map.Entry<String, String> e : p.whatIf().set().entrySet()) text(g, e.getKey(), e.getValue());
      g.writeEndObject();
      arrayField(g, K.changes);
      for (Change c : p.whatIf().changes()) writeChange(g, c);
      g.writeEndArray();
      g.writeEndObject();
    }
    if (!p.whyNot().isEmpty()) {
      arrayField(g, K.why_not);
      for (WhyNot wn : p.whyNot()) {
        g.writeStartObject();
        text(g, K.regime, wn.regime());
        text(g, K.service, wn.service());
        arrayField(g, K.designations);
        for (Finding f : wn.designations()) {
          g.writeStartObject();
          text(g, K.rule, f.rule());
          arrayField(g, K.failed);
          for (Test t : f.because()) if (Boolean.FALSE.equals(t.met())) writeTest(g, t);
          g.writeEndArray();
          g.writeFieldName(K.flip.json);
          if (f.flip() != null) writeFlip(g, f.flip());
          else g.writeNull();
          g.writeEndObject();
        }
        g.writeEndArray();
        strings(g, K.notes, wn.notes());
        g.writeEndObject();
      }
      g.writeEndArray();
    }
    g.writeEndObject();
  }

  static void writeFinding(JsonGenerator g, Finding f) throws IOException {
    g.writeStartObject();
    ruleText(g, K.rule, f.rule());
    ruleText(g, K.regime, f.regime());
    ruleText(g, K.kind, f.kind().id());
    ruleText(g, K.outcome, f.outcome().id());
    ruleText(g, K.status, f.status().id());
    text(g, K.service, f.service());
    ruleText(g, K.title, f.title());
    if (f.titleKo() != null) ruleText(g, K.title_ko, f.titleKo());
    objectField(g, K.citation);
    ruleText(g, K.law, f.citation().law());
    ruleText(g, K.law_ko, f.citation().lawKo());
    ruleText(g, K.article, f.citation().article());
    korean(g, K.article_ko, f, f.citation().article());
    ruleText(g, K.source, f.citation().source());
    korean(g, K.source_ko, f, f.citation().source());
    g.writeEndObject();
    arrayField(g, K.because);
    for (Test t : f.because()) writeTest(g, t);
    g.writeEndArray();
    strings(g, K.missing, f.missing());
    strings(g, K.missing_immaterial, f.missingImmaterial());
    g.writeFieldName(K.sanction.json);
    if (f.sanction() != null) writeSanction(g, f.sanction());
    else g.writeNull();
    if (f.sanction() != null) korean(g, K.sanction_ko, f, f.sanction().text());
    strings(g, K.depends_on, f.dependsOn());
    if (f.justification() != null) text(g, K.justification, f.justification());
    if (f.burden() != null) ruleText(g, K.burden, f.burden());
    if (f.burden() != null) korean(g, K.burden_ko, f, f.burden());
    ruleStrings(g, K.notes, f.notes());
    if (f.notes().stream().anyMatch(n -> f.ko().containsKey(n))) ruleStrings(g, K.notes_ko, f.notes().stream().map(n -> f.text(n, "ko")).toList());
    if (f.flip() != null) {
      g.writeFieldName(K.flip.json);
      writeFlip(g, f.flip());
    }
    writeReadings(g, f.readings(), f);
    g.writeEndObject();
  }

  /** The other readings whose outcome differs (issue 13), omitted when there are none. */
  /** {@code key}: the Korean of the rule's text {@code en} in {@code f}, where the rule gives one; nothing otherwise. */
  private static void korean(JsonGenerator g, K key, Finding f, String en) throws IOException {
    if (en != null && f.ko().containsKey(en)) ruleText(g, key, f.ko().get(en));
  }

  private static void writeReadings(JsonGenerator g, List<Reading> readings, Finding f) throws IOException {
    if (readings.isEmpty()) return;
    arrayField(g, K.readings);
    for (Reading r : readings) {
      g.writeStartObject();
      ruleText(g, K.reading, r.reading());
      korean(g, K.reading_ko, f, r.reading());
      ruleText(g, K.outcome, r.outcome().id());
      ruleText(g, K.note, r.note());
      g.writeEndObject();
    }
    g.writeEndArray();
  }

  static void writeTest(JsonGenerator g, Test t) throws IOException {
    g.writeStartObject();
    text(g, K.fact, t.fact());
    if (t.label() != null) ruleText(g, K.label, t.label());
    scalar(g, K.value, t.value());
    if (t.written() != null) text(g, K.written, t.written());
    ruleText(g, K.op, t.op());
    scalar(g, K.threshold, t.threshold());
    g.writeFieldName(K.met.json);
    if (t.met() == null) g.writeNull();
    else g.writeBoolean(t.met());
    g.writeFieldName(K.margin.json);
    if (t.margin() == null) g.writeNull();
    else g.writeNumber(BigDecimal.valueOf(t.margin()).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros());
    text(g, K.unit, t.unit());
    position(g, t.line(), t.column());
    g.writeEndObject();
  }

  static void writeSanction(JsonGenerator g, Sanction s) throws IOException {
    g.writeStartObject();
    ruleText(g, K.text, s.text());
    if (s.rate() != null) number(g, K.rate, BigDecimal.valueOf(s.rate()).stripTrailingZeros());
    if (s.baseFact() != null) text(g, K.base_fact, s.baseFact());
    if (s.rate() != null) {
      krw(g, K.base_krw, s.baseKrw());
      krw(g, K.max_krw, s.maxKrw());
    }
    if (s.flatCapKrw() != null) krw(g, K.flat_cap_krw, s.flatCapKrw());
    text(g, K.note, Sanction.CEILING_NOTE);
    g.writeEndObject();
  }

  static void writeFlip(JsonGenerator g, Flip f) throws IOException {
    g.writeStartObject();
    text(g, K.fact, f.fact());
    scalar(g, K.from, f.from());
    scalar(g, K.to, f.to());
    text(g, K.unit, f.unit());
    position(g, f.line(), f.column());
    text(g, K.set, f.setArgument());
    g.writeEndObject();
  }

  static void writeChange(JsonGenerator g, Change c) throws IOException {
    g.writeStartObject();
    text(g, K.change, c.type().id());
    text(g, K.rule, c.rule());
    text(g, K.regime, c.regime());
    text(g, K.kind, c.kind().id());
    text(g, K.service, c.service());
    text(g, K.title, c.title());
    if (c.titleKo() != null) text(g, K.title_ko, c.titleKo());
    text(g, K.before, c.before() == null ? null : c.before().id());
    text(g, K.after, c.after() == null ? null : c.after().id());
    text(g, K.status_before, c.statusBefore() == null ? null : c.statusBefore().id());
    text(g, K.status_after, c.statusAfter() == null ? null : c.statusAfter().id());
    arrayField(g, K.facts);
    for (Change.FactChange fc : c.facts()) {
      g.writeStartObject();
      text(g, K.fact, fc.fact());
      scalar(g, K.before, fc.before());
      scalar(g, K.after, fc.after());
      text(g, K.unit, fc.unit());
      position(g, fc.line(), fc.column());
      g.writeEndObject();
    }
    g.writeEndArray();
    strings(g, K.reasons, c.reasons());
    g.writeEndObject();
  }

  static void writeComparison(JsonGenerator g, Comparison c) throws IOException {
    g.writeStartObject();
    number(g, K.kdpc_diff, Report.CONTRACT);
    text(g, K.tool, c.tool());
    text(g, K.rules_digest, c.rulesDigest());
    text(g, K.before, c.before());
    text(g, K.after, c.after());
    arrayField(g, K.profiles);
    for (Comparison.Entry e : c.profiles()) {
      g.writeStartObject();
      text(g, K.before, e.before());
      text(g, K.after, e.after());
      text(g, K.company, e.company());
      arrayField(g, K.changes);
      for (Change ch : e.changes()) writeChange(g, ch);
      g.writeEndArray();
      g.writeEndObject();
    }
    g.writeEndArray();
    g.writeEndObject();
  }

  /**
   * The keys, each quoted once ({@code writeFieldName(SerializableString)} copies the quoted name instead
   * of scanning it for characters to escape; the bytes are the same). Named as the keys they write.
   */
  private enum K {
    kdpc_report, tool, as_of, scenario, regimes, rules_digest, notices, regime, message, profiles, source,
    input_sha256, company, error, findings, near_misses, rule, service, test, what_if, set, changes, why_not,
    designations, failed, flip, notes, kind, outcome, status, title, title_ko, citation, law, law_ko, article,
    article_ko, source_ko, burden_ko, notes_ko, sanction_ko, reading_ko,
    because, missing, missing_immaterial, sanction, depends_on, justification, burden, fact, label, value, op, threshold, met,
    margin, unit, text, rate, base_fact, base_krw, max_krw, flat_cap_krw, note, from, to, change, before,
    after, status_before, status_after, facts, reasons, kdpc_diff, line, column, readings, reading, written;

    final SerializedString json = new SerializedString(name());
  }

  private static void arrayField(JsonGenerator g, K key) throws IOException {
    g.writeFieldName(key.json);
    g.writeStartArray();
  }

  private static void objectField(JsonGenerator g, K key) throws IOException {
    g.writeFieldName(key.json);
    g.writeStartObject();
  }

  private static void number(JsonGenerator g, K key, int v) throws IOException {
    g.writeFieldName(key.json);
    g.writeNumber(v);
  }

  private static void number(JsonGenerator g, K key, BigDecimal v) throws IOException {
    g.writeFieldName(key.json);
    g.writeNumber(v);
  }

  /** A text field, null when {@code v} is null. */
  private static void text(JsonGenerator g, K key, String v) throws IOException {
    g.writeFieldName(key.json);
    if (v == null) g.writeNull();
    else g.writeString(v);
  }

  /** A text field with a key from the data (a what-if's fact path), null when {@code v} is null. */
  private static void text(JsonGenerator g, String name, String v) throws IOException {
    g.writeFieldName(name);
    if (v == null) g.writeNull();
    else g.writeString(v);
  }

  /** A won amount, null when {@code v} is null. */
  private static void krw(JsonGenerator g, K key, Long v) throws IOException {
    g.writeFieldName(key.json);
    if (v == null) g.writeNull();
    else g.writeNumber(v.longValue());
  }

  /** {@code line} and {@code column} of a fact in its profile, when it is stated there. */
  private static void position(JsonGenerator g, int line, int column) throws IOException {
    if (line > 0) {
      number(g, K.line, line);
      number(g, K.column, column);
    }
  }

  /**
   * A fact's value or a line: null, a boolean, a whole number as an integer (below 10^15), any other
   * number as its shortest decimal (from the double, trailing zeros stripped), anything else as text.
   */
  private static void scalar(JsonGenerator g, K key, Object v) throws IOException {
    g.writeFieldName(key.json);
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
  /**
   * A text field whose value comes from the rules (an id, a title, a citation, a note): the same few
   * hundred texts in every report, so each is escaped and quoted once ({@link SerializedString}) and
   * copied afterwards. The generator writes a serialized string exactly as it writes the string itself
   * (default escaping). Texts from a profile do not go here: they would fill the table.
   */
  private static void ruleText(JsonGenerator g, K key, String v) throws IOException {
    g.writeFieldName(key.json);
    if (v == null) g.writeNull();
    else g.writeString(quoted(v));
  }

  /** As {@link #strings}, for texts from the rules (see {@link #ruleText}). */
  private static void ruleStrings(JsonGenerator g, K key, List<String> values) throws IOException {
    arrayField(g, key);
    for (String v : values) {
      if (v == null) g.writeNull();
      else g.writeString(quoted(v));
    }
    g.writeEndArray();
  }

  /** Texts from the rules, escaped once; bounded, since a program may load many rule sets. */
  private static final Map<String, SerializedString> QUOTED = new java.util.concurrent.ConcurrentHashMap<>();
  private static final int MAX_QUOTED = 20_000;

  private static com.fasterxml.jackson.core.SerializableString quoted(String v) {
    SerializedString q = QUOTED.get(v);
    if (q == null) {
      q = new SerializedString(v);
      if (QUOTED.size() < MAX_QUOTED) QUOTED.putIfAbsent(v, q);
    }
    return q;
  }

  private static void strings(JsonGenerator g, K key, List<String> values) throws IOException {
    arrayField(g, key);
    for (String v : values) {
      if (v == null) g.writeNull();
      else g.writeString(v);
    }
    g.writeEndArray();
  }
}
