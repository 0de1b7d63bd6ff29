package dev.kdpc.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.ReviewSupport;
import dev.kdpc.TestSupport;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a rules folder: only regular files are opened, each within a size bound, every entry that
 * cannot be read is a problem naming it, and text that is not UTF-8 is named with its first bad byte.
 */
class RuleSourceTest {
  static final String RULES = "package kdpc.rules.r;\nrule \"REGIME r\"\n@regime(\"r\")\nwhen\nthen\nend\n";

  @TempDir Path tmp;

  private Path folder() throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("rules"));
    Files.writeString(dir.resolve("good.drl"), RULES);
    return dir;
  }

  private static List<String> problems(Path dir) {
    try {
      RuleSource.folder(dir);
    } catch (RulesException e) {
      assertThat(e.getMessage()).startsWith("the rules in " + dir + " cannot be used");
      return e.problems().stream().map(RulesException.Problem::toString).toList();
    }
    throw new AssertionError("read without a problem: " + dir);
  }

  private static void mkfifo(Path p) throws IOException, InterruptedException {
    assertThat(new ProcessBuilder("mkfifo", p.toString()).inheritIO().start().waitFor()).isZero();
  }

  @Test
  void aFifoNamedLikeARulesFileIsRefusedUnopened() throws Exception {
    Path dir = folder();
    mkfifo(dir.resolve("x.drl"));
    assertThat(problems(dir)).containsExactly("x.drl: is not a regular file (a FIFO, device or socket) and was not opened: a rules file must be a regular file");
  }

  @Test
  void aLinkToDevZeroIsRefusedUnopened() throws IOException {
    Path dir = folder();
    Files.createSymbolicLink(dir.resolve("x.drl"), Path.of("/dev/zero"));
    assertThat(problems(dir)).containsExactly("x.drl: is not a regular file (a FIFO, device or socket) and was not opened: a rules file must be a regular file");
  }

  @Test
  void aDirectoryNamedLikeARulesFileIsRefusedByName() throws IOException {
    Path dir = folder();
    Files.createDirectories(dir.resolve("sub.drl"));
    Files.writeString(dir.resolve("sub.drl/inner.drl"), RULES);
    assertThat(problems(dir)).containsExactly("sub.drl: is a directory named like a rules file: rename it (rules files are regular files ending in .drl)");
  }

  @Test
  void brokenAndLoopingLinksAreReported() throws IOException {
    Path dir = folder();
    Files.createSymbolicLink(dir.resolve("dangling.drl"), dir.resolve("nowhere.drl"));
    Files.createSymbolicLink(dir.resolve("a.drl"), dir.resolve("b.drl"));
    Files.createSymbolicLink(dir.resolve("b.drl"), dir.resolve("a.drl"));
    Files.createDirectories(dir.resolve("sub"));
    Files.createSymbolicLink(dir.resolve("sub/up"), dir);
    assertThat(problems(dir)).containsExactly(
        "a.drl: is a symbolic link that leads to itself (a loop)",
        "b.drl: is a symbolic link that leads to itself (a loop)",
        "dangling.drl: is a symbolic link to nothing (dangling)",
        "sub/up: is a symbolic link to a folder that contains it (a loop); it was not followed");
  }

  @Test
  void aLinkToARulesFileElsewhereIsRead() throws IOException {
    Path dir = folder();
    Path other = Files.writeString(tmp.resolve("other.drl"), RULES.replace("kdpc.rules.r", "kdpc.rules.o"));
    Files.createSymbolicLink(dir.resolve("linked.drl"), other);
    assertThat(RuleSource.folder(dir).files()).containsOnlyKeys("good.drl", "linked.drl");
  }

  @Test
  void aFileOverOneMebibyteIsRefusedAndSoIsAFolderOverSixteen() throws IOException {
    Path dir = folder();
    try (RandomAccessFile f = new RandomAccessFile(dir.resolve("big.drl").toFile(), "rw")) {
      f.setLength(RuleSource.MAX_FILE_BYTES + 1L);
    }
    assertThat(problems(dir)).containsExactly("big.drl: is 1048577 bytes; a rules file may have at most 1048576 bytes (1 MiB)");
    Files.delete(dir.resolve("big.drl"));
    for (int i = 10; i < 27; i++) {
      try (RandomAccessFile f = new RandomAccessFile(dir.resolve("f" + i + ".drl").toFile(), "rw")) {
        f.setLength(RuleSource.MAX_FILE_BYTES);
      }
    }
    assertThat(problems(dir)).isNotEmpty().hasSizeLessThanOrEqualTo(2)
        .allSatisfy(p -> assertThat(p).endsWith(": makes the folder's rules more than 16777216 bytes (16 MiB) in all"));
  }

  @Test
  void latin1IsNamedWithTheFileTheByteAndItsOffset() throws IOException {
    Path dir = folder();
    Files.write(dir.resolve("latin1.drl"), "// caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    assertThat(problems(dir)).containsExactly("latin1.drl: not UTF-8 (byte 0xE9 at offset 6): save the file as UTF-8");
  }

  /** Decided: a UTF-8 byte order mark is an editor's marker, not part of the rules; it is dropped and the file reads as without it. */
  @Test
  void aByteOrderMarkIsDropped() throws IOException {
    Path dir = folder();
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = RULES.replace("kdpc.rules.r", "kdpc.rules.b").getBytes(StandardCharsets.UTF_8);
    byte[] both = new byte[bom.length + text.length];
    System.arraycopy(bom, 0, both, 0, 3);
    System.arraycopy(text, 0, both, 3, text.length);
    Files.write(dir.resolve("bom.drl"), both);
    RuleSource s = RuleSource.folder(dir);
    assertThat(s.files().get("bom.drl")).isEqualTo(new String(text, StandardCharsets.UTF_8));
    assertThat(RuleGrammar.check(s)).isEmpty();
  }

  @Test
  void everyUnreadableEntryIsReportedAtOnceAndTheCliExitsTwo() throws Exception {
    Path dir = folder();
    mkfifo(dir.resolve("fifo.drl"));
    Files.createDirectories(dir.resolve("sub.drl"));
    Files.write(dir.resolve("latin1.drl"), new byte[] {(byte) 0xE9});
    ReviewSupport.Run r = ReviewSupport.cli("check", "--rules", dir.toString(), TestSupport.root().resolve("samples/portal-search.yaml").toString());
    assertThat(r.code()).as(r.err()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.err().strip()).doesNotContain("\n").doesNotContain("\tat ").contains("(3 problems)")
        .contains("fifo.drl: is not a regular file").contains("latin1.drl: not UTF-8 (byte 0xE9 at offset 0)")
        .contains("sub.drl: is a directory named like a rules file");
  }

  @Test
  void theBundledRulesAreReadFromTheJarOrFolderWithTheSameBounds() {
    assertThat(RuleSource.bundled().files()).allSatisfy((name, text) -> assertThat(text.length()).isLessThan(RuleSource.MAX_FILE_BYTES / 10));
    assertThatThrownBy(() -> RuleSource.folder(tmp.resolve("none"))).isInstanceOf(RulesException.class).hasMessageContaining("no such directory");
  }
}
