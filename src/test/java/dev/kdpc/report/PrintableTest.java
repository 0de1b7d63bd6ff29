package dev.kdpc.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class PrintableTest {
  @Test
  void escapesLineBreaksTabsAndTheEscapeCharacter() {
    assertThat(Printable.text("a\nb\rc\td")).isEqualTo("a\\nb\\rc\\td");
    assertThat(Printable.text("\u001b[2J\u001b[31mRed")).isEqualTo("\\x1b[2J\\x1b[31mRed");
    assertThat(Printable.text("nul\0 bell\u0007 del\u007f")).isEqualTo("nul\\x00 bell\\x07 del\\x7f");
  }

  @Test
  void escapesC1ControlsNextLineIncluded() {
    assertThat(Printable.text("NEL\u0085x csi\u009b")).isEqualTo("NEL\\x85x csi\\x9b");
  }

  @Test
  void escapesBidiAndInvisibleFormatCharacters() {
    for (int cp : new int[] {0x200B, 0x200C, 0x200D, 0x200E, 0x200F, 0x202A, 0x202B, 0x202C, 0x202D, 0x202E,
        0x2066, 0x2067, 0x2068, 0x2069, 0x061C, 0xFEFF, 0x2028, 0x2029}) {
      String s = "a" + new String(Character.toChars(cp)) + "b";
      assertThat(Printable.text(s)).as("U+%04X", cp).isEqualTo(String.format("a\\u%04xb", cp));
    }
    assertThat(Printable.text("tag\uDB40\uDC41")).isEqualTo("tag\\u{e0041}");
    assertThat(Printable.text("lone\uD800 surrogate")).isEqualTo("lone\\ud800 surrogate");
  }

  @Test
  void doublesTheBackslashSoThatAnEscapeCannotBeForged() {
    assertThat(Printable.text("a\\nb")).isEqualTo("a\\\\nb");
    assertThat(Printable.text("a\\nb")).isNotEqualTo(Printable.text("a\nb"));
  }

  @Test
  void aMessageKeepsItsBackslashesButEscapesControls() {
    String shown = "field 'company.name': the text value \"\\u001B[31mRed Co.\" contains U+001B";
    assertThat(Printable.message(shown)).isEqualTo(shown);
    assertThat(Printable.message("bad\nfile.yaml: x")).isEqualTo("bad\\nfile.yaml: x");
  }

  @Test
  void leavesOrdinaryTextAloneKoreanAndEmojiIncluded() {
    for (String s : new String[] {"네이버 주식회사", "카카오 (Kakao) — 50% · 시장 점유율", "Ünïcödé ǅ ﬁ", "🙂 emoji", "[x](y) **b** <i>"}) {
      assertThat(Printable.text(s)).isSameAs(s);
    }
    assertThat(Printable.text(null)).isNull();
  }

  /** Every output of {@link Printable#text} is free of the characters it escapes and decodes back to its input. */
  @Test
  void isUnambiguousOnRandomText() {
    Random random = new Random(12);
    int[] pool = {'a', 'Z', '\\', 'n', 'x', 'u', '{', '}', '\n', '\r', '\t', 0x1b, 0x7f, 0x85, 0x9b, 0x202e, 0x200b, 0xfeff,
        0x2028, 0xAC00, 0xD55C, 0x1F642, 0xE0041, '0', 'f'};
    for (int i = 0; i < 5_000; i++) {
      StringBuilder b = new StringBuilder();
      int n = random.nextInt(12);
      for (int k = 0; k < n; k++) b.appendCodePoint(pool[random.nextInt(pool.length)]);
      String s = b.toString();
      String t = Printable.text(s);
      assertThat(t.codePoints().noneMatch(Printable::escaped)).as("%s", t).isTrue();
      assertThat(unescape(t)).as("%s", t).isEqualTo(s);
    }
  }

  /** The inverse of {@link Printable#text}, to show that no two texts print alike. */
  private static String unescape(String t) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < t.length(); i++) {
      char c = t.charAt(i);
      if (c != '\\') {
        b.append(c);
        continue;
      }
      char e = t.charAt(++i);
      switch (e) {
        case '\\' -> b.append('\\');
        case 'n' -> b.append('\n');
        case 'r' -> b.append('\r');
        case 't' -> b.append('\t');
        case 'x' -> {
          b.append((char) Integer.parseInt(t.substring(i + 1, i + 3), 16));
          i += 2;
        }
        case 'u' -> {
          if (t.charAt(i + 1) == '{') {
            int end = t.indexOf('}', i);
            b.appendCodePoint(Integer.parseInt(t.substring(i + 2, end), 16));
            i = end;
          } else {
            b.append((char) Integer.parseInt(t.substring(i + 1, i + 5), 16));
            i += 4;
          }
        }
        default -> throw new AssertionError("unknown escape \\" + e + " in " + t);
      }
    }
    return b.toString();
  }
}
