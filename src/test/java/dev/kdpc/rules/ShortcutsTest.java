package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.render.JsonRenderer;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The shortcuts of the exact outcome (a finding worked out from the results of the designations it rests
 * on, without going through the completions of their facts) give what going through every completion
 * gives: the same outcome, the same missing facts that can change it and the same that cannot. Each
 * report is made twice, with the shortcuts and without ({@link Assessment#shortcuts}), and the two JSON
 * reports must be equal: on every sample under four options, on every sample with each of its stated
 * facts left out in turn (which makes undetermined designations of every shape the rules have), and on
 * every rule case.
 */
class ShortcutsTest {
  private static final ObjectMapper YAML = new ObjectMapper(
      YAMLFactory.builder().disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).build());
  private static final Checker CHECKER = TestSupport.checker();
  private static final List<Options> OPTIONS = List.of(
      Options.withProposals(LocalDate.of(2026, 6, 30)), Options.inForce(LocalDate.of(2026, 6, 30)),
      Options.withProposals(LocalDate.of(2024, 10, 1)), Options.inForce(LocalDate.of(2023, 6, 30)));

  /** The JSON report of {@code p} under {@code o}, made with the shortcuts on or off. */
  private static String json(Profile p, Options o, boolean shortcuts) throws IOException {
    boolean before = Assessment.shortcuts;
    Assessment.shortcuts = shortcuts;
    try {
      StringWriter w = new StringWriter();
      new JsonRenderer().render(CHECKER.check(p, o), w);
      return w.toString();
    } finally {
      Assessment.shortcuts = before;
    }
  }

  private static void sameBothWays(Profile p, Options o) throws IOException {
    String with = json(p, o, true);
    assertThat(with).contains("\"findings\"");
    assertThat(with).as(p.source() + " " + o.scenario().id() + " " + o.asOf()).isEqualTo(json(p, o, false));
  }

  private static List<Path> samples() throws IOException {
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      return s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
  }

  @TestFactory
  Stream<DynamicTest> everySampleGivesTheSameReportWithoutTheShortcuts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path sample : samples()) {
      tests.add(DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
        Profile p = TestSupport.reader().read(sample);
        for (Options o : OPTIONS) sameBothWays(p, o);
      }));
    }
    assertThat(tests).hasSizeGreaterThan(10);
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everySampleWithOneFactLeftOutGivesTheSameReportWithoutTheShortcuts() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    for (Path sample : samples()) {
      tests.add(DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
        JsonNode tree = YAML.readTree(sample.toFile());
        List<List<Object>> leaves = new ArrayList<>();
        leaves(tree, new ArrayList<>(), leaves);
        int evaluated = 0;
        for (List<Object> leaf : leaves) {
          JsonNode copy = tree.deepCopy();
          remove(copy, leaf);
          Profile p;
          try {
            p = TestSupport.profile(sample.getFileName() + " without " + leaf, YAML.writeValueAsString(copy));
          } catch (InputException e) {
            continue; // a fact the profile must state (an id, a name): nothing to evaluate
          }
          evaluated++;
          sameBothWays(p, OPTIONS.get(0));
          sameBothWays(p, OPTIONS.get(2));
        }
        assertThat(evaluated).as("profiles evaluated with a fact left out").isGreaterThan(leaves.size() / 2);
      }));
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyRuleCaseGivesTheSameReportWithoutTheShortcuts() throws IOException {
    return RuleCasesTest.perCase(ShortcutsTest::sameBothWays);
  }

  /** The paths (field names and indexes) of every value in {@code node} that is not an object or a list. */
  private static void leaves(JsonNode node, List<Object> at, List<List<Object>> out) {
    if (node instanceof ObjectNode o) {
      o.fieldNames().forEachRemaining(f -> {
        at.add(f);
        leaves(o.get(f), at, out);
        at.remove(at.size() - 1);
      });
    } else if (node instanceof ArrayNode a) {
      for (int i = 0; i < a.size(); i++) {
        at.add(i);
        leaves(a.get(i), at, out);
        at.remove(at.size() - 1);
      }
    } else {
      out.add(List.copyOf(at));
    }
  }

  private static void remove(JsonNode root, List<Object> path) {
    JsonNode parent = root;
    for (Object step : path.subList(0, path.size() - 1)) parent = step instanceof String f ? parent.get(f) : parent.get((Integer) step);
    Object last = path.get(path.size() - 1);
    if (parent instanceof ObjectNode o) o.remove((String) last);
    else ((ArrayNode) parent).remove((Integer) last);
  }
}
