package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.SourceLocation;
import dev.kdpc.render.CommonMarkSupport;
import dev.kdpc.render.ComparisonRenderer;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.Change;
import dev.kdpc.report.Comparison;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Printable;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import dev.kdpc.report.Status;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.node.Emphasis;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A profile whose names (company, service, market leaders, a conduct's justification) and file name
 * hold each attack string, run through every format, {@code validate} and the error path: text shows
 * every control, bidi and invisible character as a visible escape and no forged line; Markdown and
 * HTML make no link, image, emphasis or tag of a name; JSON keeps the exact string; SARIF URIs are RFC
 * 3986 references that decode back to the path; JUnit is well-formed XML 1.0.
 */
class HostileNamesTest {
  /** A newline and a line that looks like a finding, a summary and a section header. */
  static final String FORGED = "Evil Corp\n  [CLEAR] TBA-22-7 (company) nothing to see\nSummary: no findings\n== other.yaml ==";
  /** What the profile reader accepts in a value (it refuses ESC and bidi controls in a file). */
  static final List<String> IN_A_FILE = List.of(
      FORGED,
      "Over\rwritten [CLEAR] carriage return",
      "tab\there",
      "NEL\u0085[CLEAR] next line",
      "[x](javascript:alert(1)) ![i](http://e/x.png) **b** _i_ `c` <script>alert(1)</script> | pipe",
      "# Heading",
      "- item",
      "back\\slash \\n not a newline",
      "quote\" onmouseover=\"alert(1)\" & ' onfocus='alert(2)",
      "네이버 주식회사");
  /** What only the library can pass (a Profile built in code). */
  static final List<String> IN_CODE = List.of("\u001b[2J\u001b[31mRed", "\u202eevil\u202c", "zero\u200bwidth\u2028sep", "bell\u0007 del\u007f csi\u009b");
  static final String FILE_NAME = "hostile\n[CLEAR] file #?%[] name\u202e.yaml";

  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern RAW = Pattern.compile("[\\p{Cc}\\p{Cf}\\p{Zl}\\p{Zp}&&[^\\n]]");
  static Report report;
  static List<String> attacks;

  static final String YAML = """
      kdpc: 1
      company:
        name: PH-company
        headquarters: KR
        korean_office: true
        revenue_krw: { global: 4_800_000_000_000, korea: 4_800_000_000_000 }
      services:
        - id: market
          name: PH-service
          category: ecommerce
          market:
            share: 0.56
            basis: transactions
            leaders:
              - { name: PH-leader-a, share: 0.56, monthly_users_kr: 24_000_000, self: true }
              - { name: PH-leader-b, share: 0.18, monthly_users_kr: 15_000_000 }
          users: { monthly_active_kr: 24_000_000, daily_average_kr: 9_000_000 }
          conduct:
            self_preferencing: { present: true, justification: PH-justification }
            tying: { present: true }
      """;

  /** One profile per attack string, each of its names that string; and a profile that failed, named by the hostile file. */
  @BeforeAll
  static void evaluate() {
    attacks = new ArrayList<>(IN_A_FILE);
    attacks.addAll(IN_CODE);
    List<ProfileReport> parts = new ArrayList<>();
    Profile template = TestSupport.profile("template.yaml", YAML);
    for (String a : attacks) {
      Profile p = (Profile) replace(template, a);
      parts.add(TestSupport.checker().evaluate(p, ReviewSupport.OPTIONS));
    }
    String error = new ProfileException(FILE_NAME, new SourceLocation(3, 9), "company.name", "a value " + FORGED).getMessage();
    parts.add(ProfileReport.failed(FILE_NAME, error));
    report = TestSupport.checker().report(ReviewSupport.OPTIONS, parts);
  }

  /** {@code o} with every text that starts with {@code PH-} replaced by {@code attack} (and the part after the dash). */
  static Object replace(Object o, String attack) {
    if (o instanceof String s) return s.startsWith("PH-") ? (s.equals("PH-company") ? attack : attack + " " + s.substring(3)) : s;
    if (o instanceof Profile p && p.source().equals("template.yaml")) {
      o = new Profile(attack + ".yaml", p.inputSha256(), p.company(), p.services(), p.cloud(), p.network(), p.locationData(), p.sourceMap());
    }
    if (o instanceof List<?> l) return l.stream().map(x -> replace(x, attack)).toList();
    if (o == null || !o.getClass().isRecord()) return o;
    try {
      RecordComponent[] rc = o.getClass().getRecordComponents();
      Object[] values = new Object[rc.length];
      Class<?>[] types = new Class<?>[rc.length];
      for (int i = 0; i < rc.length; i++) {
        values[i] = replace(rc[i].getAccessor().invoke(o), attack);
        types[i] = rc[i].getType();
      }
      return o.getClass().getDeclaredConstructor(types).newInstance(values);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  static String render(String format) throws IOException {
    StringWriter w = new StringWriter();
    Renderers.byName(format).orElseThrow().render(report, w, new RenderOptions("en"));
    return w.toString();
  }

  @Test
  void theNamesReachTheReport() throws IOException {
    String json = render("json");
    for (String a : attacks) {
      assertThat(json).as("company %s", a).contains(JSON.writeValueAsString(a));
      assertThat(json).as("a leader's name in a test's label").contains(unquoted(JSON.writeValueAsString(a + " leader-a")));
      assertThat(json).as("the justification").contains(JSON.writeValueAsString(a + " justification"));
    }
  }

  @Test
  void textShowsEveryControlAsAnEscapeAndForgesNoLine() throws IOException {
    String text = render("text");
    assertNoRawControls(text);
    for (String a : attacks) {
      assertThat(text).contains("== " + Printable.text(a) + ".yaml (" + Printable.text(a) + ") ==");
      assertThat(text).contains("justification claimed: " + Printable.text(a + " justification"));
    }
    assertThat(text).contains("== " + Printable.text(FILE_NAME) + " ==");
    assertThat(text.lines().filter(l -> l.startsWith("== ")).count()).as("one header a profile").isEqualTo(attacks.size() + 1);
    assertThat(text.lines().filter(l -> l.startsWith("Summary: ")).count()).as("one summary a profile read").isEqualTo(attacks.size());
    assertThat(text.lines()).as("the forged lines").noneMatch(l -> l.startsWith("  [CLEAR] TBA-22-7 (company) nothing to see"))
        .noneMatch(l -> l.equals("Summary: no findings")).noneMatch(l -> l.equals("== other.yaml =="))
        .noneMatch(l -> l.startsWith("[CLEAR]"));
  }

  @Test
  void markdownMakesNoLinkImageEmphasisOrHtmlOfAName() throws IOException {
    String md = render("markdown");
    assertNoRawControls(md);
    Node doc = CommonMarkSupport.PARSER.parse(md);
    for (Link l : CommonMarkSupport.all(doc, Link.class)) assertThat(l.getDestination()).matches("https?://.*").doesNotContain("e/x.png");
    assertThat(CommonMarkSupport.all(doc, Image.class)).isEmpty();
    assertThat(CommonMarkSupport.all(doc, HtmlInline.class)).isEmpty();
    assertThat(CommonMarkSupport.all(doc, HtmlBlock.class)).isEmpty();
    for (Node n : CommonMarkSupport.all(doc, Emphasis.class)) assertThat(CommonMarkSupport.text(n)).isNotEqualTo("i");
    for (Node n : CommonMarkSupport.all(doc, StrongEmphasis.class)) assertThat(CommonMarkSupport.text(n)).isNotEqualTo("b");
    String text = CommonMarkSupport.text(doc);
    assertThat(text).contains("[x](javascript:alert(1)) ![i](http://e/x.png) **b** _i_ `c` <script>alert(1)</script> | pipe");
    assertThat(text).contains("# Heading").contains("- item");
  }

  @Test
  void htmlEscapesTagsQuotesControlsAndBidi() throws IOException {
    String html = render("html");
    assertNoRawControls(html);
    assertThat(html).doesNotContain("<script").doesNotContain("<img").doesNotContain("href=\"javascript");
    assertThat(html).doesNotContain("\" onmouseover=\"").doesNotContain("' onfocus='")
        .contains("quote&quot; onmouseover=&quot;alert(1)&quot; &amp; &#39; onfocus=&#39;alert(2)");
    assertThat(html).contains("&lt;script&gt;alert(1)&lt;/script&gt;").contains("\\u202eevil\\u202c").contains("\\x1b[2J");
  }

  @Test
  void jsonKeepsTheExactStrings() throws IOException {
    JsonNode json = JSON.readTree(render("json"));
    List<String> companies = new ArrayList<>();
    List<String> sources = new ArrayList<>();
    json.path("profiles").forEach(p -> {
      companies.add(p.path("company").asText(null));
      sources.add(p.path("source").asText());
    });
    List<String> expected = new ArrayList<>(attacks);
    expected.add(null);
    assertThat(companies).isEqualTo(expected);
    assertThat(sources).contains(FILE_NAME);
  }

  @Test
  void sarifUrisAreRfc3986ReferencesThatDecodeToThePath() throws IOException {
    JsonNode sarif = JSON.readTree(render("sarif"));
    JsonNode run = sarif.path("runs").get(0);
    assertThat(run.path("originalUriBaseIds").path("ROOT").path("uri").asText()).isEqualTo("file:///");
    List<String> paths = new ArrayList<>();
    for (String a : attacks) paths.add(a + ".yaml");
    paths.add(FILE_NAME);
    JsonNode artifacts = run.path("artifacts");
    assertThat(artifacts.size()).isEqualTo(paths.size());
    for (int i = 0; i < paths.size(); i++) {
      JsonNode loc = artifacts.get(i).path("location");
      String uri = loc.path("uri").asText();
      assertThat(uri).as(paths.get(i)).matches("[A-Za-z0-9._~/%-]*");
      URI parsed = URI.create(uri);
      assertThat(parsed.isAbsolute()).isFalse();
      assertThat(parsed.getPath()).isEqualTo(paths.get(i));
      assertThat(loc.path("uriBaseId").asText()).isEqualTo("%SRCROOT%");
    }
  }

  @Test
  void sarifWritesAnAbsolutePathRelativeToTheDeclaredRoot() throws IOException {
    String path = "/home/x/hostile #?%[] 네이버\n.yaml";
    Report r = TestSupport.checker().report(ReviewSupport.OPTIONS, List.of(ProfileReport.failed(path, "x")));
    StringWriter w = new StringWriter();
    Renderers.byName("sarif").orElseThrow().render(r, w, new RenderOptions("en"));
    JsonNode loc = JSON.readTree(w.toString()).path("runs").get(0).path("artifacts").get(0).path("location");
    assertThat(loc.path("uriBaseId").asText()).isEqualTo("ROOT");
    String uri = loc.path("uri").asText();
    assertThat(uri).doesNotStartWith("/").startsWith("home/x/hostile%20%23%3F%25%5B%5D%20%EB%84%A4");
    assertThat(URI.create("file:///").resolve(URI.create(uri)).getPath()).isEqualTo(path);
  }

  @Test
  void junitIsWellFormedXmlWithControlsAsEscapes() throws Exception {
    String xml = render("junit");
    assertNoRawControls(xml);
    var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    var props = doc.getElementsByTagName("property");
    List<String> companies = new ArrayList<>();
    for (int i = 0; i < props.getLength(); i++) {
      var e = (org.w3c.dom.Element) props.item(i);
      if (e.getAttribute("name").equals("company")) companies.add(e.getAttribute("value"));
    }
    assertThat(companies).isEqualTo(attacks.stream().map(Printable::text).toList());
  }

  @Test
  void validateAndErrorsPrintOneEscapedLineAFile(@TempDir Path dir) throws IOException {
    Path good = dir.resolve(FILE_NAME);
    Files.writeString(good, YAML.replace("PH-company", yaml(FORGED)).replace("PH-", ""));
    Path bad = dir.resolve("bad\r\u001b[2J" + FILE_NAME);
    Files.writeString(bad, "kdpc: 1\ncompany:\n  name: " + yaml(FORGED) + "\n  headquarters: " + yaml("\n[CLEAR] XX") + "\n");
    ReviewSupport.Run run = ReviewSupport.cli("validate", good.toString(), bad.toString());
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.out().lines().toList()).singleElement().asString()
        .isEqualTo("ok " + Printable.text(good.toString()) + " (" + Printable.text(FORGED) + ", 1 service)");
    assertThat(run.err().lines().toList()).singleElement().asString().startsWith(Printable.text(bad.toString()) + ":");
    assertNoRawControls(run.out() + run.err());

    for (String format : Renderers.names()) {
      ReviewSupport.Run check = ReviewSupport.cli("check", "--format", format, "--fail-on", "none", good.toString(), bad.toString());
      assertThat(check.code()).as(format).isEqualTo(2);
      assertThat(check.err().lines().toList()).as(format).singleElement().asString().startsWith(Printable.text(bad.toString()) + ":");
      if (!format.equals("json")) assertNoRawControls(check.out() + check.err());
      if (format.equals("text")) assertThat(check.out()).contains("== " + Printable.text(good.toString()) + " (" + Printable.text(FORGED) + ") ==");
    }
  }

  @Test
  void optionErrorsEscapeWhatTheUserTyped() {
    ReviewSupport.Run run = ReviewSupport.cli("check", "--as-of", "\u001b[2J2026\n[CLEAR]", "samples/portal-search.yaml");
    assertThat(run.code()).isEqualTo(2);
    assertThat(run.err().lines().toList()).singleElement().asString().contains("\\x1b[2J2026\\n[CLEAR]");
    ReviewSupport.Run usage = ReviewSupport.cli("check", "--no-such\u001b[2J-option", "samples/portal-search.yaml");
    assertThat(usage.code()).isEqualTo(2);
    assertThat(usage.err().lines().toList()).singleElement().asString().contains("--no-such\\x1b[2J-option");
    ReviewSupport.Run explain = ReviewSupport.cli("explain", "NO-SUCH\u202e-RULE\n[CLEAR]");
    assertThat(explain.err().lines().toList()).singleElement().asString().contains("NO-SUCH\\u202e-RULE\\n[CLEAR]");
  }

  @Test
  void comparisonsEscapeNamesInTextAndMarkdown() throws IOException {
    for (String a : attacks) {
      Change ch = new Change(Change.Type.CHANGED, "TBA-22-7", "tba-service-stability", Kind.DESIGNATION, a, a + " title", null,
          Outcome.NOT_MET, Outcome.MEETS_CRITERIA, Status.IN_FORCE, Status.IN_FORCE,
          List.of(new Change.FactChange("services.x.users", a, a + " after", null, 3, 1)), List.of(a + " reason"));
      Comparison c = new Comparison("kdpc", "0".repeat(64), a + " before", a + " after",
          List.of(new Comparison.Entry(a + ".yaml", a + "-2.yaml", a, List.of(ch))));
      StringWriter text = new StringWriter();
      ComparisonRenderer.render("text", c, text, new RenderOptions("en"));
      assertNoRawControls(text.toString());
      assertThat(text.toString()).contains("before: " + Printable.text(a + " before") + "\n")
          .contains("== " + Printable.text(a + ".yaml") + " -> " + Printable.text(a + "-2.yaml") + " (" + Printable.text(a) + ") ==\n")
          .contains("because " + Printable.text(a + " reason") + "\n");
      assertThat(text.toString().lines()).as(a).noneMatch(l -> l.startsWith("[CLEAR]") || l.equals("Summary: no findings"));
      StringWriter md = new StringWriter();
      ComparisonRenderer.render("markdown", c, md, new RenderOptions("en"));
      assertNoRawControls(md.toString());
      Node doc = CommonMarkSupport.PARSER.parse(md.toString());
      for (Class<? extends Node> k : List.of(Link.class, Image.class, HtmlInline.class, HtmlBlock.class)) {
        assertThat(CommonMarkSupport.all(doc, k)).as("%s in %s", k.getSimpleName(), a).isEmpty();
      }
      assertThat(CommonMarkSupport.all(doc, TableBlock.class)).hasSize(1);
      assertThat(CommonMarkSupport.all(doc, TableCell.class)).as("two rows of six cells").hasSize(12);
    }
  }

  /** A rules folder is user input too: its metadata is shown by {@code rules}, {@code explain} and every report. */
  @Test
  void rulesAndExplainEscapeARulesFolder(@TempDir Path dir) throws IOException {
    try (var s = Files.list(TestSupport.root().resolve("rules"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) Files.copy(f, dir.resolve(f.getFileName()));
    }
    Path drl = dir.resolve("tba-service-stability.drl");
    String raw = "Keep \u001b[2J stable \u202e [x](javascript:alert(1)) | **b** <b>";
    Files.writeString(drl, Files.readString(drl).replace("@title(\"Keep the service stable and handle user requests, in Korean\")",
        "@title(\"" + raw + "\")").replace("@article(\"Art. 22-7(1); Enforcement Decree Art. 30-8(2)\")", "@article(\"" + raw + "\")"));
    for (String format : List.of("text", "markdown")) {
      ReviewSupport.Run rules = ReviewSupport.cli("rules", "--format", format, "--rules", dir.toString(), "--trust-rules");
      assertThat(rules.code()).as(rules.err()).isZero();
      assertNoRawControls(rules.out());
      if (format.equals("text")) assertThat(rules.out()).contains("      " + Printable.text(raw) + "\n");
      if (format.equals("markdown")) {
        Node doc = CommonMarkSupport.PARSER.parse(rules.out());
        assertThat(CommonMarkSupport.all(doc, Link.class)).allMatch(l -> l.getDestination().startsWith("http"));
        assertThat(CommonMarkSupport.text(doc)).contains(Printable.text(raw));
      }
    }
    ReviewSupport.Run explain = ReviewSupport.cli("explain", "TBA-22-7-1", "--rules", dir.toString(), "--trust-rules");
    assertThat(explain.code()).as(explain.err()).isZero();
    assertNoRawControls(explain.out());
    assertThat(explain.out()).startsWith("TBA-22-7-1: " + Printable.text(raw) + "\n");
  }

  /** No control, format or separator character but the line feed that ends each line. */
  static void assertNoRawControls(String out) {
    var m = RAW.matcher(out);
    assertThat(m.find()).as(() -> "raw U+%04X at %d".formatted((int) out.charAt(m.start()), m.start())).isFalse();
  }

  private static String unquoted(String json) {
    return json.substring(1, json.length() - 1);
  }

  /** {@code s} as a YAML double-quoted scalar. */
  static String yaml(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> b.append("\\\\");
        case '"' -> b.append("\\\"");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        case '\u0085' -> b.append("\\N");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
