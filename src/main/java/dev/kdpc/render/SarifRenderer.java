package dev.kdpc.render;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Test;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * SARIF 2.1.0, for code-scanning tools in CI. One run; one result per finding, located at the profile
 * line of its deciding fact (see {@link Words#decisive}); the rules that made findings are described in
 * {@code tool.driver.rules}, with {@code helpUri} pointing at the legal source. Potential violations and
 * unmet duties are warnings (kind {@code fail}), ineligibilities notes (kind {@code fail}), undetermined
 * findings notes (kind {@code open}); the other outcomes carry level {@code none} and the SARIF kind that
 * matches them ({@code pass}, {@code review}, {@code informational}) (see {@link #level}). Texts a
 * viewer shows ({@code message}, descriptions, {@code help}) have control, bidi and invisible
 * characters as visible escapes ({@link Printable}); {@code properties} hold the exact values, as the
 * JSON report does.
 */
public final class SarifRenderer implements Renderer {
  public static final String NAME = "sarif";
  public static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/os/schemas/sarif-schema-2.1.0.json";
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The rules list, the run's success and the artifacts come before the results but depend on every
   * profile, so the whole log is written at the tail: meanwhile each profile's notifications, artifact
   * and results wait in {@link Spill}s as JSON lines, and only the rules that made findings (one example
   * finding each) are held in memory. A result's {@code ruleIndex} is set when it is written out, once
   * the rules list is known.
   */
  @Override
  public Stream open(Report header, Writer out, RenderOptions options) throws IOException {
    return new SarifStream(header, options.lang(), options.sarifAll(), out);
  }

  private static final class SarifStream implements Stream {
    private final Report header;
    private final String lang;
    private final boolean all;
    private final Writer out;
    private final Map<String, Finding> ruleExamples = new TreeMap<>();
    private final Spill notes = new Spill();
    private final Spill artifacts = new Spill();
    private final Spill results = new Spill();
    private int profiles;
    private long resultCount;
    private boolean ok = true;

    SarifStream(Report header, String lang, boolean all, Writer out) {
      this.header = header;
      this.lang = lang;
      this.all = all;
      this.out = out;
    }

    @Override
    public void part(ProfileReport p) throws IOException {
      int i = profiles++;
      if (p.error() != null) {
        ok = false;
        ObjectNode n = F.objectNode();
        n.put("level", "error");
        n.putObject("message").put("text", Printable.message(p.error()));
        artifactLocation(n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation"), p.source());
        spill(notes, n);
      }
      for (String msg : p.notices()) { // how the profile was read (issue 13)
        ObjectNode n = F.objectNode();
        n.put("level", "note");
        n.putObject("message").put("text", Printable.message(msg));
        artifactLocation(n.putArray("locations").addObject().putObject("physicalLocation").putObject("artifactLocation"), p.source());
        spill(notes, n);
      }
      ObjectNode a = F.objectNode();
      artifactLocation(a.putObject("location"), p.source());
      if (p.inputSha256() != null) a.putObject("hashes").put("sha-256", p.inputSha256());
      spill(artifacts, a);
      for (Finding f : p.findings()) {
        if (!all && !needsAttention(f.outcome())) continue;
        ruleExamples.putIfAbsent(f.rule(), f);
        spill(results, result(f, p, i, -1, lang));
        resultCount++;
      }
    }

    @Override
    public void finish() throws IOException {
      Report r = header;
      List<String> ruleIds = new ArrayList<>(ruleExamples.keySet());
      JsonGenerator g = JsonRenderer.generator(out);
      g.writeStartObject();
      g.writeStringField("$schema", SCHEMA);
      g.writeStringField("version", "2.1.0");
      g.writeArrayFieldStart("runs");
      g.writeStartObject();
      ObjectNode tool = F.objectNode();
      ObjectNode driver = tool.putObject("driver");
      driver.put("name", "kdpc");
      driver.put("version", r.tool().startsWith("kdpc ") ? r.tool().substring(5) : r.tool());
      driver.put("fullName", r.tool());
      driver.put("informationUri", dev.kdpc.Version.HOME);
      ArrayNode rules = driver.putArray("rules");
      for (Finding f : ruleExamples.values()) rules.add(rule(f, lang));
      g.writeFieldName("tool");
      JsonRenderer.writeTree(g, tool);
      ObjectNode bases = F.objectNode();
      ObjectNode root = bases.putObject(ROOT);
      root.put("uri", "file:///");
      root.putObject("description").put("text", "The file-system root: an input given by an absolute path is located relative to it.");
      g.writeFieldName("originalUriBaseIds");
      JsonRenderer.writeTree(g, bases);
      ObjectNode automation = F.objectNode();
      automation.put("id", automationId(r));
      automation.putObject("description").put("text", Printable.text(Words.w("sarif_automation", lang)
          .replace("{category}", category(r)).replace("{date}", r.asOf().toString())));
      g.writeFieldName("automationDetails");
      JsonRenderer.writeTree(g, automation);

      g.writeArrayFieldStart("invocations");
      g.writeStartObject();
      g.writeBooleanField("executionSuccessful", ok);
      g.writeArrayFieldStart("toolExecutionNotifications");
      copy(notes, g, n -> {});
      if (resultCount > GITHUB_RESULTS_PER_RUN) {
        ObjectNode x = F.objectNode();
        x.put("level", "warning");
        x.putObject("message").put("text", Words.w("sarif_limit", lang).replace("{n}", String.valueOf(resultCount))
            .replace("{limit}", String.valueOf(GITHUB_RESULTS_PER_RUN)));
        JsonRenderer.writeTree(g, x);
      }
      for (var n : r.notices()) {
        ObjectNode x = F.objectNode();
        x.put("level", "note");
        x.putObject("message").put("text", Printable.message(n.regime() + ": " + n.message()));
        JsonRenderer.writeTree(g, x);
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeEndArray();

      g.writeArrayFieldStart("artifacts");
      copy(artifacts, g, a -> {});
      g.writeEndArray();

      g.writeArrayFieldStart("results");
      copy(results, g, o -> o.put("ruleIndex", ruleIds.indexOf(o.path("ruleId").asText())));
      g.writeEndArray();
      g.writeStringField("columnKind", "unicodeCodePoints");
      ObjectNode props = F.objectNode();
      props.put("as_of", r.asOf().toString());
      props.put("scenario", r.scenario());
      ArrayNode regimes = props.putArray("regimes");
      r.regimes().forEach(regimes::add);
      props.put("rules_digest", r.rulesDigest());
      g.writeFieldName("properties");
      JsonRenderer.writeTree(g, props);
      g.writeEndObject();
      g.writeEndArray();
      g.writeEndObject();
      g.close();
      out.write("\n");
    }

    @Override
    public void close() throws IOException {
      try (notes; artifacts; results) {
        // closing the spills deletes their files
      }
    }
  }

  /** Reads spilled objects back exactly: decimals as they were written, not as doubles. */
  private static final ObjectMapper LINES = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

  private static void spill(Spill spill, ObjectNode o) throws IOException {
    spill.write(LINES.writeValueAsString(o));
    spill.write("\n");
  }

  /** Writes the objects {@code spill} holds to {@code g}, each after {@code edit}. */
  private static void copy(Spill spill, JsonGenerator g, java.util.function.Consumer<ObjectNode> edit) throws IOException {
    try (Reader in = spill.reader(); MappingIterator<ObjectNode> it = LINES.readerFor(ObjectNode.class).readValues(in)) {
      while (it.hasNext()) {
        ObjectNode o = it.next();
        edit.accept(o);
        JsonRenderer.writeTree(g, o);
      }
    }
  }

  private static ObjectNode rule(Finding f, String lang) {
    ObjectNode o = F.objectNode();
    o.put("id", f.rule());
    o.put("name", friendlyName(f));
    o.putObject("shortDescription").put("text", Printable.text(f.title(lang)));
    o.putObject("fullDescription").put("text", Printable.text(f.citation().law(lang) + ", " + f.citation().article()));
    String url = Words.firstUrl(f.citation().source());
    if (url != null && absoluteHttp(uri(url))) o.put("helpUri", uri(url));
    ObjectNode help = o.putObject("help");
    help.put("text", Printable.text(f.title(lang) + ". " + f.citation().law(lang) + ", " + f.citation().article()
        + ". Source: " + f.citation().source()));
    help.put("markdown", helpMarkdown(f, lang));
    ObjectNode props = o.putObject("properties");
    ArrayNode tags = props.putArray("tags");
    tags.add(f.regime()).add(f.kind().id()).add(f.status().id());
    props.put("precision", precision(f.status()));
    props.put("problem.severity", severity(f.kind()));
    props.put("regime", f.regime());
    props.put("kind", f.kind().id());
    props.put("article", f.citation().article());
    props.put("law", f.citation().law());
    if (f.citation().lawKo() != null) props.put("law_ko", f.citation().lawKo());
    props.put("title", f.title());
    if (f.titleKo() != null) props.put("title_ko", f.titleKo());
    props.put("source", f.citation().source());
    return o;
  }

  private static ObjectNode result(Finding f, ProfileReport p, int artifact, int ruleIndex, String lang) {
    ObjectNode o = F.objectNode();
    o.put("ruleId", f.rule());
    o.put("ruleIndex", ruleIndex);
    o.put("kind", kind(f.outcome()));
    o.put("level", level(f.outcome()));
    Test d = Words.decisive(f);
    StringBuilder msg = new StringBuilder();
    msg.append(Words.outcome(f, lang)).append(" (").append(Words.status(f.status(), lang)).append("): ")
        .append(f.title(lang)).append(" — ").append(f.service() == null ? "company" : "service " + f.service()).append(". ");
    String meaning = Words.meaning(f, lang);
    if (meaning != null) msg.append(Character.toUpperCase(meaning.charAt(0))).append(meaning.substring(1)).append(' ');
    if (d != null) msg.append("Deciding fact: ").append(Format.test(d)).append(Format.shortfall(d)).append(". ");
    if (!f.missing().isEmpty()) msg.append("Not stated: ").append(String.join(", ", f.missing())).append(". ");
    if (f.flip() != null) msg.append("One fact would change it: ").append(Words.flip(f.flip(), "->")).append(". ");
    msg.append(f.citation().law(lang)).append(", ").append(f.citation().article()).append('.');
    for (var r : f.readings()) msg.append(' ').append(Words.w("reading", lang)).append(": ").append(Words.reading(r, lang)).append('.');
    o.putObject("message").put("text", Printable.text(msg.toString()));
    ObjectNode phys = o.putArray("locations").addObject().putObject("physicalLocation");
    ObjectNode art = phys.putObject("artifactLocation");
    artifactLocation(art, p.source());
    art.put("index", artifact);
    ObjectNode region = phys.putObject("region");
    region.put("startLine", d != null && d.line() > 0 ? d.line() : 1);
    if (d != null && d.line() > 0 && d.column() > 0) region.put("startColumn", d.column());
    o.putObject("partialFingerprints").put("kdpcFinding/v2", fingerprint(f, p.source()));
    ObjectNode props = o.putObject("properties");
    props.put("outcome", f.outcome().id());
    props.put("status", f.status().id());
    props.put("regime", f.regime());
    props.put("kind", f.kind().id());
    props.put("service", f.service());
    if (d != null) props.put("deciding_fact", d.fact());
    ArrayNode because = props.putArray("because");
    for (Test t : f.because()) because.add(JsonRenderer.test(t));
    if (f.sanction() != null) props.set("sanction", JsonRenderer.sanction(f.sanction()));
    if (f.flip() != null) props.set("flip", JsonRenderer.flip(f.flip()));
    if (!f.readings().isEmpty()) {
      ArrayNode readings = props.putArray("readings");
      for (var r : f.readings()) readings.addObject().put("reading", r.reading()).put("outcome", r.outcome().id()).put("note", r.note());
    }
    return o;
  }


  /** Results per run that GitHub code scanning accepts; a run with more is rejected. */
  static final int GITHUB_RESULTS_PER_RUN = 25_000;

  /**
   * Whether a finding is reported by default: what needs someone's attention, a potential violation, an
   * unmet duty, an ineligibility, and an undetermined finding (facts to state). The rest (designations,
   * duties met, conduct clear or justified) are written only with {@code --sarif-all}: code scanning would
   * turn each into an alert.
   */
  public static boolean needsAttention(Outcome o) {
    return switch (o) {
      case POTENTIAL_VIOLATION, UNMET, INELIGIBLE, UNDETERMINED -> true;
      default -> false;
    };
  }

  /**
   * The run's {@code automationDetails.id}: {@code kdpc/SCENARIO/DATE}. Code scanning takes what comes
   * before the last {@code /} as the category, {@code kdpc/SCENARIO}, so the runs of each day replace
   * the day before's results of the same scenario, while the as-of date names the run. (Runs of one
   * scenario with different {@code --regimes} need a category each, given to the upload.)
   */
  static String automationId(Report r) {
    return category(r) + "/" + r.asOf();
  }

  static String category(Report r) {
    return "kdpc/" + idPart(r.scenario());
  }

  /** An id made safe for a path segment: letters, digits, {@code - _ . +}; anything else as {@code _}. */
  private static String idPart(String s) {
    String t = s == null ? "" : s.replaceAll("[^A-Za-z0-9._+-]", "_");
    return t.isEmpty() ? "_" : t;
  }

  /**
   * A result's identity across runs: the rule, the service and the profile's path, never a line number,
   * so editing a profile elsewhere keeps its alerts, and two profiles with a service of the same id do not
   * share one. The path is written as its artifact URI (percent-encoded), so the fingerprint is ASCII.
   */
  static String fingerprint(Finding f, String source) {
    return f.rule() + "|" + (f.service() == null ? "" : f.service()) + "|" + pathUri(source);
  }

  /**
   * The rule's friendly name, a Pascal-case identifier made of the English title's ASCII words (e.g.
   * {@code ServiceStabilityDuties}); from the id where the title gives none.
   */
  static String friendlyName(Finding f) {
    String n = pascal(f.title());
    if (n.isEmpty() || !Character.isLetter(n.charAt(0))) n = "Rule" + pascal(f.rule());
    return n;
  }

  private static String pascal(String s) {
    StringBuilder b = new StringBuilder();
    if (s == null) return "";
    for (String word : s.split("[^A-Za-z0-9]+")) {
      if (word.isEmpty()) continue;
      b.append(Character.toUpperCase(word.charAt(0))).append(word, 1, word.length());
    }
    return b.toString();
  }

  /**
   * How sure a result is, in code scanning's terms: {@code high} for law in force or promulgated,
   * {@code medium} for a proposal (its figures are often from press reports), {@code low} for a lapsed
   * one.
   */
  static String precision(dev.kdpc.report.Status s) {
    return switch (s) {
      case IN_FORCE, PROMULGATED -> "high";
      case PROPOSED -> "medium";
      case LAPSED -> "low";
    };
  }

  /** {@code warning} for bans and duties, {@code recommendation} for designations and eligibility. */
  static String severity(dev.kdpc.report.Kind k) {
    return switch (k) {
      case PROHIBITION, OBLIGATION -> "warning";
      case DESIGNATION, ELIGIBILITY -> "recommendation";
    };
  }

  /** The outcomes a rule of kind {@code k} reports by default. */
  static List<Outcome> reported(dev.kdpc.report.Kind k) {
    return switch (k) {
      case PROHIBITION -> List.of(Outcome.POTENTIAL_VIOLATION, Outcome.UNDETERMINED);
      case OBLIGATION -> List.of(Outcome.UNMET, Outcome.UNDETERMINED);
      case ELIGIBILITY -> List.of(Outcome.INELIGIBLE, Outcome.UNDETERMINED);
      case DESIGNATION -> List.of(Outcome.UNDETERMINED);
    };
  }

  /** The rule's help as Markdown: title, citation, what its results claim, sources as links. */
  static String helpMarkdown(Finding f, String lang) {
    StringBuilder b = new StringBuilder();
    b.append("**").append(Markdown.cell(f.title(lang))).append("** (").append(Markdown.code(f.rule())).append(")\n\n");
    b.append(Markdown.cell(f.citation().law(lang) + ", " + f.citation().article())).append(". ")
        .append(Words.w("regime", lang)).append(": ").append(Markdown.code(f.regime())).append("; ")
        .append(Words.kind(f.kind(), lang)).append(".\n\n");
    b.append(Words.w("meaning", lang)).append(":\n\n");
    for (Outcome o : reported(f.kind())) {
      String m = Words.meaning(o, true, lang);
      if (m == null) m = Words.w("meaning_" + o.id(), lang);
      b.append("- *").append(Words.outcome(o, lang)).append("*: ").append(m).append('\n');
    }
    b.append('\n').append(Words.w("source", lang)).append(":");
    for (String u : Words.urls(f.citation().source())) {
      b.append(' ').append(u.startsWith("http://") || u.startsWith("https://") ? Markdown.url(uri(u)) : Markdown.cell(u));
    }
    b.append('\n');
    return b.toString();
  }

  static String kind(Outcome o) {
    return switch (o) {
      case POTENTIAL_VIOLATION, UNMET, INELIGIBLE -> "fail";
      case JUSTIFICATION_CLAIMED -> "review";
      case UNDETERMINED -> "open";
      case PRESUMED, MEETS_CRITERIA -> "informational";
      case NOT_MET, MET, ELIGIBLE, CLEAR -> "pass";
    };
  }

  /**
   * The SARIF level: {@code warning} for an unmet duty and for a potential violation (a risk: only the
   * regulator's finding of unfairness makes a violation, so never {@code error}); {@code note} for an
   * ineligibility (what a public body may not buy, no breach by the provider) and for an undetermined
   * finding (facts to state); {@code none} for the rest.
   */
  static String level(Outcome o) {
    return switch (o) {
      case POTENTIAL_VIOLATION, UNMET -> "warning";
      case INELIGIBLE, UNDETERMINED -> "note";
      default -> "none";
    };
  }

  /** The base id of a relative input path: the folder kdpc ran in, which a code-scanning tool maps to its checkout. */
  static final String SRCROOT = "%SRCROOT%";
  /** The base id of an absolute input path, declared in {@code originalUriBaseIds} as {@code file:///}. */
  static final String ROOT = "ROOT";

  /**
   * Writes where an input file is as a SARIF artifact location: its path as an RFC 3986 relative
   * reference ({@link #pathUri}) with the base it is relative to: {@code %SRCROOT%} for a relative
   * path, {@code ROOT} (the file-system root) for an absolute one, never a reference such as
   * {@code /home/x} that a consumer would resolve against its own host. On Windows the separator
   * {@code \} is written as {@code /} and a drive {@code C:} as the first segment {@code C%3A}.
   */
  static void artifactLocation(ObjectNode location, String path) {
    String p = java.io.File.separatorChar == '\\' ? path.replace('\\', '/') : path;
    boolean absolute = p.startsWith("/") || p.matches("(?s)[A-Za-z]:/.*");
    location.put("uri", pathUri(absolute ? p.replaceFirst("^/+", "") : p));
    location.put("uriBaseId", absolute ? ROOT : SRCROOT);
  }

  /**
   * A path as an RFC 3986 relative reference: every byte of its UTF-8 form percent-encoded except the
   * unreserved characters ({@code A-Z a-z 0-9 - . _ ~}) and the separator {@code /}, so that
   * {@code # ? % [ ] :}, spaces, line breaks and non-ASCII text in a file name stay part of the path.
   */
  static String pathUri(String path) {
    StringBuilder b = new StringBuilder(path.length() + 16);
    for (byte x : path.getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
        b.append((char) c);
      } else {
        b.append('%').append(String.format("%02X", c));
      }
    }
    return b.toString();
  }

  private static boolean absoluteHttp(String uri) {
    try {
      java.net.URI u = new java.net.URI(uri);
      return ("http".equals(u.getScheme()) || "https".equals(u.getScheme())) && u.getHost() != null;
    } catch (java.net.URISyntaxException e) {
      return false;
    }
  }

  /** A web URL made a URI: non-ASCII characters, spaces and backslashes percent-encoded as UTF-8. */
  static String uri(String s) {
    StringBuilder b = new StringBuilder();
    for (byte x : s.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
      int c = x & 0xff;
      if (c <= 0x20 || c >= 0x7f || c == '"' || c == '<' || c == '>' || c == '`' || c == '{' || c == '}' || c == '|' || c == '^') {
        b.append('%').append(String.format("%02X", c));
      } else {
        b.append((char) c);
      }
    }
    return b.toString();
  }
}
