package dev.kdpc.render;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The memo's register (Markdown and HTML) labels each row with its kind, so that an eligibility (what a
 * public body may buy, not a duty of the provider) is not listed as a duty, in both languages.
 */
class RegisterKindTest {
  static final Report CLOUD = ReviewSupport.report(List.of("cloud-hyperscaler-public"), Map.of(), false);
  static final Report PORTAL = ReviewSupport.report(List.of("portal-search"), Map.of(), false);

  private static String render(Report r, String format, String lang) throws IOException {
    StringWriter w = new StringWriter();
    Renderers.byName(format).orElseThrow().render(r, w, new RenderOptions(lang));
    return w.toString();
  }

  private static String register(String memo) {
    int at = memo.indexOf("<section class=\"register\">");
    assertThat(at).as("the register section").isNotNegative();
    return memo.substring(at);
  }

  @Test
  void markdownLabelsEligibilityDutiesAndBans() throws IOException {
    String en = render(CLOUD, "markdown", "en");
    assertThat(en).contains("| Kind | Finding | Service |");
    assertThat(en).containsPattern("\\| Eligibility \\| [^|]+\\(`CSAP-23-2`\\)");
    assertThat(en).doesNotContainPattern("\\| Duty \\| [^|]+\\(`CSAP-");
    assertThat(render(PORTAL, "markdown", "en")).containsPattern("\\| Duty \\| [^|]+\\(`TBA-22-7-3`\\)")
        .containsPattern("\\| Ban \\| [^|]+\\(`DP24-TYING`\\)");
    String ko = render(CLOUD, "markdown", "ko");
    assertThat(ko).contains("| 구분 | 검토 항목 | 서비스 |").containsPattern("\\| 이용 적격 \\| [^|]+\\(`CSAP-23-2`\\)");
  }

  @Test
  void htmlLabelsEligibilityDutiesAndBans() throws IOException {
    String en = register(render(CLOUD, "html", "en"));
    assertThat(en).contains("<th>Kind</th><th>Finding</th><th>Service</th>");
    assertThat(en).contains("<tr data-register=\"CSAP-23-2|\"><td>Eligibility</td>");
    assertThat(en).doesNotContain("<td>Duty</td><td>A public body");
    assertThat(register(render(PORTAL, "html", "en"))).contains("<tr data-register=\"TBA-22-7-3|search\"><td>Duty</td>")
        .contains("<tr data-register=\"DP24-TYING|search\"><td>Ban</td>");
    assertThat(register(render(CLOUD, "html", "ko"))).contains("<th>구분</th>").contains("<tr data-register=\"CSAP-23-2|\"><td>이용 적격</td>");
  }
}
