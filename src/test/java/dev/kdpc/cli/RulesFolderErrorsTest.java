package dev.kdpc.cli;

import dev.kdpc.ReviewSupport;
import dev.kdpc.ReviewSupport.Run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Broken and unsafe rules folders through the CLI: each is refused with exit 2, the file, the line and
 * the Drools (or kdpc) message, and nothing is evaluated with part of the rules.
 */
class RulesFolderErrorsTest {
  static final Path INVALID = TestSupport.root().resolve("src/test/resources/rules-invalid");
  static final Path UNSAFE = TestSupport.root().resolve("src/test/resources/rules-attacks");
  static final String PROFILE = TestSupport.root().resolve("samples/portal-search.yaml").toString();

  @TempDir Path tmp;

  /** Runs the CLI in-process (one helper for every CLI test: {@link ReviewSupport#cli}). */
  static Run run(String... args) {
    return ReviewSupport.cli(args);
  }

  static Stream<String> folders() throws IOException {
    try (Stream<Path> s = Files.list(INVALID)) {
      return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("folders")
  void brokenFolderExitsTwoWithFileLineAndMessage(String name) throws IOException {
    Path dir = INVALID.resolve(name);
    List<String> expected = Files.readAllLines(dir.resolve("expected.txt"), StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    assertThat(expected).isNotEmpty();

    Run trusted = run("check", "--as-of", "2026-06-30", "--rules", dir.toString(), "--trust-rules", PROFILE);
    assertThat(trusted.code()).as(trusted.err()).isEqualTo(2);
    assertThat(trusted.out()).as("no report from part of the rules").isEmpty();
    assertThat(trusted.err().strip()).doesNotContain("\n").doesNotContain("\tat ").startsWith("kdpc: error: the rules in " + dir + " cannot be used");
    for (String fragment : expected) assertThat(trusted.err()).contains(fragment);

    // Without --trust-rules the rule grammar is checked first; the folder is refused all the same.
    Run checked = run("check", "--as-of", "2026-06-30", "--rules", dir.toString(), PROFILE);
    assertThat(checked.code()).isEqualTo(2);
    assertThat(checked.out()).isEmpty();
    assertThat(checked.err()).contains(expected.get(0).substring(0, expected.get(0).indexOf(':')));
  }

  @Test
  void everyBrokenFolderSaysWhatToExpect() throws IOException {
    assertThat(folders().toList()).containsExactly("duplicate-rule-id", "empty", "missing-designation", "missing-metadata", "parser-crash", "syntax-error", "unknown-fact-type");
    for (String f : folders().toList()) assertThat(INVALID.resolve(f).resolve("expected.txt")).exists();
  }

  /**
   * The grammar's verdict is remembered (in the rules cache directory) only for a folder that passed,
   * and only for its exact content: a refused folder is checked, and refused, on every run.
   */
  @Test
  void theGrammarsVerdictIsRememberedOnlyForContentThatPassed() throws IOException {
    Path good = Files.createDirectories(tmp.resolve("good"));
    try (Stream<Path> s = Files.list(TestSupport.root().resolve("rules"))) {
      for (Path f : s.filter(p -> p.toString().endsWith(".drl")).toList()) Files.copy(f, good.resolve(f.getFileName()));
    }
    Run first = run("check", "--as-of", "2026-06-30", "--rules", good.toString(), PROFILE);
    assertThat(first.code()).as(first.err()).isIn(0, 1);
    assertThat(dev.kdpc.rules.internal.RulesCache.allowedBefore(dev.kdpc.rules.RuleSource.folder(good))).isTrue();
    Run second = run("check", "--as-of", "2026-06-30", "--rules", good.toString(), PROFILE);
    assertThat(second.out()).isEqualTo(first.out());

    Path bad = Files.createDirectories(tmp.resolve("bad"));
    Files.copy(UNSAFE.resolve("runtime-exec.drl"), bad.resolve("runtime-exec.drl"));
    for (int i = 0; i < 2; i++) {
      Run r = run("check", "--rules", bad.toString(), PROFILE);
      assertThat(r.code()).isEqualTo(2);
      assertThat(r.err()).contains("must match the grammar of kdpc's own rules");
    }
    assertThat(dev.kdpc.rules.internal.RulesCache.allowedBefore(dev.kdpc.rules.RuleSource.folder(bad))).isFalse();
    // A folder that passed and is then edited into one that does not pass is checked again, and refused.
    Files.copy(UNSAFE.resolve("runtime-exec.drl"), good.resolve("runtime-exec.drl"));
    Run edited = run("check", "--rules", good.toString(), PROFILE);
    assertThat(edited.code()).isEqualTo(2);
    assertThat(edited.err()).contains("runtime-exec.drl:10: rule 'Exec': 'Runtime.getRuntime' is not accepted");
  }

  @Test
  void aFolderThatWritesToDiskIsRefusedBeforeItIsCompiled() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.copy(UNSAFE.resolve("writes-to-disk.drl"), dir.resolve("writes-to-disk.drl"));
    Files.copy(UNSAFE.resolve("runtime-exec.drl"), dir.resolve("runtime-exec.drl"));
    Run r = run("check", "--rules", dir.toString(), PROFILE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).contains("must match the grammar of kdpc's own rules").contains("--trust-rules")
        .contains("writes-to-disk.drl:10: rule 'LooksInnocent': 'java.nio.file.Files.writeString' is not accepted")
        .contains("runtime-exec.drl:10: rule 'Exec': 'Runtime.getRuntime' is not accepted");
    assertThat(Path.of("/tmp/kdpc-pwned")).doesNotExist();
  }

  /**
   * Drools evaluates a metadata value as an MVEL expression while compiling, so a rules file runs code
   * before any profile is read. The rule grammar refuses it before the compiler sees it; with
   * --trust-rules the code runs (this test pins that Drools behaviour, which is why the check exists).
   */
  @Test
  void metadataCodeRunsAtCompileTimeUnlessTheCheckRefusesItFirst() throws IOException {
    String key = "kdpc.test.metadata." + System.nanoTime();
    Path dir = Files.createDirectories(tmp.resolve("meta"));
    String header = Files.readString(INVALID.resolve("missing-metadata/rules.drl"), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("rules.drl"), header.replace("  @title_ko(\"시험 지정 TEST-1\")\n",
        "  @title_ko(\"시험 지정 TEST-1\")\n  @article(\"Art. 1\")\n  @note(System.setProperty(\"" + key + "\", \"ran\"))\n"), StandardCharsets.UTF_8);
    try {
      Run checked = run("check", "--as-of", "2026-06-30", "--rules", dir.toString(), PROFILE);
      assertThat(checked.code()).isEqualTo(2);
      assertThat(checked.err()).contains("rules.drl:").contains("@note with the value System.setProperty");
      assertThat(System.getProperty(key)).as("refused before compiling").isNull();

      Run trusted = run("check", "--as-of", "2026-06-30", "--rules", dir.toString(), "--trust-rules", PROFILE);
      assertThat(trusted.code()).as(trusted.err()).isIn(0, 1);
      assertThat(trusted.out()).contains("TEST-1");
      assertThat(System.getProperty(key)).as("Drools ran the metadata expression while compiling").isEqualTo("ran");

      // The trusted run left its compiled rules in the rules cache. The check still runs on the DRL
      // source before the cache is consulted, so the folder is refused all the same without --trust-rules;
      // with it, the cached rules load and nothing is compiled (the expression does not run again).
      System.clearProperty(key);
      Run again = run("check", "--as-of", "2026-06-30", "--rules", dir.toString(), PROFILE);
      assertThat(again.code()).isEqualTo(2);
      assertThat(again.out()).isEmpty();
      assertThat(again.err()).contains("@note with the value System.setProperty");
      Run cached = run("check", "--as-of", "2026-06-30", "--rules", dir.toString(), "--trust-rules", PROFILE);
      assertThat(cached.code()).as(cached.err()).isIn(0, 1);
      assertThat(cached.out()).isEqualTo(trusted.out());
      assertThat(System.getProperty(key)).as("loaded from the rules cache, not compiled again").isNull();
    } finally {
      System.clearProperty(key);
    }
  }

  @Test
  void aBadRulesFolderLeavesAnExistingOutputFileUntouched() throws IOException {
    Path out = Files.writeString(tmp.resolve("report.json"), "previous report");
    Run r = run("check", "--format", "json", "--output", out.toString(), "--rules", INVALID.resolve("syntax-error").toString(), PROFILE);
    assertThat(r.code()).isEqualTo(2);
    assertThat(Files.readString(out)).isEqualTo("previous report");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString()).toList()).containsExactly("report.json");
    }
  }
}
