package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 acceptance through the CLI: a foreign video platform in the TBA Art. 22-7 population with no
 * Korean office and no ISP contract, under {@code --scenario with-proposals}; and {@code kdpc rules}
 * listing the new regimes with their status and in-force date.
 */
class CloudNetworkAiAcceptanceTest {
  @TempDir Path tmp;

  private static final String FOREIGN_VIDEO = """
      kdpc: 1
      company:
        name: ForeignTube Inc.
        headquarters: US
        korean_office: false
        korean_subsidiary: false
        domestic_agent: { designated: false }
      services:
        - id: tube
          category: video
          users: { daily_average_kr: 1_500_000 }
          traffic_share_kr: 0.04
      network:
        isp_contracts: []
      """;

  private static String[] run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new String[] {String.valueOf(code), out.toString(), err.toString()};
  }

  private static JsonNode finding(JsonNode report, String rule) {
    for (JsonNode f : report.path("profiles").get(0).path("findings")) {
      if (f.path("rule").asText().equals(rule)) return f;
    }
    throw new AssertionError("no finding of " + rule + " in " + report.path("profiles").get(0).path("findings"));
  }

  @Test
  void foreignVideoPlatformWithNoIspContractHasAnUnmetProposedNetworkFeeDuty() throws IOException {
    Path profile = tmp.resolve("foreign-video.yaml");
    Files.writeString(profile, FOREIGN_VIDEO, StandardCharsets.UTF_8);

    String[] r = run("check", "--format", "json", "--as-of", "2026-06-30", "--scenario", "with-proposals", profile.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(json.path("scenario").asText()).isEqualTo("with-proposals");

    JsonNode designation = finding(json, "TBA-22-7");
    assertThat(designation.path("regime").asText()).isEqualTo("tba-service-stability");
    assertThat(designation.path("service").asText()).isEqualTo("tube");
    assertThat(designation.path("outcome").asText()).isEqualTo("meets_criteria");
    assertThat(designation.path("status").asText()).isEqualTo("in_force");

    JsonNode agent = finding(json, "TBA-22-8");
    assertThat(agent.path("kind").asText()).isEqualTo("obligation");
    assertThat(agent.path("outcome").asText()).isEqualTo("unmet");
    assertThat(agent.path("citation").path("article").asText()).contains("22-8");

    for (String bill : new String[] {"NETFEE-KWY", "NETFEE-LHM", "NETFEE-KJG"}) {
      JsonNode fee = finding(json, bill);
      assertThat(fee.path("regime").asText()).as(bill).isEqualTo("network-fee");
      assertThat(fee.path("kind").asText()).as(bill).isEqualTo("obligation");
      assertThat(fee.path("outcome").asText()).as(bill).isEqualTo("unmet");
      assertThat(fee.path("status").asText()).as(bill).isEqualTo("proposed");
      assertThat(fee.path("depends_on").toString()).as(bill).contains("TBA-22-7");
      assertThat(fee.path("notes").toString()).as(bill).contains("not confirmed in a primary source");
    }
  }

  @Test
  void underInForceLawTheSamePlatformHasNoNetworkFeeFinding() throws IOException {
    Path profile = tmp.resolve("foreign-video.yaml");
    Files.writeString(profile, FOREIGN_VIDEO, StandardCharsets.UTF_8);

    String[] r = run("check", "--format", "json", "--as-of", "2026-06-30", "--scenario", "in-force", profile.toString());

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    assertThat(finding(json, "TBA-22-7").path("outcome").asText()).isEqualTo("meets_criteria");
    assertThat(json.path("profiles").get(0).path("findings").toString()).doesNotContain("NETFEE-");
    assertThat(json.path("regimes").toString()).doesNotContain("network-fee");
  }

  @Test
  void rulesListsTheNewRegimesWithStatusAndInForceDate() throws IOException {
    String[] r = run("rules", "--format", "json", "--as-of", "2026-06-30");

    assertThat(r[0]).as(r[2]).isEqualTo("0");
    JsonNode json = new ObjectMapper().readTree(r[1]);
    String all = json.toString();
    assertThat(all).contains("\"ai-basic-act\"", "\"cloud-public-sector\"", "\"domestic-agent\"", "\"network-fee\"", "\"location-data-export\"");
    String text = run("rules", "--as-of", "2026-06-30")[1];
    assertThat(text).contains("ai-basic-act  [in_force, in force from 2026-01-22]");
    assertThat(text).contains("domestic-agent  [in_force, in force from 2019-03-19]");
    assertThat(text).contains("network-fee  [proposed]");
    assertThat(text).contains("cloud-public-sector  [in_force, in force from 2016-04-04]");
    assertThat(text).contains("location-data-export  [in_force, in force from 2015-06-04]");
    assertThat(text).contains("CSAP-NIS-2027").contains("[proposed]");
  }
}
