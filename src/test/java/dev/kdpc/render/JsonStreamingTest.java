package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeType;
import dev.kdpc.Checker;
import dev.kdpc.Compare;
import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.report.Comparison;
import dev.kdpc.report.Notice;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.FilterWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON report is streamed ({@link JsonRenderer#render(Report, java.io.Writer, RenderOptions)}) while
 * SARIF, the HTML test and comparisons use its trees ({@link JsonRenderer#tree(Report)},
 * {@link JsonRenderer#finding}, ...). Both come from the same writing code; these tests hold that a tree
 * written out gives byte for byte what the stream gives, on every sample in both scenarios, with and
 * without why-not, with a what-if, with an unreadable profile and a notice, and for comparisons. The
 * golden files (SamplesGoldenTest, FormatsGoldenTest) pin the bytes themselves.
 */
class JsonStreamingTest {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final List<Options> SCENARIOS = List.of(Options.inForce(AS_OF), Options.withProposals(AS_OF));

  /** A report and its name for the test's title. */
  record Case(String name, Report report) {
    @Override
    public String toString() {
      return name;
    }
  }

  static List<Path> samples() {
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).map(p -> Path.of("samples").resolve(p.getFileName())).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ProfileReport part(Path sample, Options o, Map<String, String> set, boolean whyNot) {
    return new Review(TestSupport.checker()).evaluate(ReviewSupport.source(sample), o, set, whyNot);
  }

  static Stream<Arguments> reports() {
    Checker checker = TestSupport.checker();
    List<Case> cases = new ArrayList<>();
    List<ProfileReport> all = new ArrayList<>();
    for (Path sample : samples()) {
      for (Options o : SCENARIOS) {
        for (boolean whyNot : List.of(false, true)) {
          ProfileReport p = part(sample, o, Map.of(), whyNot);
          cases.add(new Case(sample.getFileName() + " " + o.scenario().id() + (whyNot ? " why-not" : ""), checker.report(o, List.of(p))));
          if (whyNot && o.equals(SCENARIOS.get(1))) all.add(p);
        }
      }
    }
    Options proposals = SCENARIOS.get(1);
    ProfileReport whatIf = part(ReviewSupport.sample("webtoon-near-miss"),
        proposals, Map.of("services.comics.users.daily_average_kr", "1000000", "company.market_cap_krw", "25000000000000"), true);
    cases.add(new Case("webtoon-near-miss what-if", checker.report(proposals, List.of(whatIf))));
    ProfileReport unreadable = new ProfileReport("samples/broken.yaml", null, null, List.of(), List.of(),
        "samples/broken.yaml: line 3: \"quoted\" text\tand\u00a0한국어", null, List.of());
    all.add(unreadable);
    all.add(whatIf);
    Report r = checker.report(proposals, all);
    cases.add(new Case("all samples, an unreadable profile and a notice", new Report(r.tool(), r.asOf(), "regimes", r.regimes(),
        r.rulesDigest(), r.profiles(), List.of(new Notice("tba-app-market", "a notice with \"quotes\" and 한글")))));
    return cases.stream().map(Arguments::of);
  }

  static String streamed(Report r) throws IOException {
    StringWriter w = new StringWriter();
    new JsonRenderer().render(r, w, RenderOptions.DEFAULT);
    return w.toString();
  }

  static String fromTree(JsonNode tree) throws IOException {
    StringWriter w = new StringWriter();
    JsonRenderer.write(tree, w);
    return w.toString();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void theStreamedReportIsTheTreeWrittenOut(Case c) throws IOException {
    String streamed = streamed(c.report());
    assertThat(streamed).isEqualTo(fromTree(JsonRenderer.tree(c.report())));
    assertThat(streamed).startsWith("{\n  \"kdpc_report\" : 2,\n").endsWith("\n}\n");
  }

  /** The bytes a folder run writes (UTF-8 straight from Jackson) are the characters of the writer path, encoded. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void theUtf8ReportIsTheWrittenReportEncoded(Case c) throws IOException {
    for (String lang : RenderOptions.LANGUAGES) {
      RenderOptions ro = new RenderOptions(lang);
      StringWriter w = new StringWriter();
      new JsonRenderer().render(c.report(), w, ro);
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
      new JsonRenderer().renderUtf8(c.report(), bytes, ro);
      assertThat(bytes.toByteArray()).as(lang).isEqualTo(w.toString().getBytes(StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("reports")
  void thePartTreesAreThePartsOfTheReportTree(Case c) throws IOException {
    JsonNode tree = JsonRenderer.tree(c.report());
    int i = 0;
    for (ProfileReport p : c.report().profiles()) {
      JsonNode profile = tree.path("profiles").get(i++);
      assertThat(profile).isEqualTo(JsonRenderer.profile(p));
      for (int f = 0; f < p.findings().size(); f++) {
        dev.kdpc.report.Finding finding = p.findings().get(f);
        assertThat(profile.path("findings").get(f)).isEqualTo(JsonRenderer.finding(finding));
        if (finding.sanction() != null) assertThat(JsonRenderer.sanction(finding.sanction())).isEqualTo(profile.path("findings").get(f).get("sanction"));
        if (finding.flip() != null) assertThat(JsonRenderer.flip(finding.flip())).isEqualTo(profile.path("findings").get(f).get("flip"));
      }
    }
  }

  @Test
  void treesKeepTheNumberKindsTheyHadBeforeStreaming() {
    Report r = ReviewSupport.report(List.of("portal-search"), Map.of(), false);
    JsonNode tree = JsonRenderer.tree(r);
    assertThat(tree.get("kdpc_report").getNodeType()).isEqualTo(JsonNodeType.NUMBER);
    assertThat(tree.get("kdpc_report").isInt()).isTrue();
    JsonNode test = tree.at("/profiles/0/findings/0/because/0");
    assertThat(test.get("value").isLong()).as("a won amount is a long").isTrue();
    assertThat(test.get("margin").isBigDecimal()).as("a margin is a decimal").isTrue();
    assertThat(test.get("margin").decimalValue()).isEqualByComparingTo("1.133333");
    assertThat(test.get("line").isInt()).isTrue();
    assertThat(test.get("met").isBoolean()).isTrue();
    assertThat(tree.at("/profiles/0/findings/0/sanction").isNull()).isTrue();
  }

  @Test
  void comparisonsStreamAsTheirTreesWrittenOut() throws IOException {
    Checker c = TestSupport.checker();
    List<Comparison.Entry> entries = new ArrayList<>();
    for (Path sample : samples()) {
      Profile p = TestSupport.reader().read(sample);
      Options a = SCENARIOS.get(0);
      Options b = SCENARIOS.get(1);
      entries.add(new Comparison.Entry(sample.toString(), sample.toString(), p.company().name(),
          new Compare(c).changes(new Compare.Side(p, c.evaluate(p, a), a), new Compare.Side(p, c.evaluate(p, b), b))));
    }
    String text = Files.readString(TestSupport.root().resolve("samples/webtoon-near-miss.yaml"), StandardCharsets.UTF_8);
    String from = "{ name: Strip Co., share: 0.22,";
    assertThat(text).contains(from);
    Profile before = TestSupport.reader().read("fy2025.yaml", text.getBytes(StandardCharsets.UTF_8));
    Profile after = TestSupport.reader().read("fy2026.yaml", text.replace(from, "{ name: Strip Co., share: 0.3,").getBytes(StandardCharsets.UTF_8));
    Options o = SCENARIOS.get(1);
    entries.add(new Comparison.Entry("fy2025.yaml", "fy2026.yaml", null,
        new Compare(c).changes(new Compare.Side(before, c.evaluate(before, o), o), new Compare.Side(after, c.evaluate(after, o), o))));
    Comparison comparison = new Comparison("kdpc", "digest", "in-force", "with-proposals", entries);
    assertThat(entries).anySatisfy(e -> assertThat(e.changes()).anySatisfy(ch -> assertThat(ch.facts()).isNotEmpty()));

    StringWriter w = new StringWriter();
    JsonRenderer.render(comparison, w);
    assertThat(w.toString()).isEqualTo(fromTree(JsonRenderer.tree(comparison))).contains("\"kdpc_diff\" : 2,", "\"before\" : 0.22");
  }

  @Test
  void renderingLeavesTheWriterOpen() throws IOException {
    boolean[] closed = {false};
    StringWriter target = new StringWriter();
    FilterWriter w = new FilterWriter(target) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    new JsonRenderer().render(ReviewSupport.report(List.of("sns-missing-facts"), Map.of(), false), w, RenderOptions.DEFAULT);
    w.write("after");
    w.flush();
    assertThat(closed[0]).isFalse();
    assertThat(target.toString()).endsWith("}\nafter");
  }

  @Test
  void renderingToBytesLeavesTheStreamOpen() throws IOException {
    boolean[] closed = {false};
    java.io.ByteArrayOutputStream target = new java.io.ByteArrayOutputStream();
    java.io.FilterOutputStream o = new java.io.FilterOutputStream(target) {
      @Override
      public void close() throws IOException {
        closed[0] = true;
        super.close();
      }
    };
    new JsonRenderer().renderUtf8(ReviewSupport.report(List.of("sns-missing-facts"), Map.of(), false), o, RenderOptions.DEFAULT);
    o.write("after".getBytes(StandardCharsets.UTF_8));
    assertThat(closed[0]).isFalse();
    assertThat(target.toString(StandardCharsets.UTF_8)).endsWith("}\nafter");
  }
}
