package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kdpc impact --format html} opened in headless Chromium (Debian's {@code chromium}): the page
 * renders, each regime's SVG has one bar per headquarters country with the caught count of the JSON,
 * and the sweep's step chart has one line per country and the law's line marked. Runs when
 * {@code /usr/bin/chromium} exists; fails when {@code CI} is set and it does not; elsewhere it checks the
 * HTML source instead and says so (as {@link HtmlChromiumTest}).
 */
class ImpactChromiumTest {
  static final Pattern SECTION = Pattern.compile("<section class=\"regime\" data-regime=\"([^\"]+)\">(.*?)</section>", Pattern.DOTALL);
  static final Pattern BAR = Pattern.compile("<rect class=\"bar\" data-country=\"([^\"]+)\" data-caught=\"(\\d+)\" data-total=\"(\\d+)\"[^>]*height=\"(\\d+)\"");
  static final Pattern STEP = Pattern.compile("<path class=\"step\" data-country=\"([^\"]+)\" data-values=\"([^\"]+)\"");
  static final Pattern LAW = Pattern.compile("<line class=\"law-line\" data-line=\"([^\"]+)\"");

  @TempDir Path tmp;

  static final String[] ARGS = {"--as-of", "2026-06-30", "--regimes", "kftc-platform-2023",
      "--sweep", "KFTC23-A:users.monthly_active_kr=5_000_000..50_000_000:2_500_000", "samples/portfolio"};

  static String[] args(String format) {
    List<String> a = new ArrayList<>(List.of("impact", "--format", format));
    a.addAll(List.of(ARGS));
    return a.toArray(String[]::new);
  }

  @Test
  void theChartsRenderWithABarPerCountryAndAStepLinePerCountry() throws Exception {
    ReviewSupport.Run html = ReviewSupport.cli(args("html"));
    assertThat(html.code()).as(html.err()).isZero();
    JsonNode json = new ObjectMapper().readTree(ReviewSupport.cli(args("json")).out());
    Path file = tmp.resolve("impact.html");
    Files.writeString(file, html.out(), StandardCharsets.UTF_8);

    String dom;
    if (Files.isExecutable(HtmlChromiumTest.CHROMIUM)) {
      dom = HtmlChromiumTest.dumpDom(file, tmp);
    } else if (System.getenv("CI") != null) {
      fail("CI is set but " + HtmlChromiumTest.CHROMIUM + " is missing: .ci/run must install Debian's chromium (apt-get install -y chromium)");
      return;
    } else {
      System.out.println("ImpactChromiumTest: " + HtmlChromiumTest.CHROMIUM + " not installed; checking the HTML source instead of the rendered DOM");
      dom = html.out();
    }

    Map<String, String> sections = new LinkedHashMap<>();
    Matcher s = SECTION.matcher(dom);
    while (s.find()) sections.put(s.group(1), s.group(2));
    assertThat(sections.keySet()).containsExactly("kftc-platform-2023");
    for (JsonNode r : json.path("regimes")) {
      String svg = sections.get(r.path("regime").asText());
      Map<String, int[]> bars = new LinkedHashMap<>();
      Matcher b = BAR.matcher(svg);
      int max = 0;
      while (b.find()) {
        int caught = Integer.parseInt(b.group(2));
        bars.put(b.group(1), new int[] {caught, Integer.parseInt(b.group(3)), Integer.parseInt(b.group(4))});
        max = Math.max(max, caught);
      }
      List<String> countries = new ArrayList<>();
      r.path("by_country").fieldNames().forEachRemaining(countries::add);
      assertThat(bars.keySet()).as("one bar per country").containsExactlyElementsOf(countries);
      for (Iterator<Map.Entry<String, JsonNode>> it = r.path("by_country").fields(); it.hasNext();) {
        Map.Entry<String, JsonNode> c = it.next();
        int caught = c.getValue().path("caught").size();
        int total = caught + c.getValue().path("not_caught").size() + c.getValue().path("undetermined").size();
        assertThat(bars.get(c.getKey())[0]).as("caught in " + c.getKey()).isEqualTo(caught);
        assertThat(bars.get(c.getKey())[1]).isEqualTo(total);
        assertThat(bars.get(c.getKey())[2]).as("bar height in proportion").isEqualTo(Math.round((float) caught * 160 / Math.max(1, max)));
      }
      assertThat(max).isPositive();
    }

    Map<String, String> steps = new LinkedHashMap<>();
    Matcher st = STEP.matcher(dom);
    while (st.find()) steps.put(st.group(1), st.group(2));
    List<String> swept = new ArrayList<>();
    json.path("sweep").path("points").get(0).path("by_country").fieldNames().forEachRemaining(swept::add);
    assertThat(steps.keySet()).as("one step line per country").containsExactlyElementsOf(swept);
    for (String c : swept) {
      StringBuilder expected = new StringBuilder();
      for (JsonNode p : json.path("sweep").path("points")) {
        expected.append(expected.length() == 0 ? "" : " ").append(p.path("line").asText()).append(':').append(p.path("by_country").path(c).path("caught").size());
      }
      assertThat(steps.get(c)).as("the step line of " + c).isEqualTo(expected.toString());
    }
    Matcher law = LAW.matcher(dom);
    assertThat(law.find()).as("the law's line is marked").isTrue();
    assertThat(law.group(1)).isEqualTo(json.path("sweep").path("stated_line").asText());
  }

  @Test
  void thePageFetchesNothing() {
    String html = ReviewSupport.cli(args("html")).out();
    assertThat(html).startsWith("<!DOCTYPE html>").doesNotContain("<script").doesNotContain("<link").doesNotContain("<img")
        .doesNotContain("<iframe").doesNotContain(" src=").doesNotContain("url(").doesNotContain("@import").contains("<svg");
    assertThat(html.replace("xmlns=\"http://www.w3.org/2000/svg\"", "")).doesNotContain("http://").doesNotContain("https://");
  }
}
