package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Report;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The HTML report, opened in headless Chromium (Debian's {@code chromium} package), shows every
 * finding of the JSON report. Runs when {@code /usr/bin/chromium} exists; fails when the environment
 * variable {@code CI} is set and it does not (CI must install it: {@code apt-get install -y chromium});
 * elsewhere it checks the HTML source instead and says so.
 */
class HtmlChromiumTest {
  static final Path CHROMIUM = Path.of(System.getProperty("kdpc.chromium", "/usr/bin/chromium"));
  static final Pattern SECTION = Pattern.compile(
      "<section class=\"finding[^\"]*\" id=\"[^\"]+\" data-finding=\"([^\"]+)\">(.*?)</section>", Pattern.DOTALL);
  static final Pattern ARTICLE = Pattern.compile("<article class=\"profile\" data-source=\"([^\"]+)\">(.*?)</article>", Pattern.DOTALL);

  static List<String> samples() throws IOException {
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList();
    }
  }

  @Test
  void everyFindingOfTheJsonReportAppearsInTheRenderedDom(@TempDir Path tmp) throws Exception {
    Report report = ReviewSupport.report(samples(), Map.of(), true);
    Path html = tmp.resolve("report.html");
    StringWriter w = new StringWriter();
    new HtmlRenderer().render(report, w, RenderOptions.DEFAULT);
    Files.writeString(html, w.toString(), StandardCharsets.UTF_8);

    String dom;
    if (Files.isExecutable(CHROMIUM)) {
      dom = dumpDom(html, tmp);
    } else if (System.getenv("CI") != null) {
      fail("CI is set but " + CHROMIUM + " is missing: .ci/run must install Debian's chromium (apt-get update && apt-get install -y chromium)");
      return;
    } else {
      System.out.println("HtmlChromiumTest: " + CHROMIUM + " not installed; checking the HTML source instead of the rendered DOM");
      dom = w.toString();
    }

    Map<String, Map<String, String>> shown = sections(dom);
    JsonNode json = dev.kdpc.render.JsonRenderer.tree(report);
    int checked = 0;
    for (JsonNode p : json.path("profiles")) {
      String source = p.path("source").asText();
      Map<String, String> inProfile = shown.get(source);
      assertThat(inProfile).as("the DOM has the profile " + source).isNotNull();
      assertThat(inProfile).as("findings of " + source).hasSize(p.path("findings").size());
      for (JsonNode f : p.path("findings")) {
        String key = f.path("rule").asText() + "|" + (f.path("service").isNull() ? "" : f.path("service").asText()) + "|" + f.path("outcome").asText();
        String text = inProfile.get(key);
        assertThat(text).as("the DOM shows finding " + key + " of " + source).isNotNull();
        assertThat(text).contains(f.path("rule").asText()).contains(f.path("title").asText())
            .contains(Words.outcome(dev.kdpc.report.Outcome.byId(f.path("outcome").asText()),
                dev.kdpc.report.Status.parse(f.path("status").asText()), "en")).contains(f.path("citation").path("article").asText());
        checked++;
      }
    }
    assertThat(checked).isEqualTo(report.findings().size()).isPositive();
    long duties = report.findings().stream().filter(f -> f.kind() != Kind.DESIGNATION).count();
    assertThat(count(dom, "data-register=")).as("register rows").isEqualTo(duties);
    assertThat(dom.lastIndexOf("class=\"register\"")).as("the register comes last").isGreaterThan(dom.lastIndexOf("class=\"finding"));
  }

  @Test
  void theHtmlFetchesNothing() throws IOException {
    StringWriter w = new StringWriter();
    new HtmlRenderer().render(ReviewSupport.report(samples(), Map.of(), true), w, RenderOptions.DEFAULT);
    String html = w.toString();
    assertThat(html).doesNotContain("<script").doesNotContain("<link").doesNotContain("<img").doesNotContain("<iframe")
        .doesNotContain(" src=").doesNotContain("url(").doesNotContain("@import").contains("@media print");
  }

  /** Per profile source, the text of each finding section keyed by its data-finding attribute. */
  static Map<String, Map<String, String>> sections(String dom) {
    Map<String, Map<String, String>> out = new HashMap<>();
    Matcher a = ARTICLE.matcher(dom);
    while (a.find()) {
      Map<String, String> m = new HashMap<>();
      Matcher s = SECTION.matcher(a.group(2));
      while (s.find()) m.put(unescape(s.group(1)), text(s.group(2)));
      out.put(unescape(a.group(1)), m);
    }
    return out;
  }

  static String text(String html) {
    return unescape(html.replaceAll("<[^>]+>", " ").replaceAll("\\s+", " "));
  }

  static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&nbsp;", " ").replace("&amp;", "&");
  }

  static long count(String s, String needle) {
    long n = 0;
    for (int i = s.indexOf(needle); i >= 0; i = s.indexOf(needle, i + 1)) n++;
    return n;
  }

  static String dumpDom(Path html, Path tmp) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
        "--user-data-dir=" + tmp.resolve("chromium-profile"), "--dump-dom", html.toUri().toString()));
    Process p = new ProcessBuilder(cmd).redirectError(tmp.resolve("chromium.err").toFile()).start();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (InputStream in = p.getInputStream()) {
      in.transferTo(out);
    }
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      fail("chromium did not finish");
    }
    assertThat(p.exitValue()).as("chromium exit code; stderr: " + Files.readString(tmp.resolve("chromium.err"))).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }
}
