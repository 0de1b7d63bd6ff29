package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.Options;
import dev.kdpc.ProfileGen;
import dev.kdpc.TestSupport;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Fuzzing of the profile reader with jqwik-made YAML text: random YAML-ish text, valid profiles with
 * hostile edits, and raw bytes. Whatever the input, the reader returns a profile or throws its own
 * {@link ProfileException} with a one-paragraph message naming the input; nothing else escapes. A
 * profile it accepts must then evaluate without error (validate/check agreement at the API level).
 */
class ProfileReaderFuzzTest {
  private static final ProfileReader READER = new ProfileReader();

  /** Pieces of YAML and of hostile input that edits splice into valid profiles. */
  private static final String[] SNIPPETS = {
    "&a ", "*a", "!!str ", "!!binary ", "<<: ", "\t", "---\n", "...\n", ": ", "- ", "{", "}", "[", "]", "\"", "'", "#", "|\n", ">-\n",
    "? ", "%YAML 1.1\n", ".nan", ".inf", "-.inf", "0x1F", "017", "1e400", "99999999999999999999", "-1", "1.5", "57.3%", "\"120%\"",
    "\uFEFF", "\u202E", "\u0000", "\u001B[31m", "\u0085", "~", "null", "yes", "NO", "2024-02-30", "9999-12-31", "한국", "services:\n",
    "  - id: x\n", "kdpc: 1\n", "kdpc: 2\n", "market: { share: ", "users: { daily_average_kr: ", "leaders: [", "self: true",
    "\r\n", "\r", "\\", "\\u0000", "@", "`", "&", "*", "!", "|", ">", "%", "  ", "\n", ",", "\"\\e\"",
  };

  private static final char[] ALPHABET = (" \t\n\r:-[]{},#&*!|>'\"%@`?~.+_0123456789abcdefinkpsuryl"
      + "\uFEFF\u00e9\ud55c\u0000\u001b\u202e\u0085").toCharArray();

  @Provide
  Arbitrary<byte[]> inputs() {
    Arbitrary<byte[]> yamlish = Arbitraries.randomValue(r -> {
      char[] c = new char[r.nextInt(300)];
      for (int i = 0; i < c.length; i++) c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
      return new String(c).getBytes(StandardCharsets.UTF_8);
    });
    Arbitrary<byte[]> mutated = Arbitraries.randomValue(r -> mutate(ProfileGen.yaml(r), r).getBytes(StandardCharsets.UTF_8));
    Arbitrary<byte[]> bytes = Arbitraries.randomValue(r -> {
      byte[] b = new byte[r.nextInt(200)];
      r.nextBytes(b);
      return b;
    });
    Arbitrary<byte[]> valid = Arbitraries.randomValue(r -> ProfileGen.yaml(r).getBytes(StandardCharsets.UTF_8));
    return Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(3, yamlish), net.jqwik.api.Tuple.of(5, mutated), net.jqwik.api.Tuple.of(1, bytes), net.jqwik.api.Tuple.of(1, valid));
  }

  /** One to four edits: insert a snippet, delete a range, duplicate or drop a line, re-indent a line. */
  static String mutate(String yaml, Random r) {
    StringBuilder b = new StringBuilder(yaml);
    int edits = 1 + r.nextInt(4);
    for (int e = 0; e < edits; e++) {
      int at = b.length() == 0 ? 0 : r.nextInt(b.length());
      switch (r.nextInt(5)) {
        case 0 -> b.insert(at, SNIPPETS[r.nextInt(SNIPPETS.length)]);
        case 1 -> b.delete(at, Math.min(b.length(), at + 1 + r.nextInt(12)));
        case 2, 3 -> {
          List<String> lines = new ArrayList<>(Arrays.asList(b.toString().split("\n", -1)));
          int i = r.nextInt(lines.size());
          if (r.nextBoolean()) lines.add(i, lines.get(i));
          else if (r.nextBoolean()) lines.remove(i);
          else lines.set(i, " ".repeat(r.nextInt(5)) + lines.get(i).stripLeading());
          b = new StringBuilder(String.join("\n", lines));
        }
        default -> b.replace(at, Math.min(b.length(), at + 1), SNIPPETS[r.nextInt(SNIPPETS.length)]);
      }
    }
    return b.toString();
  }

  @Property(tries = 3000)
  void onlyProfilesOrProfileExceptionsComeOut(@ForAll("inputs") byte[] input) {
    Profile p;
    try {
      p = READER.read("fuzz.yaml", input);
    } catch (ProfileException e) {
      assertThat(e.getMessage()).startsWith("fuzz.yaml").doesNotContain("\n").doesNotContain("\r");
      assertThat(e.getMessage().length()).isLessThan(2_000);
      if (e.location() != null) assertThat(e.getMessage()).startsWith("fuzz.yaml:" + e.location().line() + ":" + e.location().column() + ": ");
      Statistics.label("outcome").collect("refused");
      return;
    }
    // Accepted: it must evaluate, under both scenarios.
    TestSupport.checker().check(p, Options.inForce(LocalDate.of(2026, 6, 30)));
    TestSupport.checker().check(p, Options.withProposals(LocalDate.of(2026, 6, 30)));
    Statistics.label("outcome").collect("accepted");
  }
}
