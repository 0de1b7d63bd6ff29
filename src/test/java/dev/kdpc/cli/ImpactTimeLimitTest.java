package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kdpc.ReviewSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kdpc impact} under {@code --time-limit}: an evaluation that runs past it is stopped, its profile
 * is reported as failed, the others are still grouped and written, and the run exits 5.
 */
class ImpactTimeLimitTest {
  @TempDir Path tmp;

  @Test
  void aStoppedEvaluationIsReportedAsFailedAndTheRunExits5() throws Exception {
    Path rules = TimeLimitTest.rulesWith(tmp, "sleeping",
        "if ($s.getId().equals(\"loop\")) { try { Thread.sleep(600_000); } catch (InterruptedException e) { } }");
    Path dir = Files.createDirectory(tmp.resolve("profiles"));
    String service = "kdpc: 1\ncompany: { name: NAME, headquarters: US }\nservices:\n  - { id: ID, category: video,"
        + " users: { daily_average_kr: 2_000_000 }, traffic_share_kr: 0.02 }\n";
    Files.writeString(dir.resolve("busy.yaml"), service.replace("NAME", "Busy Co").replace("ID", "loop"));
    Files.writeString(dir.resolve("calm.yaml"), service.replace("NAME", "Calm Co").replace("ID", "calm"));
    ReviewSupport.Run r = ReviewSupport.cli("impact", "--format", "json", "--rules", rules.toString(), "--trust-rules", "--time-limit",
        TimeLimitTest.LIMIT, "--as-of", "2026-06-30", "--regimes", "tba-service-stability", dir.toString());
    assertThat(r.code()).as(r.err()).isEqualTo(5);
    assertThat(r.err()).contains("busy.yaml").contains("evaluation stopped after " + TimeLimitTest.LIMIT + " s in rule 'TBA-22-7'")
        .doesNotContain("\tat ");
    JsonNode i = new ObjectMapper().readTree(r.out());
    assertThat(i.path("profiles").asInt()).isEqualTo(1);
    assertThat(i.path("failed").get(0).path("source").asText()).endsWith("busy.yaml");
    assertThat(i.path("regimes").get(0).path("by_country").path("US").path("caught").get(0).path("company").asText()).isEqualTo("Calm Co");
  }
}
