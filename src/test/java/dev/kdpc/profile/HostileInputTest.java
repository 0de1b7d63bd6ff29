package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs too large to commit, made at run time: a 100 MB file, a billion-laughs file, deep nesting,
 * a megabyte-long line. These tests assert refusal and bounded reading; how long refusal takes and how
 * much heap it uses is measured by {@code bench/hostile-inputs.sh}, not here (no timed unit tests).
 */
class HostileInputTest {
  @TempDir Path tmp;

  private static ProfileException refused(ProfileReader reader, Path file) {
    try {
      reader.read(file);
    } catch (ProfileException e) {
      return e;
    }
    throw new AssertionError(file + " was accepted");
  }

  /** The classic: ten levels, each a list of ten aliases of the level below (10^9 "lol"s if expanded). */
  static String billionLaughs() {
    StringBuilder b = new StringBuilder("kdpc: 1\n");
    b.append("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'j'; c++) {
      b.append(c).append(": &").append(c).append(" [");
      for (int i = 0; i < 10; i++) b.append(i == 0 ? "" : ",").append('*').append((char) (c - 1));
      b.append("]\n");
    }
    return b.toString();
  }

  @Test
  void hundredMegabyteFileIsRefusedFromItsSizeWithoutBeingRead() throws IOException {
    Path big = tmp.resolve("big.yaml");
    try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
      f.setLength(100L * 1024 * 1024); // sparse: no disk used, but Files.size says 100 MB
    }
    ProfileException e = refused(new ProfileReader(), big);
    assertThat(e.getMessage()).isEqualTo(big + ": the file is 104857600 bytes; profiles are limited to 1000000 bytes");
    assertThat(e.location()).isNull();
  }

  @Test
  void readingStopsOneByteAfterTheLimitWhateverTheSizeSays() {
    // An endless stream (a pipe, /dev/zero): Files.size() gives 0, so only the bounded read protects the heap.
    long[] served = {0};
    InputStream endless = new InputStream() {
      @Override
      public int read() {
        served[0]++;
        return ' ';
      }

      @Override
      public int read(byte[] b, int off, int len) {
        java.util.Arrays.fill(b, off, off + len, (byte) ' ');
        served[0] += len;
        return len;
      }
    };
    assertThatThrownBy(() -> ProfileReader.readBounded("pipe", endless))
        .isInstanceOf(ProfileException.class)
        .hasMessage("pipe: the file is larger than 1000000 bytes; profiles are limited to 1000000 bytes");
    assertThat(served[0]).isEqualTo(ProfileReader.MAX_BYTES + 1L);
  }

  @Test
  void aFileOfExactlyTheLimitIsReadAndOneByteMoreIsNot() throws IOException {
    String head = "kdpc: 1\ncompany: { name: Edge Co. }\n";
    StringBuilder b = new StringBuilder(head);
    while (b.length() < ProfileReader.MAX_BYTES - 100) b.append("# padding padding padding padding padding padding padding padding\n");
    while (b.length() < ProfileReader.MAX_BYTES - 1) b.append('#');
    b.append('\n');
    byte[] exact = b.toString().getBytes(StandardCharsets.US_ASCII);
    assertThat(exact).hasSize(ProfileReader.MAX_BYTES);
    Path ok = Files.write(tmp.resolve("exact.yaml"), exact);
    assertThat(new ProfileReader().read(ok).company().name()).isEqualTo("Edge Co.");

    Path over = Files.writeString(tmp.resolve("over.yaml"), b + "\n", StandardCharsets.US_ASCII);
    assertThat(Files.size(over)).isEqualTo(ProfileReader.MAX_BYTES + 1L);
    assertThat(refused(new ProfileReader(), over).getMessage()).contains("the file is 1000001 bytes; profiles are limited to 1000000 bytes");
    assertThatThrownBy(() -> new ProfileReader().read("bytes", Files.readAllBytes(over)))
        .hasMessage("bytes: the input is 1000001 bytes; profiles are limited to 1000000 bytes");
  }

  @Test
  void billionLaughsIsRefusedAtItsFirstAnchorBeforeAnythingIsExpanded() throws IOException {
    Path bomb = Files.writeString(tmp.resolve("lol.yaml"), billionLaughs(), StandardCharsets.UTF_8);
    ProfileException e = refused(new ProfileReader(), bomb);
    assertThat(e.location()).isEqualTo(new SourceLocation(2, 4));
    assertThat(e.getMessage()).isEqualTo(bomb + ":2:4: field 'a': YAML anchors (&a) are not supported: write each value out in full");
  }

  @Test
  void aliasesAreRefusedEvenWhereTheAnchorIsFarAhead() throws IOException {
    // The anchor on the last line: the reader has streamed the whole (bounded) file and still refuses.
    String text = "kdpc: 1\n" + "# filler\n".repeat(50_000) + "company: &x { name: A }\n";
    ProfileException e = refused(new ProfileReader(), Files.writeString(tmp.resolve("late.yaml"), text));
    assertThat(e.location().line()).isEqualTo(50_002);
  }

  @Test
  void hundredThousandOpenBracketsAreRefusedWithoutAStackOverflow() throws IOException {
    Path deep = Files.writeString(tmp.resolve("deep.yaml"), "kdpc: 1\ncompany: " + ("[".repeat(1_000) + "\n").repeat(100));
    ProfileException e = refused(new ProfileReader(), deep);
    assertThat(e.problem()).isEqualTo("nesting is deeper than 32 levels");
    assertThat(e.location()).isEqualTo(new SourceLocation(2, 42));
  }

  @Test
  void aMegabyteLineIsRefusedBeforeTheYamlScannerSeesIt() throws IOException {
    // SnakeYAML scans one long token in quadratic time (about 3 s for a 1 MB quoted string): the line
    // limit refuses it first, at the column where the line passes the limit.
    Path line = Files.writeString(tmp.resolve("line.yaml"), "kdpc: 1\ncompany:\n  name: \"" + "x".repeat(999_000) + "\"\n");
    ProfileException e = refused(new ProfileReader(), line);
    assertThat(e.problem()).isEqualTo("line 3 is longer than 100000 characters; break it up (one key or list item per line)");
    assertThat(e.location()).isEqualTo(new SourceLocation(3, ProfileReader.MAX_LINE + 1));
    // Just under the line limit, the text-value limit applies.
    Path under = Files.writeString(tmp.resolve("under.yaml"), "kdpc: 1\ncompany:\n  name: " + "x".repeat(ProfileReader.MAX_LINE - 10) + "\n");
    assertThat(refused(new ProfileReader(), under).problem()).isEqualTo("a text value of 99990 characters is too long (at most 10000)");
  }

  @Test
  void eightyThousandKeysOrHalfAMillionListItemsStopAtTheValueLimit() throws IOException {
    // Under 1 MB each, but a tree of 50 to 100 MB if built whole: the reader stops at value 25,001.
    StringBuilder keys = new StringBuilder("kdpc: 1\ncompany:\n");
    for (int i = 0; keys.length() < 990_000; i++) keys.append("  k").append(i).append(": 1\n");
    ProfileException wide = refused(new ProfileReader(), Files.writeString(tmp.resolve("keys.yaml"), keys));
    assertThat(wide.problem()).isEqualTo("the profile holds more than 25000 values (mappings, lists and scalars); no valid profile needs that many");
    assertThat(wide.location().line()).isEqualTo(3 + ProfileReader.MAX_NODES - 3);

    String row = "[" + "1,".repeat(999) + "1]";
    String items = "kdpc: 1\nx: [\n" + (row + ",\n").repeat(490) + row + "]\n";
    assertThat(items.length()).isLessThan(ProfileReader.MAX_BYTES);
    ProfileException many = refused(new ProfileReader(), Files.writeString(tmp.resolve("items.yaml"), items));
    assertThat(many.problem()).startsWith("the profile holds more than 25000 values");
    assertThat(many.field()).startsWith("x[");
  }

  @Test
  void aLeadingUtf8ByteOrderMarkIsAcceptedAndChangesOnlyTheHash() {
    String yaml = "kdpc: 1\ncompany: { name: Bom Co. }\nservices:\n  - id: s\n    market: { share: 0.4 }\n";
    byte[] plain = yaml.getBytes(StandardCharsets.UTF_8);
    byte[] withBom = ("\uFEFF" + yaml).getBytes(StandardCharsets.UTF_8);
    Profile a = new ProfileReader().read("a.yaml", plain);
    Profile b = new ProfileReader().read("a.yaml", withBom);
    assertThat(b.company()).isEqualTo(a.company());
    assertThat(b.services()).isEqualTo(a.services());
    assertThat(b.sourceMap().asMap()).isEqualTo(a.sourceMap().asMap());
    assertThat(b.inputSha256()).isNotEqualTo(a.inputSha256());
  }

  @Test
  void aDirectoryAndAMissingFileNameTheFileOnly() throws IOException {
    assertThat(refused(new ProfileReader(), tmp).getMessage()).isEqualTo(tmp + ": is a directory, not a profile file");
    assertThat(refused(new ProfileReader(), tmp.resolve("nope.yaml")).getMessage()).isEqualTo(tmp.resolve("nope.yaml") + ": no such file");
  }

  @Test
  void negativeZeroIsReadAsZero() {
    Profile p = new ProfileReader().read("z.yaml", "kdpc: 1\nservices: [ { id: s, market: { share: -0.0 } } ]\n".getBytes(StandardCharsets.UTF_8));
    assertThat(Double.doubleToRawLongBits(p.services().get(0).market().share())).isEqualTo(Double.doubleToRawLongBits(0.0));
  }

  @Test
  void userTextInMessagesIsEscapedAndCut() {
    assertThat(ValueDeserializers.shown("a\u001Bb\u202Ec")).isEqualTo("a\\u001Bb\\u202Ec");
    assertThat(ValueDeserializers.shown("x".repeat(500))).isEqualTo("x".repeat(80) + "... (500 characters)");
  }

  @Test
  void suggestionsPreferTheSameWordInAnotherCase() {
    assertThat(Vocabulary.COUNTRY.suggestions("kr")).containsExactly("KR");
    assertThat(Vocabulary.CATEGORY.suggestions("serch")).containsExactly("search");
    assertThat(Vocabulary.CATEGORY.suggestions("zzzzzzzz")).isEmpty();
  }
}
