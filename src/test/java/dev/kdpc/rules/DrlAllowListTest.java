package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.TestSupport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The allow-list check of DRL ({@link DrlAllowList}). Each file in {@code src/test/resources/rules-unsafe/}
 * does something kdpc's rules never need (write a file, start a process, reflect, run code in
 * metadata...); beside it, {@code NAME.expected} lists exactly the problems reported, one a line.
 */
class DrlAllowListTest {
  static final Path UNSAFE = TestSupport.root().resolve("src/test/resources/rules-unsafe");
  static final Path ALLOWED = TestSupport.root().resolve("src/test/resources/rules-allowed");

  static Stream<String> unsafe() throws IOException {
    try (Stream<Path> s = Files.list(UNSAFE)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".drl")).sorted().toList().stream();
    }
  }

  private static RuleSource one(Path file) throws IOException {
    return new RuleSource(file.getParent().toString(), Map.of(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("unsafe")
  void unsafeFileIsRefusedWithFileAndLine(String name) throws IOException {
    Path file = UNSAFE.resolve(name);
    List<String> expected = Files.readAllLines(UNSAFE.resolve(name.replace(".drl", ".expected")), StandardCharsets.UTF_8)
        .stream().filter(l -> !l.isBlank()).toList();
    List<String> actual = DrlAllowList.check(one(file)).stream().map(RulesException.Problem::toString).toList();
    assertThat(actual).isNotEmpty().isEqualTo(expected);
    assertThat(actual).allSatisfy(p -> assertThat(p).matches("\\Q" + name + "\\E:[1-9][0-9]*: .*"));
    assertThatThrownBy(() -> DrlAllowList.require(one(file))).isInstanceOf(RulesException.class).hasMessageContaining(name + ":");
  }

  @Test
  void everyUnsafeFileHasItsExpectedProblems() throws IOException {
    try (Stream<Path> s = Files.list(UNSAFE)) {
      List<String> expected = s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected"))
          .map(n -> n.replace(".expected", ".drl")).sorted().toList();
      assertThat(expected).isEqualTo(unsafe().toList());
    }
  }

  @Test
  void theBundledRulesPass() {
    RuleSource bundled = RuleSource.bundled();
    assertThat(bundled.files()).isNotEmpty();
    assertThat(DrlAllowList.check(bundled)).isEmpty();
  }

  @Test
  void theConstructsKdpcRulesUsePass() {
    assertThat(DrlAllowList.check(RuleSource.folder(ALLOWED))).isEmpty();
  }

  @Test
  void aFileThatWritesToDiskOrCallsRuntimeIsRefusedByName() throws IOException {
    assertThat(DrlAllowList.check(one(UNSAFE.resolve("writes-to-disk.drl"))).toString())
        .contains("java.nio.file.Files").contains("writeString");
    assertThat(DrlAllowList.check(one(UNSAFE.resolve("runtime-exec.drl"))).toString())
        .contains("'Runtime' is not allowed").contains("'exec' is not allowed");
  }

  @Test
  void unparseableFilesAreReportedWithoutTheAllowListHint() {
    RuleSource broken = new RuleSource("r", Map.of("b.drl", "package kdpc.rules.x;\nrule \"R\"\nwhen\n  X(\nthen\nend\n"));
    assertThatThrownBy(() -> DrlAllowList.require(broken))
        .isInstanceOf(RulesException.class)
        .hasMessageStartingWith("the rules in r cannot be used (1 problem): b.drl:6: [ERR 102] Line 6:0 mismatched input")
        .hasMessageNotContaining("allow-list");
  }

  @Test
  void commentsAndStringsAreNotCode() {
    List<String> idents = DrlAllowList.tokens("a(\"Runtime.exec()\") // System.exit(1)\n/* Files */ b.c('x')").stream()
        .filter(t -> t.kind() == DrlAllowList.Kind.IDENT).map(DrlAllowList.Token::text).toList();
    assertThat(idents).containsExactly("a", "b", "c");
  }

  @Test
  void importsAreAllowedByNameOnly() {
    assertThat(DrlAllowList.importable("dev.kdpc.rules.Assessment")).isEqualTo(Assessment.class);
    assertThat(DrlAllowList.importable("dev.kdpc.report.Outcome")).isNotNull();
    assertThat(DrlAllowList.importable("dev.kdpc.profile.Service")).isNotNull();
    assertThat(DrlAllowList.importable("dev.kdpc.profile.ProfileReader")).as("not a record or enum").isNull();
    assertThat(DrlAllowList.importable("dev.kdpc.rules.RuleSource")).as("reads folders").isNull();
    assertThat(DrlAllowList.importable("dev.kdpc.rules.*")).isNull();
    assertThat(DrlAllowList.importable("java.io.File")).isNull();
  }
}
