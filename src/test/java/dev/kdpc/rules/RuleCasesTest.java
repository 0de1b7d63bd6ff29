package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kdpc.Options;
import dev.kdpc.Scenario;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.report.Finding;
import dev.kdpc.report.NearMiss;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every rule case in {@code src/test/resources/cases/*.yaml}: a sentence, a date, a small profile
 * with only the facts that matter, and the findings expected (see cases/README.md).
 */
class RuleCasesTest {
  static final Path CASES = TestSupport.root().resolve("src/test/resources/cases");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper YAML_OUT = new ObjectMapper(
      YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());

  /** One case file's cases. */
  static List<JsonNode> cases(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    JsonNode root = YAML.readTree(file.toFile());
    for (JsonNode c : root.path("cases")) out.add(c);
    return out;
  }

  static List<Path> files() throws IOException {
    try (Stream<Path> s = Files.list(CASES)) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicNode> ruleCases() throws IOException {
    List<DynamicNode> containers = new ArrayList<>();
    for (Path file : files()) {
      List<DynamicNode> tests = new ArrayList<>();
      for (JsonNode c : cases(file)) {
        String name = c.path("name").asText();
        tests.add(DynamicTest.dynamicTest(name, () -> run(file, c)));
      }
      containers.add(DynamicContainer.dynamicContainer(file.getFileName().toString(), tests));
    }
    assertThat(containers).as("case files in " + CASES).isNotEmpty();
    return containers.stream();
  }

  static Report evaluate(Path file, JsonNode c) throws IOException {
    return TestSupport.checker().check(profile(file, c), options(c));
  }

  /** A check of one profile under one set of options, for {@link #perCase}. */
  interface CaseCheck {
    void check(Profile profile, Options options) throws Exception;
  }

  /**
   * A dynamic test per rule case, running {@code check} on the case's profile under the case's own
   * options, then with every rule that could apply on its date (with proposals, every regime).
   */
  static Stream<DynamicTest> perCase(CaseCheck check) throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path file : files()) {
      for (JsonNode c : cases(file)) {
        tests.add(DynamicTest.dynamicTest(file.getFileName() + " " + c.path("name").asText(), () -> {
          Profile p = profile(file, c);
          Options o = options(c);
          check.check(p, o);
          check.check(p, Options.withProposals(o.asOf()));
        }));
      }
    }
    assertThat(tests).hasSizeGreaterThan(10);
    return tests.stream();
  }

  /** Case {@code c}'s profile, named after its file and case. */
  static Profile profile(Path file, JsonNode c) throws IOException {
    return TestSupport.profile(file.getFileName() + "#" + c.path("name").asText(), YAML_OUT.writeValueAsString(c.path("profile")));
  }

  /** Case {@code c}'s options: its date, scenario (in force unless it says) and regimes (all unless it names some). */
  static Options options(JsonNode c) {
    List<String> regimes = new ArrayList<>();
    c.path("regimes").forEach(r -> regimes.add(r.asText()));
    return new Options(LocalDate.parse(c.path("as_of").asText()), Scenario.parse(c.path("scenario").asText("in-force")), regimes);
  }

  private static void run(Path file, JsonNode c) throws IOException {
    assertThat(c.has("as_of")).as("every case states as_of").isTrue();
    assertThat(c.path("expect").size() + c.path("absent").size()).as("every case expects something").isPositive();
    Report r = evaluate(file, c);
    ProfileReport pr = r.profiles().get(0);
    for (JsonNode e : c.path("expect")) {
      String rule = e.path("rule").asText();
      String service = e.hasNonNull("service") ? e.path("service").asText() : null;
      Finding f = pr.findings().stream()
          .filter(x -> x.rule().equals(rule) && java.util.Objects.equals(x.service(), service))
          .findFirst()
          .orElse(null);
      if (f == null) {
        fail("expected a finding of " + rule + (service == null ? "" : " for " + service) + "; got "
            + pr.findings().stream().map(x -> x.rule() + "/" + x.service() + "=" + x.outcome().id()).toList());
      }
      assertThat(dev.kdpc.report.Outcome.byId(e.path("outcome").asText()))
          .as(rule + ": expected outcome '" + e.path("outcome").asText() + "' is not a report v2 word").isNotNull();
      assertThat(f.outcome().id()).as(rule + " outcome").isEqualTo(e.path("outcome").asText());
      if (e.has("status")) assertThat(f.status().id()).as(rule + " status").isEqualTo(e.path("status").asText());
      if (e.has("missing")) {
        List<String> missing = new ArrayList<>();
        e.path("missing").forEach(m -> missing.add(m.asText()));
        assertThat(f.missing()).as(rule + " missing").containsAll(missing);
      }
      if (e.has("not_missing")) {
        List<String> notMissing = new ArrayList<>();
        e.path("not_missing").forEach(m -> notMissing.add(m.asText()));
        assertThat(f.missing()).as(rule + " missing (facts that cannot change the outcome)").doesNotContainAnyElementsOf(notMissing);
      }
      if (e.has("missing_immaterial")) {
        List<String> immaterial = new ArrayList<>();
        e.path("missing_immaterial").forEach(m -> immaterial.add(m.asText()));
        assertThat(f.missingImmaterial()).as(rule + " missing_immaterial").containsAll(immaterial);
      }
      if (e.has("max_krw")) {
        assertThat(f.sanction()).as(rule + " sanction").isNotNull();
        assertThat(f.sanction().maxKrw()).as(rule + " sanction max_krw").isEqualTo(e.path("max_krw").asLong());
      }
      if (e.has("flat_cap_krw")) {
        assertThat(f.sanction()).as(rule + " sanction").isNotNull();
        assertThat(f.sanction().flatCapKrw()).as(rule + " sanction flat cap").isEqualTo(e.path("flat_cap_krw").asLong());
      }
      if (e.has("rate")) {
        assertThat(f.sanction()).as(rule + " sanction").isNotNull();
        assertThat(f.sanction().rate()).as(rule + " sanction rate").isEqualTo(e.path("rate").asDouble());
      }
      if (e.has("sanction_contains")) {
        assertThat(f.sanction()).as(rule + " sanction").isNotNull();
        assertThat(f.sanction().text()).as(rule + " sanction text").contains(e.path("sanction_contains").asText());
      }
      if (e.path("no_sanction").asBoolean(false)) assertThat(f.sanction()).as(rule + " sanction").isNull();
      if (e.has("readings")) {
        assertThat(f.readings()).as(rule + " readings").hasSize(e.path("readings").size());
        for (int i = 0; i < e.path("readings").size(); i++) {
          JsonNode x = e.path("readings").get(i);
          assertThat(dev.kdpc.report.Outcome.byId(x.path("outcome").asText()))
              .as(rule + ": expected reading outcome '" + x.path("outcome").asText() + "' is not a report v2 word").isNotNull();
          assertThat(f.readings().get(i).outcome().id()).as(rule + " reading outcome").isEqualTo(x.path("outcome").asText());
          if (x.has("note_contains")) assertThat(f.readings().get(i).note()).as(rule + " reading note").contains(x.path("note_contains").asText());
        }
      }
      if (e.has("burden")) assertThat(f.burden()).as(rule + " burden").isEqualTo(e.path("burden").asText());
      if (e.has("note_contains")) {
        assertThat(String.join(" | ", f.notes())).as(rule + " notes").contains(e.path("note_contains").asText());
      }
    }
    for (JsonNode a : c.path("absent")) {
      String rule = a.isTextual() ? a.asText() : a.path("rule").asText();
      assertThat(pr.findings()).as("no finding of " + rule).noneMatch(f -> f.rule().equals(rule));
    }
    for (JsonNode n : c.path("near_misses")) {
      String rule = n.path("rule").asText();
      List<NearMiss> near = pr.nearMisses().stream().filter(x -> x.rule().equals(rule)).toList();
      assertThat(near).as("near miss of " + rule).isNotEmpty();
      if (n.has("fact")) assertThat(near).anyMatch(x -> x.test().fact().equals(n.path("fact").asText()));
    }
    if (c.has("no_near_misses")) assertThat(pr.nearMisses()).as("near misses").isEmpty();
    for (JsonNode n : c.path("notices")) {
      assertThat(r.notices()).as("notices").anyMatch(x -> x.regime().equals(n.path("regime").asText())
          && x.message().contains(n.path("contains").asText()));
    }
  }
}
