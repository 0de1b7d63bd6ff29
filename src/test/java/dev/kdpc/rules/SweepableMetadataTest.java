package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @sweepable} names lines the rule states: every bundled rule's sweepable fact is the first
 * argument of one of its numeric tests, and a rules folder that misuses the key is refused at load.
 */
class SweepableMetadataTest {
  @TempDir Path tmp;

  @Test
  void everyBundledSweepableFactIsALineTheRuleTests() throws IOException {
    int checked = 0;
    for (RuleInfo r : TestSupport.checker().catalogue().rules()) {
      if (r.sweepable().isEmpty()) continue;
      String drl = Files.readString(TestSupport.root().resolve("rules").resolve(Path.of(r.file()).getFileName()), StandardCharsets.UTF_8);
      int start = drl.indexOf("rule \"" + r.id() + "\"");
      assertThat(start).as(r.id() + " in " + r.file()).isNotNegative();
      String body = drl.substring(start, drl.indexOf("\nend", start));
      for (String fact : r.sweepable()) {
        assertThat(Pattern.compile("\\.(atLeast|atMost|below|above)\\(\"" + Pattern.quote(fact) + "\",").matcher(body).find())
            .as(r.id() + " tests a line of " + fact).isTrue();
        checked++;
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(10);
  }

  private Path folder(String name, String sweepable, String kind, String then) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve(name));
    Files.writeString(dir.resolve("t.drl"), RulesRunTimeErrorsTest.HEAD + "rule \"T-1\"\n  @id(\"T-1\") @regime(\"test-regime\") @kind(\"" + kind + "\")"
        + (kind.equals("designation") ? " @designation(\"criteria\")" : "") + " @sweepable(\"" + sweepable + "\") @title(\"T\") @article(\"Art. 1\")\n"
        + "when\n  $s : ServiceFact()\nthen\n" + then + "\nend\n", StandardCharsets.UTF_8);
    return dir;
  }

  @Test
  void anEditedFolderCanDeclareItsOwnSweepableLine() throws IOException {
    Path dir = folder("ok", "users.monthly_active_kr", "designation",
        "  insert(Assessment.designation(kcontext, $s).atLeast(\"users.monthly_active_kr\", 1_000));");
    ReviewSupport.Run r = ReviewSupport.cli("impact", "--format", "json", "--as-of", "2026-06-30", "--rules", dir.toString(),
        "--sweep", "T-1:users.monthly_active_kr=1_000..50_000_000:10_000_000", "samples/portfolio/kakao.yaml");
    assertThat(r.code()).as(r.err()).isZero();
    assertThat(r.out()).contains("\"stated_line\" : 1000");
  }

  @Test
  void misusedSweepableMetadataIsARulesErrorWithFileAndLine() throws IOException {
    Path onDuty = folder("duty", "users.monthly_active_kr", "obligation",
        "  insert(Assessment.obligation(kcontext, $s).atLeast(\"users.monthly_active_kr\", 1_000));");
    ReviewSupport.Run a = ReviewSupport.cli("rules", "--rules", onDuty.toString());
    assertThat(a.code()).isEqualTo(2);
    assertThat(a.err()).contains("t.drl:").contains("@sweepable is for designation rules only");
    for (String bad : new String[] {"Market Share", "market.share;", "market.share; market.share", "a..b"}) {
      Path dir = folder("bad" + Math.abs(bad.hashCode()), bad, "designation",
          "  insert(Assessment.designation(kcontext, $s).atLeast(\"market.share\", 0.5));");
      ReviewSupport.Run b = ReviewSupport.cli("rules", "--rules", dir.toString());
      assertThat(b.code()).as(bad).isEqualTo(2);
      assertThat(b.err()).as(bad).contains("t.drl:").contains("@sweepable lists the fact paths");
    }
  }
}
