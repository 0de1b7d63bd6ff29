package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code src/test/resources/invalid/} is a profile kdpc must refuse; beside it,
 * {@code NAME.expected} holds the exact one-paragraph message (with the file named by its base name).
 * To add a case, add both files. The inputs too large to commit (a 100 MB file, a billion-laughs
 * file) are made at run time in {@link HostileInputTest}.
 */
class InvalidProfilesTest {
  static final Path DIR = TestSupport.root().resolve("src/test/resources/invalid");

  static Stream<String> fixtures() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".yaml")).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void isRefusedWithItsExpectedMessage(String name) throws IOException {
    Path file = DIR.resolve(name);
    Path expectedFile = DIR.resolve(name.replaceFirst("\\.yaml$", ".expected"));
    assertThat(expectedFile).as("expected message for " + name).exists();
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8).strip();

    ProfileException e = null;
    try {
      new ProfileReader().read(file);
    } catch (ProfileException thrown) {
      e = thrown;
    }
    assertThat(e).as(name + " must be refused").isNotNull();
    String message = e.getMessage();
    assertThat(message).as("one paragraph").doesNotContain("\n").doesNotContain("\r");
    assertThat(message).as("names the file, line and column").startsWith(file + ":" + e.location().line() + ":" + e.location().column() + ": ");
    assertThat(e.file()).isEqualTo(file.toString());
    assertThat(message.replace(file.toString(), name)).isEqualTo(expected);
  }

  @Test
  void everyExpectedMessageHasItsFixture() throws IOException {
    List<String> fixtures = fixtures().map(n -> n.replaceFirst("\\.yaml$", "")).toList();
    try (Stream<Path> s = Files.list(DIR)) {
      List<String> expected = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
          .map(n -> n.replaceFirst("\\.expected$", "")).sorted().toList();
      assertThat(expected).isEqualTo(fixtures);
    }
    assertThat(fixtures).hasSizeGreaterThanOrEqualTo(40);
  }
}
