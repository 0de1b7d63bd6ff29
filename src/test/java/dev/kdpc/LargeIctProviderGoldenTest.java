package dev.kdpc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.profile.Profile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The large ICT-service provider sample ({@code samples/large-ict-provider.yaml}) on the dates its law
 * changes, law in force only: the golden of {@link SamplesGoldenTest} (2026-06-30, with proposals) shows
 * the Network Act and PIPA duties of 2026 as promulgated; these show them in force. 2026-07-07: Act
 * No. 21305 takes effect; 2026-10-01: Act No. 21500 (CISO, fine renumbering); 2026-12-01: PIPA Act
 * No. 21445 in force as well. Regenerate with {@code -Dkdpc.updateGolden=true} and review the diff.
 */
class LargeIctProviderGoldenTest {
  static final Path GOLDEN = TestSupport.root().resolve("src/test/resources/golden-dated");

  static String report(LocalDate asOf) throws IOException {
    Profile p = TestSupport.reader().read(Path.of("samples/large-ict-provider.yaml"));
    return SamplesGoldenTest.masked(TestSupport.checker().check(p, Options.inForce(asOf)));
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"2026-07-07", "2026-10-01", "2026-12-01"})
  void matchesGoldenReport(String date) throws IOException {
    String actual = report(LocalDate.parse(date));
    Path golden = GOLDEN.resolve("large-ict-provider." + date + ".json");
    if (Boolean.getBoolean("kdpc.updateGolden")) {
      Files.createDirectories(GOLDEN);
      Files.writeString(golden, actual, StandardCharsets.UTF_8);
    }
    assertThat(golden).as("golden report for " + date + " (regenerate with -Dkdpc.updateGolden=true)").exists();
    assertThat(actual).isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
  }
}
