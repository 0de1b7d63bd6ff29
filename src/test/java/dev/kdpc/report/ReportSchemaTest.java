package dev.kdpc.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON Schema of the report (contract version 2, {@code kdpc schema report}) holds every golden JSON
 * report, and refuses a report with a word it does not know, a missing field, or an outcome of another kind.
 */
class ReportSchemaTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static Schema schema;

  @BeforeAll
  static void load() {
    schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12).getSchema(ReportSchema.text(), InputFormat.JSON);
  }

  static List<String> errors(JsonNode report) {
    return schema.validate(report).stream().map(Error::toString).toList();
  }

  /** Every golden JSON report: the samples', the formats' (what-if included). */
  static Stream<String> goldens() throws IOException {
    List<String> all = new ArrayList<>();
    for (String dir : List.of("golden", "golden-formats")) {
      try (Stream<Path> s = Files.list(TestSupport.root().resolve("src/test/resources").resolve(dir))) {
        s.map(p -> dir + "/" + p.getFileName()).filter(n -> n.endsWith(".json")).sorted().forEach(all::add);
      }
    }
    return all.stream();
  }

  static JsonNode golden(String name) throws IOException {
    return JSON.readTree(Files.readString(TestSupport.root().resolve("src/test/resources").resolve(name)));
  }

  @Test
  void theGoldensIncludeEverySampleAndTheWhatIf() throws IOException {
    List<String> names = goldens().toList();
    assertThat(names).contains("golden-formats/webtoon-near-miss.what-if.json", "golden/cloud-hyperscaler-public.json");
    assertThat(names.stream().filter(n -> n.startsWith("golden/")).count()).isGreaterThanOrEqualTo(14);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldens")
  void everyGoldenReportValidates(String name) throws IOException {
    JsonNode report = golden(name);
    assertThat(report.path("kdpc_report").asInt()).isEqualTo(Report.CONTRACT);
    assertThat(errors(report)).as(name).isEmpty();
  }

  private static ObjectNode firstFinding(JsonNode report) {
    for (JsonNode p : report.path("profiles")) if (p.path("findings").size() > 0) return (ObjectNode) p.path("findings").get(0);
    throw new AssertionError("no finding");
  }

  @Test
  void anUnknownOutcomeIsRefused() throws IOException {
    JsonNode r = golden("golden-formats/portal-search.json");
    firstFinding(r).put("outcome", "dominant");
    assertThat(errors(r)).isNotEmpty().anyMatch(e -> e.contains("outcome"));
  }

  @Test
  void aVersionOneWordIsRefused() throws IOException {
    for (String v1 : List.of("designated", "not_designated", "violation")) {
      JsonNode r = golden("golden-formats/portal-search.json");
      firstFinding(r).put("outcome", v1);
      assertThat(errors(r)).as(v1).isNotEmpty();
    }
    JsonNode r = golden("golden-formats/portal-search.json");
    ((ObjectNode) r).put("kdpc_report", 1);
    assertThat(errors(r)).anyMatch(e -> e.contains("kdpc_report"));
  }

  @Test
  void aMissingRequiredFieldIsRefused() throws IOException {
    JsonNode r = golden("golden-formats/portal-search.json");
    firstFinding(r).remove("citation");
    assertThat(errors(r)).isNotEmpty().anyMatch(e -> e.contains("citation"));
    JsonNode top = golden("golden-formats/portal-search.json");
    ((ObjectNode) top).remove("as_of");
    assertThat(errors(top)).anyMatch(e -> e.contains("as_of"));
  }

  @Test
  void anOutcomeOfAnotherKindIsRefused() throws IOException {
    JsonNode r = golden("golden-formats/portal-search.json");
    ObjectNode f = firstFinding(r);
    assertThat(f.path("kind").asText()).isEqualTo("designation");
    f.put("outcome", "potential_violation");
    assertThat(errors(r)).isNotEmpty();
    f.put("outcome", "presumed");
    f.put("kind", "eligibility");
    assertThat(errors(r)).isNotEmpty();
    f.put("outcome", "ineligible");
    assertThat(errors(r)).isEmpty();
  }

  @Test
  void anUndeclaredFindingFieldIsRefusedAndTheOtherHelpersFieldsAreDeclared() throws IOException {
    JsonNode r = golden("golden-formats/portal-search.json");
    ObjectNode f = firstFinding(r);
    f.put("designated", true);
    assertThat(errors(r)).isNotEmpty();
    f.remove("designated");
    f.putArray("missing_immaterial").add("company.revenue_krw.global");
    ArrayNode readings = f.putArray("readings");
    readings.addObject().put("reading", "a").put("outcome", "presumed").put("note", "the top three firms' shares added up");
    assertThat(errors(r)).isEmpty();
    ((ObjectNode) readings.get(0)).put("outcome", "dominant");
    assertThat(errors(r)).isNotEmpty();
    ((ObjectNode) readings.get(0)).put("outcome", "not_met");
    f.putArray("missing_immaterial").add(3);
    assertThat(errors(r)).isNotEmpty();
  }

  @Test
  void kdpcSchemaReportPrintsItAndKdpcSchemaStillPrintsTheProfileSchema() throws IOException {
    ReviewSupport.Run report = ReviewSupport.cli("schema", "report");
    assertThat(report.code()).isZero();
    assertThat(JSON.readTree(report.out())).isEqualTo(JSON.readTree(ReportSchema.text()));
    ReviewSupport.Run plain = ReviewSupport.cli("schema");
    ReviewSupport.Run profile = ReviewSupport.cli("schema", "profile");
    assertThat(plain.out()).isEqualTo(profile.out());
    assertThat(JSON.readTree(plain.out()).path("properties").has("kdpc")).isTrue();
    assertThat(JSON.readTree(plain.out()).path("properties").has("kdpc_report")).isFalse();
    ReviewSupport.Run bad = ReviewSupport.cli("schema", "impacts");
    assertThat(bad.code()).isEqualTo(2);
    assertThat(bad.err()).contains("unknown schema 'impacts'; use profile, report or impact");
  }
}
