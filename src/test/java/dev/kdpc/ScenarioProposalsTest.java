package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.profile.Profile;
import dev.kdpc.report.Finding;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sample under {@code in-force} and {@code with-proposals} (as of the golden date): proposals only
 * add findings, each marked proposed or promulgated, and never change or drop a finding of law in force.
 */
class ScenarioProposalsTest {
  private static final List<Status> PROPOSAL_STATUSES = List.of(Status.PROPOSED, Status.PROMULGATED);

  static Stream<Path> samples() throws IOException {
    return SamplesGoldenTest.samples();
  }

  private static ProfileReport evaluate(Path sample, Options options) {
    Profile p = TestSupport.reader().read(Path.of("samples").resolve(sample.getFileName()));
    return TestSupport.checker().check(p, options).profiles().get(0);
  }

  private static Map<String, Finding> byKey(ProfileReport r) {
    Map<String, Finding> out = new LinkedHashMap<>();
    for (Finding f : r.findings()) {
      Finding before = out.put(f.rule() + " [" + f.service() + "]", f);
      assertThat(before).as("one finding per rule and service: " + f.rule() + " [" + f.service() + "]").isNull();
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("samples")
  void proposalsOnlyAddProposedFindings(Path sample) {
    Map<String, Finding> inForce = byKey(evaluate(sample, Options.inForce(SamplesGoldenTest.AS_OF)));
    Map<String, Finding> withProposals = byKey(evaluate(sample, Options.withProposals(SamplesGoldenTest.AS_OF)));

    assertThat(inForce.values()).as("in-force findings are all of law in force")
        .allMatch(f -> f.status() == Status.IN_FORCE);
    for (Map.Entry<String, Finding> e : inForce.entrySet()) {
      assertThat(withProposals).as("with proposals keeps the in-force finding " + e.getKey()).containsKey(e.getKey());
      assertThat(withProposals.get(e.getKey())).as("with proposals leaves " + e.getKey() + " unchanged").isEqualTo(e.getValue());
    }
    List<Finding> added = new ArrayList<>();
    for (Map.Entry<String, Finding> e : withProposals.entrySet()) {
      if (!inForce.containsKey(e.getKey())) added.add(e.getValue());
    }
    assertThat(added).as("findings added by proposals are marked proposed or promulgated")
        .allMatch(f -> PROPOSAL_STATUSES.contains(f.status()), "status proposed or promulgated");
  }

  /** The property above is not vacuous: some sample gains proposed findings, among them adverse ones. */
  @Test
  void proposalsAddFindingsToTheConductSamples() {
    Path sample = SamplesGoldenTest.SAMPLES.resolve("marketplace-selfpref.yaml");
    Map<String, Finding> inForce = byKey(evaluate(sample, Options.inForce(SamplesGoldenTest.AS_OF)));
    Map<String, Finding> withProposals = byKey(evaluate(sample, Options.withProposals(SamplesGoldenTest.AS_OF)));
    assertThat(withProposals.size()).isGreaterThan(inForce.size());
    assertThat(inForce).containsKey("MRFTA-5-SELFPREF [market]").doesNotContainKey("MRFTA-5-SELFPREF-P2025 [market]");
    Finding proposed = withProposals.get("MRFTA-5-SELFPREF-P2025 [market]");
    assertThat(proposed).isNotNull();
    assertThat(proposed.status()).isEqualTo(Status.PROPOSED);
    assertThat(proposed.outcome().adverse()).isTrue();
    assertThat(proposed.sanction().maxKrw()).isGreaterThan(inForce.get("MRFTA-5-SELFPREF [market]").sanction().maxKrw());
  }
}
