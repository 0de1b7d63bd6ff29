package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Money in Korean units through the command line: a bad form is an input error (exit 2, one paragraph
 * naming file, line, column and field, and the accepted forms); a good one is evaluated and echoed as
 * written beside the won amount; {@code --set} takes the same forms.
 */
class MoneyFormsCliTest {
  @TempDir Path tmp;

  private Path write(String yaml) throws IOException {
    Path p = tmp.resolve("p.yaml");
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  private static final String PROFILE = "kdpc: 1\nservices:\n  - id: s\n    category: search\n    market: { share: 0.6 }\n"
      + "    revenue_krw: { korea: %s }\n";

  @Test
  void aBadAmountIsAnInputErrorThatSaysTheAcceptedForms() throws IOException {
    Path p = write(PROFILE.formatted("\"80억 USD\""));
    for (String cmd : new String[] {"validate", "check"}) {
      Run r = ReviewSupport.cli(cmd, "--as-of", "2026-06-30", p.toString());
      if (cmd.equals("validate")) r = ReviewSupport.cli(cmd, p.toString());
      assertThat(r.code()).as(cmd).isEqualTo(2);
      assertThat(r.err()).as(cmd).contains(p + ":6:27: ").contains("field 'services[0].revenue_krw.korea': an amount in won must be")
          .contains("\"4조 3,226억원\"").contains("got the text \"80억 USD\"");
      assertThat(r.err().strip()).as("one paragraph").doesNotContain("\n");
    }
  }

  @Test
  void anAmountInKoreanUnitsIsEvaluatedAndShownAsWritten() throws IOException {
    Path p = write(PROFILE.formatted("\"79억 9,999만 9,999원\""));
    Run r = ReviewSupport.cli("check", "--as-of", "2026-06-30", "--fail-on", "none", p.toString());
    assertThat(r.code()).isZero();
    assertThat(r.out()).contains("services.s.revenue_krw.korea = \"79억 9,999만 9,999원\" (7,999,999,999 won) >= 8,000,000,000 won");
    Run json = ReviewSupport.cli("check", "--format", "json", "--as-of", "2026-06-30", "--fail-on", "none", p.toString());
    boolean seen = false;
    for (JsonNode t : tests(json.out())) {
      if (t.path("fact").asText().equals("services.s.revenue_krw.korea")) {
        assertThat(t.path("value").asLong()).isEqualTo(7_999_999_999L);
        assertThat(t.path("written").asText()).isEqualTo("79억 9,999만 9,999원");
        seen = true;
      }
    }
    assertThat(seen).isTrue();
  }

  /** Every test of every finding of the report. */
  private static java.util.List<JsonNode> tests(String json) throws IOException {
    java.util.List<JsonNode> out = new java.util.ArrayList<>();
    for (JsonNode f : new ObjectMapper().readTree(json).path("profiles").get(0).path("findings")) f.path("because").forEach(out::add);
    return out;
  }

  @Test
  void setTakesTheSameForms() throws IOException {
    Path p = write(PROFILE.formatted("70억"));
    Run r = ReviewSupport.cli("check", "--format", "json", "--as-of", "2026-06-30", "--fail-on", "none",
        "--set", "services.s.revenue_krw.korea=80억원", p.toString());
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"written\" : \"80억원\"").contains("8000000000");
    Run bad = ReviewSupport.cli("check", "--as-of", "2026-06-30", "--set", "services.s.revenue_krw.korea=5천억", p.toString());
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("did you mean \"5,000억원\"?");
  }
}
