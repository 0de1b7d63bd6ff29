package dev.kdpc.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import dev.kdpc.report.Outcome;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The --fail-on levels of report contract v2, each failing on more than the one before:
 * potential_violation (the default), unmet, ineligible, none; and the v1 name {@code violation}, kept
 * for one version with a deprecation notice on standard error and the same behaviour.
 */
class FailOnLevelsTest {
  @TempDir static Path tmp;
  /** Only a potential violation (MRFTA Art. 5 self-preferencing by a presumed dominant firm, no justification). */
  static Path conduct;
  /** Only an unmet duty (Network Act Art. 32-5: no domestic agent above the revenue line). */
  static Path duty;
  /** Only an ineligibility (a low-tier CSAP certificate for medium-tier systems). */
  static Path csap;

  @BeforeAll
  static void profiles() throws IOException {
    conduct = write("conduct.yaml", "kdpc: 1\nservices:\n  - id: m\n    category: ecommerce\n    market: { share: 0.6 }\n"
        + "    revenue_krw: { korea: 50_000_000_000 }\n    conduct: { self_preferencing: { present: true } }\n");
    duty = write("duty.yaml", "kdpc: 1\ncompany: { korean_office: false, revenue_krw: { global: 2_000_000_000_000, ict_services: 500_000_000 },"
        + " domestic_agent: { designated: false } }\n");
    csap = write("csap.yaml", "kdpc: 1\ncloud: { serves_public_sector: true, csap_tier: low, required_tier: medium,"
        + " data_centres_in_korea: true, separation: physical }\n");
  }

  private static Path write(String name, String yaml) throws IOException {
    Path p = tmp.resolve(name);
    Files.writeString(p, yaml, StandardCharsets.UTF_8);
    return p;
  }

  private static Run check(Path profile, String regime, String... failOn) {
    String[] base = {"check", "--as-of", "2026-06-30", "--regimes", regime, "--format", "json"};
    String[] args = new String[base.length + failOn.length + 1];
    System.arraycopy(base, 0, args, 0, base.length);
    System.arraycopy(failOn, 0, args, base.length, failOn.length);
    args[args.length - 1] = profile.toString();
    return ReviewSupport.cli(args);
  }

  @Test
  void theProfilesGiveWhatTheirNamesSay() {
    assertThat(check(conduct, "mrfta-dominance", "--fail-on", "none").out()).contains("\"outcome\" : \"potential_violation\"")
        .doesNotContain("\"outcome\" : \"unmet\"");
    assertThat(check(duty, "domestic-agent", "--fail-on", "none").out()).contains("\"outcome\" : \"unmet\"")
        .doesNotContain("potential_violation");
    assertThat(check(csap, "cloud-public-sector", "--fail-on", "none").out()).contains("\"outcome\" : \"ineligible\"")
        .doesNotContain("\"outcome\" : \"unmet\"").doesNotContain("potential_violation");
  }

  @Test
  void theDefaultFailsOnAPotentialViolationOnly() {
    assertThat(check(conduct, "mrfta-dominance").code()).isEqualTo(ExitCode.FINDINGS.code);
    assertThat(check(duty, "domestic-agent").code()).isEqualTo(ExitCode.OK.code);
    assertThat(check(csap, "cloud-public-sector").code()).isEqualTo(ExitCode.OK.code);
    assertThat(check(conduct, "mrfta-dominance", "--fail-on", "potential_violation").code()).isEqualTo(ExitCode.FINDINGS.code);
  }

  @Test
  void unmetAddsUnmetDuties() {
    assertThat(check(conduct, "mrfta-dominance", "--fail-on", "unmet").code()).isEqualTo(ExitCode.FINDINGS.code);
    assertThat(check(duty, "domestic-agent", "--fail-on", "unmet").code()).isEqualTo(ExitCode.FINDINGS.code);
    assertThat(check(csap, "cloud-public-sector", "--fail-on", "unmet").code()).isEqualTo(ExitCode.OK.code);
  }

  @Test
  void ineligibleAddsIneligibility() {
    assertThat(check(conduct, "mrfta-dominance", "--fail-on", "ineligible").code()).isEqualTo(ExitCode.FINDINGS.code);
    assertThat(check(duty, "domestic-agent", "--fail-on", "ineligible").code()).isEqualTo(ExitCode.FINDINGS.code);
    assertThat(check(csap, "cloud-public-sector", "--fail-on", "ineligible").code()).isEqualTo(ExitCode.FINDINGS.code);
  }

  @Test
  void noneNeverFails() {
    for (Path p : new Path[] {conduct, duty, csap}) {
      assertThat(check(p, p == conduct ? "mrfta-dominance" : p == duty ? "domestic-agent" : "cloud-public-sector", "--fail-on", "none").code())
          .isEqualTo(ExitCode.OK.code);
    }
  }

  @Test
  void theOldNameViolationStillWorksWithADeprecationNotice() {
    Run old = check(conduct, "mrfta-dominance", "--fail-on", "violation");
    assertThat(old.code()).isEqualTo(ExitCode.FINDINGS.code);
    assertThat(old.err()).contains("kdpc: warning: --fail-on violation is deprecated; use potential_violation");
    assertThat(old.out()).isEqualTo(check(conduct, "mrfta-dominance", "--fail-on", "potential_violation").out());
    Run oldOnDuty = check(duty, "domestic-agent", "--fail-on", "violation");
    assertThat(oldOnDuty.code()).as("same behaviour as potential_violation").isEqualTo(ExitCode.OK.code);
    assertThat(check(conduct, "mrfta-dominance").err()).doesNotContain("deprecated");
  }

  @Test
  void anUnknownLevelIsAUsageErrorNamingTheLevels() {
    Run r = check(conduct, "mrfta-dominance", "--fail-on", "designated");
    assertThat(r.code()).isEqualTo(ExitCode.INPUT.code);
    assertThat(r.err()).contains("unknown --fail-on 'designated'; use potential_violation, unmet, ineligible, none");
  }

  @Test
  void eachLevelFailsOnWhatTheOneBeforeDoesAndMore() {
    java.util.List<String> nested = java.util.List.of("potential_violation", "unmet", "ineligible");
    for (Outcome o : Outcome.values()) {
      for (int i = 0; i + 1 < nested.size(); i++) {
        if (CheckCommand.failing(nested.get(i), o)) assertThat(CheckCommand.failing(nested.get(i + 1), o)).as(o.id() + " at " + nested.get(i + 1)).isTrue();
      }
      assertThat(CheckCommand.failing("none", o)).as(o.id() + " at none").isFalse();
    }
    assertThat(Outcome.values()).filteredOn(o -> CheckCommand.failing("ineligible", o))
        .containsExactlyInAnyOrder(Outcome.POTENTIAL_VIOLATION, Outcome.UNMET, Outcome.INELIGIBLE);
    assertThat(CheckCommand.FAIL_ON).containsExactly("potential_violation", "unmet", "ineligible", "none");
  }
}
