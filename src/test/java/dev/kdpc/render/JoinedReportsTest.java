package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.xml.sax.InputSource;

/**
 * A report of several profiles is, in every format, what that format says the single-profile reports
 * joined are. "Joined" is defined once per format in {@link #joined}, from the single renderings (their
 * text or their parsed JSON), never from the renderers' own code. Held over every ordered pair of the
 * samples plus a small company with no duty and an unreadable profile (19 x 19 pairs, first or second), and over one long report whose
 * kept-back parts (the register, the JUnit suites, the SARIF results) outgrow memory into temp files.
 */
class JoinedReportsTest {
  static final List<String> FORMATS = List.of("text", "json", "markdown", "html", "sarif", "junit", "junit-surefire");
  static final ObjectMapper JSON = new ObjectMapper();
  static final List<ProfileReport> PARTS = new ArrayList<>();

  @BeforeAll
  static void parts() throws IOException {
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      for (Path p : s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList()) {
        PARTS.add(ReviewSupport.part(ReviewSupport.sample(p.getFileName().toString()), Map.of(), false));
      }
    }
    PARTS.add(ReviewSupport.part(Path.of("src/test/resources/joined/tiny-no-duties.yaml"), Map.of(), false));
    PARTS.add(ProfileReport.failed("profiles/broken.yaml", "profiles/broken.yaml:3:1: invalid YAML"));
    assertThat(PARTS).hasSize(19);
    assertThat(PARTS).as("a sample with no duties (the register's empty case)")
        .anyMatch(p -> p.error() == null && p.findings().stream().allMatch(f -> f.kind() == dev.kdpc.report.Kind.DESIGNATION));
  }

  static String render(String format, List<ProfileReport> parts) throws IOException {
    Report r = ReviewSupport.masked(TestSupport.checker().report(ReviewSupport.OPTIONS, parts));
    StringWriter w = new StringWriter();
    Renderers.byName(format).orElseThrow().render(r, w, RenderOptions.DEFAULT);
    return w.toString();
  }

  @Test
  void everyOrderedPairInEveryFormatIsTheSingleReportsJoined() throws Exception {
    for (String format : FORMATS) {
      List<String> singles = new ArrayList<>();
      for (ProfileReport p : PARTS) singles.add(render(format, List.of(p)));
      for (int i = 0; i < PARTS.size(); i++) {
        for (int j = 0; j < PARTS.size(); j++) {
          List<ProfileReport> pair = List.of(PARTS.get(i), PARTS.get(j));
          String two = render(format, pair);
          String what = format + ": " + PARTS.get(i).source() + " then " + PARTS.get(j).source();
          assertSame(format, two, joined(format, List.of(singles.get(i), singles.get(j)), pair), what);
        }
      }
    }
  }

  /** 160 profiles: the markdown and HTML registers, the JUnit suites and the SARIF results pass {@link Spill#IN_MEMORY}. */
  @Test
  void aLongReportIsTheSingleReportsJoinedToo() throws Exception {
    List<ProfileReport> many = new ArrayList<>();
    for (int i = 0; i < 160; i++) many.add(PARTS.get(i % PARTS.size()));
    for (String format : FORMATS) {
      List<String> singles = new ArrayList<>();
      for (ProfileReport p : many) singles.add(render(format, List.of(p)));
      String all = render(format, many);
      if (!format.equals("text") && !format.equals("json")) assertThat(all.length()).as(format).isGreaterThan(Spill.IN_MEMORY);
      assertSame(format, all, joined(format, singles, many), format + ", 160 profiles");
    }
  }

  private static void assertSame(String format, String actual, String expected, String what) throws Exception {
    if (format.equals("json") || format.equals("sarif")) {
      assertThat(JSON.readTree(actual)).as(what).isEqualTo(JSON.readTree(expected));
    } else {
      assertThat(actual).as(what).isEqualTo(expected);
    }
    if (format.startsWith("junit") || format.equals("html")) wellFormed(format.equals("html") ? xhtml(actual) : actual);
  }

  // ---- What "joined" means, per format: the one definition the test holds the renderers to. ----

  /** The report of {@code parts} (two or more) as its format joins the single reports {@code singles}. */
  static String joined(String format, List<String> singles, List<ProfileReport> parts) throws IOException {
    return switch (format) {
      // the head, then every profile's "== source ==" section
      case "text" -> {
        StringBuilder b = new StringBuilder(singles.get(0));
        for (String s : singles.subList(1, singles.size())) b.append(s.substring(s.indexOf("\n== ")));
        yield b.toString();
      }
      // the profiles arrays concatenated
      case "json" -> {
        ObjectNode first = (ObjectNode) JSON.readTree(singles.get(0));
        ArrayNode profiles = (ArrayNode) first.get("profiles");
        for (String s : singles.subList(1, singles.size())) profiles.addAll((ArrayNode) JSON.readTree(s).get("profiles"));
        yield first.toString();
      }
      // the head, every "## profile" section, then one register whose rows are every profile's, each
      // with a first column naming its profile (and the header and rule rows a column more)
      case "markdown" -> memo(singles, parts, "\n## ", "\n## ", "",
          lines -> lines.stream().dropWhile(l -> !l.startsWith("| --- |")).skip(1).filter(l -> l.startsWith("| ")).toList(),
          line -> line.startsWith("| --- |") ? "| --- |" + line.substring(1) : line.startsWith("| ") ? "| Profile " + line : line,
          (row, source) -> "| `" + source + "` " + row);
      // the same, in HTML: <article> sections, then the register table with a Profile column first
      case "html" -> memo(singles, parts, "\n<article class=\"profile\"", "\n<section class=\"register\">", "</body>\n</html>\n",
          lines -> lines.stream().filter(l -> l.startsWith("<tr data-register=")).toList(),
          line -> line.startsWith("<tr><th>") ? "<tr><th>Profile</th>" + line.substring("<tr>".length()) : line,
          (row, source) -> row.replaceFirst(">", Matcher.quoteReplacement("><td><code>" + HtmlRenderer.esc(source) + "</code></td>")));
      // one run: the rules of all (by id, ruleIndex pointing into that list), success only if every
      // profile's was, the profiles' own notifications (errors, how each was read) then the report's notices
      // once, artifacts and results in order
      case "sarif" -> {
        List<JsonNode> runs = new ArrayList<>();
        for (String s : singles) runs.add(JSON.readTree(s).path("runs").get(0));
        ObjectNode log = (ObjectNode) JSON.readTree(singles.get(0));
        ObjectNode run = (ObjectNode) log.path("runs").get(0);
        TreeMap<String, JsonNode> rules = new TreeMap<>();
        for (JsonNode r : runs) r.path("tool").path("driver").path("rules").forEach(x -> rules.putIfAbsent(x.path("id").asText(), x));
        List<String> ids = new ArrayList<>(rules.keySet());
        ((ObjectNode) run.path("tool").path("driver")).putArray("rules").addAll(rules.values());
        ObjectNode invocation = (ObjectNode) run.path("invocations").get(0);
        invocation.put("executionSuccessful", runs.stream().allMatch(r -> r.path("invocations").get(0).path("executionSuccessful").asBoolean()));
        ArrayNode notes = invocation.putArray("toolExecutionNotifications");
        // a profile's own notifications (its error, how it was read) are located in its file
        for (JsonNode r : runs) r.path("invocations").get(0).path("toolExecutionNotifications").forEach(n -> {
          if (n.has("locations")) notes.add(n);
        });
        runs.get(0).path("invocations").get(0).path("toolExecutionNotifications").forEach(n -> {
          if (!n.has("locations")) notes.add(n);
        });
        ArrayNode artifacts = run.putArray("artifacts");
        ArrayNode results = run.putArray("results");
        for (JsonNode r : runs) {
          int offset = artifacts.size();
          r.path("artifacts").forEach(artifacts::add);
          for (JsonNode x : r.path("results")) {
            ObjectNode res = x.deepCopy();
            res.put("ruleIndex", ids.indexOf(res.path("ruleId").asText()));
            ObjectNode loc = (ObjectNode) res.path("locations").get(0).path("physicalLocation").path("artifactLocation");
            loc.put("index", loc.path("index").asInt() + offset);
            results.add(res);
          }
        }
        yield log.toString();
      }
      // one <testsuites> holding every profile's <testsuite> in order, numbered from 0
      case "junit" -> {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
        int id = 0;
        for (String s : singles) {
          String suites = s.substring(s.indexOf("<testsuites>\n") + "<testsuites>\n".length(), s.lastIndexOf("</testsuites>\n"));
          b.append(suites.replaceFirst(" id=\"0\"", " id=\"" + id++ + "\""));
        }
        yield b.append("</testsuites>\n").toString();
      }
      // one <testsuite> whose counts are the sums; the report's properties once, then each profile's, in
      // order; then every profile's cases in order
      case "junit-surefire" -> {
        long[] sums = new long[4];
        StringBuilder props = new StringBuilder();
        StringBuilder cases = new StringBuilder();
        String headProps = null;
        for (String s : singles) {
          Matcher m = SUREFIRE_TOTALS.matcher(s);
          assertThat(m.find()).isTrue();
          for (int k = 0; k < 4; k++) sums[k] += Long.parseLong(m.group(k + 1));
          String p = s.substring(s.indexOf("  <properties>\n") + "  <properties>\n".length(), s.indexOf("  </properties>\n"));
          int own = p.indexOf("    <property name=\"profile:");
          if (headProps == null) headProps = p.substring(0, own);
          props.append(p.substring(own));
          cases.append(s, s.indexOf("  </properties>\n") + "  </properties>\n".length(), s.lastIndexOf("</testsuite>\n"));
        }
        String first = singles.get(0);
        yield first.substring(0, first.indexOf("<testsuite ")) + "<testsuite name=\"kdpc\" time=\"0\" tests=\"" + sums[0] + "\" errors=\""
            + sums[1] + "\" skipped=\"" + sums[2] + "\" failures=\"" + sums[3] + "\">\n  <properties>\n" + headProps + props
            + "  </properties>\n" + cases + "</testsuite>\n";
      }
      default -> throw new IllegalArgumentException(format);
    };
  }

  static final Pattern SUREFIRE_TOTALS = Pattern.compile("tests=\"(\\d+)\" errors=\"(\\d+)\" skipped=\"(\\d+)\" failures=\"(\\d+)\"");

  interface RowWithProfile {
    String apply(String row, String source);
  }

  /**
   * A memo joined: the first single's head (up to {@code partStart}), each single's profile section (up to
   * the last {@code registerStart}), and the register: when no single has rows, the first one's "no
   * duties" register; else the table of the first single that has rows, its other lines given the
   * profile column ({@code withColumn}) and, where its rows stood, every single's rows in order, each
   * with its profile ({@code rowWithProfile}).
   */
  static String memo(List<String> singles, List<ProfileReport> parts, String partStart, String registerStart, String tail,
      Function<List<String>, List<String>> rowsOf, UnaryOperator<String> withColumn, RowWithProfile rowWithProfile) {
    StringBuilder b = new StringBuilder(singles.get(0).substring(0, singles.get(0).indexOf(partStart)));
    List<String> table = null;
    List<String> rows = new ArrayList<>();
    for (int i = 0; i < singles.size(); i++) {
      String s = singles.get(i);
      assertThat(s).endsWith(tail);
      int reg = s.lastIndexOf(registerStart);
      b.append(s, s.indexOf(partStart), reg);
      List<String> lines = List.of(s.substring(reg, s.length() - tail.length()).split("\n", -1));
      List<String> mine = rowsOf.apply(lines);
      if (!mine.isEmpty() && table == null) table = lines;
      for (String row : mine) rows.add(rowWithProfile.apply(row, parts.get(i).source()));
    }
    if (table == null) return b.append(singles.get(0).substring(singles.get(0).lastIndexOf(registerStart))).toString();
    List<String> own = rowsOf.apply(table);
    List<String> out = new ArrayList<>();
    for (int k = 0; k < table.size(); k++) {
      String line = table.get(k);
      if (line.equals(own.get(0)) && k == table.indexOf(own.get(0))) out.addAll(rows);
      if (!own.contains(line)) out.add(withColumn.apply(line));
    }
    return b.append(String.join("\n", out)).append(tail).toString();
  }

  // ---- Well-formedness ----

  /** HTML as the renderer writes it, made XML: the doctype dropped, the void elements closed. */
  static String xhtml(String html) {
    return html.replaceFirst("<!DOCTYPE html>\n", "").replaceAll("<(meta|br)([^>]*)>", "<$1$2/>");
  }

  static void wellFormed(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
    var builder = f.newDocumentBuilder();
    builder.setErrorHandler(null);
    builder.parse(new InputSource(new StringReader(xml)));
  }
}
