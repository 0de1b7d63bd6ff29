package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.TestSupport;
import dev.kdpc.profile.Profile;
import dev.kdpc.render.JsonRenderer;
import dev.kdpc.report.Report;
import dev.kdpc.rules.internal.RulesCache;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The fast path gives exactly what the plain DRL path gives: the bundled rules loaded from their
 * build-time compiled form ({@link RulesCache}, what {@link Checker#withBundledRules()} and so the CLI use)
 * produce byte-identical JSON reports to the same rules compiled from DRL in this JVM, on every sample
 * (with proposals and in force) and on every rule case profile.
 */
class FastPathTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);

  /** The plain path: the bundled DRL compiled here, no cache involved (one compile for this class). */
  private static volatile Checker plain;

  private static Checker plain() {
    if (plain == null) {
      synchronized (FastPathTest.class) {
        if (plain == null) plain = Checker.withRules(RuleSource.bundled());
      }
    }
    return plain;
  }

  private static String json(Report r) throws IOException {
    StringWriter w = new StringWriter();
    new JsonRenderer().render(r, w);
    return w.toString();
  }

  @Test
  void bundledRulesComeFromTheBuildTimeCompiledForm() {
    // Without this the comparisons below could compare the DRL path with itself.
    assertThat(RulesCache.bundled().fromCache()).as("bundled rules loaded from " + RulesCache.BUNDLED_RESOURCE).isTrue();
    assertThat(TestSupport.checker().catalogue().digest()).isEqualTo(plain().catalogue().digest());
  }

  @Test
  void catalogueIsTheSame() {
    RuleCatalogue fast = TestSupport.checker().catalogue();
    RuleCatalogue slow = plain().catalogue();
    assertThat(fast.rules()).isNotEmpty().isEqualTo(slow.rules());
    assertThat(fast.regimes()).isNotEmpty().isEqualTo(slow.regimes());
  }

  @TestFactory
  Stream<DynamicTest> everySampleGivesByteIdenticalReports() throws IOException {
    List<Path> samples;
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("samples"))) {
      samples = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    assertThat(samples).isNotEmpty();
    List<DynamicTest> tests = new ArrayList<>();
    for (Path sample : samples) {
      for (Options o : List.of(Options.withProposals(AS_OF), Options.inForce(AS_OF), Options.inForce(LocalDate.of(2023, 6, 30)))) {
        tests.add(DynamicTest.dynamicTest(sample.getFileName() + " " + o.scenario().id() + " " + o.asOf(), () -> {
          Profile p = TestSupport.reader().read(sample);
          String fast = json(TestSupport.checker().check(p, o));
          assertThat(fast).contains("\"findings\"");
          assertThat(fast).isEqualTo(json(plain().check(p, o)));
        }));
      }
    }
    return tests.stream();
  }

  @TestFactory
  Stream<DynamicTest> everyRuleCaseGivesByteIdenticalReports() throws IOException {
    // each case under its own options, then every rule that could apply on that day
    return RuleCasesTest.perCase((p, o) -> assertThat(json(TestSupport.checker().check(p, o))).isEqualTo(json(plain().check(p, o))));
  }
}
