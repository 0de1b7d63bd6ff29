package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import dev.kdpc.Options;
import dev.kdpc.ProfileGen;
import dev.kdpc.TestSupport;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Fuzzing of the profile reader. Whatever the bytes, {@link ProfileReader#read(String, byte[])} either
 * returns a profile that keeps every promise of the reader (shares in 0..1, money, counts and
 * quantities not negative, dates and fiscal years in range, words from their vocabulary, service ids
 * well-formed and unique, leading firms' shares at most 100% with at most one {@code self}, text free of
 * control characters) and that the checker evaluates under both scenarios, or throws its own
 * {@link ProfileException}: one paragraph naming the input and a line and column inside it. Nothing
 * else escapes: no other exception, no {@link StackOverflowError} or {@link OutOfMemoryError}.
 *
 * <p>Two Jazzer fuzz targets: {@link #bytes} takes raw bytes; {@link #structured} builds a YAML document
 * from pieces (keys of the profile format, walked from the profile records, and hostile scalars), so
 * that mutations reach past the YAML parser into binding and validation. Without {@code JAZZER_FUZZ}
 * (as in {@code mvn verify}) each runs once per file of its corpus in
 * {@code src/test/resources/dev/kdpc/profile/ProfileReaderFuzzTestInputs/<method>/} (plus the empty
 * input); with it, Jazzer fuzzes (README, "Fuzzing"). {@link #seededGeneratedInputs} runs the same
 * checks on 3,000 inputs made by seeded generators (random YAML-ish text, valid profiles with hostile
 * edits, raw bytes, valid profiles) on every build.
 */
class ProfileReaderFuzzTest {
  private static final ProfileReader READER = new ProfileReader();
  private static final String NAME = "fuzz.yaml";
  private static final Pattern SERVICE_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");

  // -----------------------------------------------------------------------------------------------
  // The property

  /**
   * Reads {@code input} and checks the outcome: a profile that keeps the reader's promises (then
   * evaluated under both scenarios), or a well-formed {@link ProfileException}. Returns whether the
   * input was accepted.
   */
  static boolean readOrRefuse(byte[] input) {
    Profile p;
    try {
      p = READER.read(NAME, input);
    } catch (ProfileException e) {
      checkRefusal(input, e);
      return false;
    }
    checkProfile(input, p);
    TestSupport.checker().check(p, Options.inForce(LocalDate.of(2026, 6, 30)));
    TestSupport.checker().check(p, Options.withProposals(LocalDate.of(2026, 6, 30)));
    return true;
  }

  static void checkRefusal(byte[] input, ProfileException e) {
    String m = e.getMessage();
    assertThat(e.file()).isEqualTo(NAME);
    assertThat(m).as("one paragraph").doesNotContain("\n", "\r", "\u0085", "\u2028", "\u2029");
    assertThat(m.length()).as(m).isLessThan(2_000);
    assertThat(e.location()).as("a refusal of an input under the size limit names a line and column: " + m).isNotNull();
    SourceLocation at = e.location();
    assertThat(m).startsWith(NAME + ":" + at.line() + ":" + at.column() + ": ");
    String text = new String(input, StandardCharsets.UTF_8); // malformed bytes become U+FFFD, one per bad sequence
    long breaks = text.chars().filter(c -> c == '\n' || c == '\r' || c == 0x85 || c == 0x2028 || c == 0x2029).count();
    assertThat(at.line()).as("the line of " + m).isBetween(1, (int) breaks + 1);
    assertThat(at.column()).as("the column of " + m).isBetween(1, text.length() + 1);
  }

  static void checkProfile(byte[] input, Profile p) {
    assertThat(p.source()).isEqualTo(NAME);
    assertThat(p.inputSha256()).isEqualTo(ProfileReader.sha256(input));
    assertThat(p.services()).hasSizeLessThanOrEqualTo(ProfileReader.MAX_SERVICES);
    Set<String> ids = new HashSet<>();
    for (Service s : p.services()) {
      assertThat(s).isNotNull();
      assertThat(s.id()).matches(SERVICE_ID);
      assertThat(ids.add(s.id())).as("service id %s is unique", s.id()).isTrue();
      if (s.market() != null && s.market().leaders() != null) {
        double total = 0;
        int selves = 0;
        for (Leader l : s.market().leaders()) {
          assertThat(l).isNotNull();
          assertThat(l.share()).as("every leading firm has a share").isNotNull();
          total += l.share();
          if (Boolean.TRUE.equals(l.self())) selves++;
        }
        // Over 100% only by rounding: at most half a unit per firm, and a share written with a decimal
        // point is written to 0.1 or finer (0.05 each); such a profile says so in a notice.
        int n = s.market().leaders().size();
        assertThat(total).as("leading firms' shares of " + s.id()).isLessThanOrEqualTo(1.0 + 0.05 * n + 1e-9);
        if (total > 1.0 + 1e-9) {
          assertThat(p.notices()).as("notice for the leading firms of " + s.id()).anyMatch(x -> x.contains(".market.leaders: the leading firms' shares add up to"));
        }
        assertThat(selves).as("leading firms marked self in " + s.id()).isLessThanOrEqualTo(1);
      }
    }
    if (p.company() != null && p.company().fiscalYear() != null) {
      assertThat(p.company().fiscalYear()).isBetween(ProfileReader.MIN_YEAR, ProfileReader.MAX_YEAR);
    }
    walk("company", p.company());
    for (Service s : p.services()) walk("services." + s.id(), s);
    walk("cloud", p.cloud());
    walk("network", p.network());
    walk("location_data", p.locationData());
  }

  /** Checks every value of a profile record by its unit, recursively. */
  private static void walk(String path, Object value) {
    if (value == null) return;
    if (value instanceof List<?> list) {
      assertThat(list.size()).as(path).isLessThanOrEqualTo(ProfileReader.MAX_ITEMS);
      for (int i = 0; i < list.size(); i++) walk(path + "[" + i + "]", list.get(i));
      return;
    }
    if (value instanceof String s) {
      assertThat(s.length()).as(path).isLessThanOrEqualTo(ProfileReader.MAX_STRING);
      s.codePoints().forEach(cp -> assertThat(ProfileReader.forbidden(cp)).as(path + " holds U+%04X", cp).isNull());
      return;
    }
    if (!value.getClass().isRecord()) return;
    for (RecordComponent c : value.getClass().getRecordComponents()) {
      Object v;
      try {
        v = c.getAccessor().invoke(value);
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException(e);
      }
      if (v == null) continue;
      String at = path + "." + c.getName();
      if (c.isAnnotationPresent(Units.Share.class)) {
        assertThat((Double) v).as(at).isBetween(0.0, 1.0);
      } else if (c.isAnnotationPresent(Units.Krw.class) || c.isAnnotationPresent(Units.Count.class)) {
        assertThat((Long) v).as(at).isNotNegative();
      } else if (c.isAnnotationPresent(Units.Quantity.class)) {
        assertThat((Double) v).as(at).isFinite().isGreaterThanOrEqualTo(0.0);
      } else if (v instanceof LocalDate d) {
        assertThat(d.getYear()).as(at).isBetween(ProfileReader.MIN_YEAR, ProfileReader.MAX_YEAR);
      } else if (c.isAnnotationPresent(Units.Word.class)) {
        assertThat(c.getAnnotation(Units.Word.class).value().words()).as(at).contains((String) v);
      } else if (v instanceof Double d) {
        assertThat(d).as(at).isFinite();
      }
      walk(at, v);
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Fuzz targets (Jazzer)

  /** Any bytes. Corpus: the samples, the invalid-profile fixtures and what fuzzing kept. */
  @FuzzTest(maxDuration = "5m")
  void bytes(byte[] input) {
    readOrRefuse(input);
  }

  /** A YAML document built from pieces chosen by the fuzzer (see {@link Pieces}). */
  @FuzzTest(maxDuration = "5m")
  void structured(FuzzedDataProvider data) {
    readOrRefuse(Pieces.document(data).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Builds YAML profiles from the fuzzer's choices: the keys of the profile records (walked by
   * reflection, so fields added later are covered), at the right place or not, with values of their
   * unit, at the edges of their range, or hostile (YAML 1.1 words, anchors, tags, huge and non-finite
   * numbers, control and bidi characters in quoted text), in block or flow style.
   */
  static final class Pieces {
    private Pieces() {}

    private static final PropertyNamingStrategies.NamingBase SNAKE =
        (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;
    private static final int MAX_DEPTH = 40; // beyond the reader's limit of 32, so that it is reached

    static final String[] HOSTILE = {
      "~", "null", "yes", "NO", "on", "True", "FALSE", ".nan", ".NaN", ".inf", "-.inf", "0x1F", "0o17", "017", "1e400", "-1",
      "-0", "-0.0", "1.5", "100", "1_000", "1__0", "+5", "99999999999999999999", "9223372036854775808", "-9223372036854775809",
      "4.9e-324", "1e-400", "\"57.3%\"", "\"120%\"", "\"-1%\"", "\"%\"", "\" 5 % \"", "2024-02-30", "2024-02-29", "1899-12-31",
      "2200-12-31", "2201-01-01", "9999-12-31", "\"2024-1-1\"", "&a x", "*a", "!!str x", "!!binary AAAA", "!x y", "<<: {}",
      "\"\\e[31m\"", "\"\\u202e\"", "\"\\u200e\"", "\"\\x00\"", "\"\\N\"", "\"\\L\"", "\"\\t\"", "\"\\uFEFF\"", "\"\\uD800\"",
      "한국", "''", "\"\"", "[]", "{}", "[1, 2", "{a: 1", "|\n  x", ">-\n  y", "'it''s'", "\"a\\\"b\"", "? x", "- - -", "@", "`",
      "#", "%YAML 1.1", "---", "...", "x: y: z",
    };

    /** Raw text spliced in: the first is harmless, as an exhausted input picks it (rare choices are the highest number for the same reason). */
    static final String[] RAW = {
      "\n", "\t", "\r\n", "\r", "\u0085", "\u2028", "\uFEFF", "\u202E", "\u0000", "\u001B", "  ", ": ", "- ", "#", "&a ", "*a",
      "!!str ", "{", "}", "[", "]", "\"", "'", ",", "? ", "---\n", "...\n", "%TAG ! tag:x,2000:\n",
    };

    static final String[] TOP = {"kdpc", "company", "services", "cloud", "network", "location_data"};

    static String document(FuzzedDataProvider d) {
      StringBuilder b = new StringBuilder();
      if (d.consumeInt(0, 15) == 15) b.append(d.pickValue(RAW));
      if (d.consumeInt(0, 7) != 7) b.append("kdpc: ").append(d.consumeInt(0, 7) == 7 ? d.pickValue(HOSTILE) : "1").append('\n');
      int sections = d.consumeInt(0, 6);
      for (int i = 0; i < sections && d.remainingBytes() > 0; i++) {
        String key = d.pickValue(TOP);
        switch (key) {
          case "kdpc" -> b.append("kdpc: ").append(scalar(d)).append('\n');
          case "company" -> section(d, b, key, Company.class);
          case "cloud" -> section(d, b, key, Cloud.class);
          case "network" -> section(d, b, key, Network.class);
          case "location_data" -> section(d, b, key, LocationData.class);
          default -> {
            b.append("services:\n");
            int n = d.consumeInt(0, 4);
            for (int s = 0; s < n && d.remainingBytes() > 0; s++) {
              b.append("  -");
              if (d.consumeInt(0, 5) != 5) b.append(" id: ").append(d.consumeInt(0, 5) == 5 ? scalar(d) : "s" + d.consumeInt(0, 3));
              b.append('\n');
              record(d, b, Service.class, 4, 2);
            }
          }
        }
        if (d.consumeInt(0, 15) == 15) b.append(d.pickValue(RAW));
      }
      return b.toString();
    }

    private static void section(FuzzedDataProvider d, StringBuilder b, String key, Class<?> type) {
      b.append(key).append(":");
      if (d.consumeInt(0, 9) == 9) {
        b.append(' ').append(scalar(d)).append('\n');
        return;
      }
      b.append('\n');
      record(d, b, type, 2, 1);
    }

    private static void record(FuzzedDataProvider d, StringBuilder b, Class<?> type, int indent, int depth) {
      for (RecordComponent c : type.getRecordComponents()) {
        if (d.remainingBytes() == 0) return;
        int choice = d.consumeInt(0, 15);
        if (choice < 6) continue; // left out
        if (c.getName().equals("id") && type == Service.class) continue; // written with the list item
        b.append(" ".repeat(indent));
        if (choice == 15) b.append(d.pickValue(RAW));
        b.append(choice == 14 ? d.consumeString(12) : SNAKE.translate(c.getName())).append(':');
        value(d, b, c, c.getGenericType(), indent, depth);
      }
      if (d.consumeInt(0, 11) == 11) {
        // an unknown or repeated key, or a deeper nest than the reader allows
        b.append(" ".repeat(indent)).append(d.consumeBoolean() ? d.consumeString(16) : "name").append(':');
        if (depth < MAX_DEPTH && d.consumeBoolean()) {
          b.append('\n');
          record(d, b, type, indent + 2, depth + 1);
        } else {
          b.append(' ').append(scalar(d)).append('\n');
        }
      }
    }

    private static void value(FuzzedDataProvider d, StringBuilder b, RecordComponent c, Type t, int indent, int depth) {
      if (d.consumeInt(0, 9) == 9) {
        b.append(' ').append(scalar(d)).append('\n');
        return;
      }
      Class<?> raw = t instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) t;
      if (List.class.isAssignableFrom(raw)) {
        Type element = ((ParameterizedType) t).getActualTypeArguments()[0];
        if (d.consumeInt(0, 5) == 5) {
          b.append(" [").append(scalar(d)).append(", ").append(scalar(d)).append("]\n");
          return;
        }
        b.append('\n');
        int n = d.consumeInt(0, 4);
        for (int i = 0; i < n && d.remainingBytes() > 0; i++) {
          b.append(" ".repeat(indent + 2)).append("-\n");
          if (element instanceof Class<?> e && e.isRecord() && depth < MAX_DEPTH) record(d, b, e, indent + 4, depth + 2);
          else b.append(" ".repeat(indent + 4)).append(scalar(d)).append('\n');
        }
        return;
      }
      if (raw.isRecord()) {
        if (depth >= MAX_DEPTH || d.consumeInt(0, 7) == 7) {
          b.append(" {").append(SNAKE.translate(raw.getRecordComponents()[0].getName())).append(": ").append(scalar(d)).append("}\n");
          return;
        }
        b.append('\n');
        record(d, b, raw, indent + 2, depth + 1);
        return;
      }
      b.append(' ').append(typed(d, c, raw)).append('\n');
    }

    /** A value of the component's unit: often at an edge of its range. */
    private static String typed(FuzzedDataProvider d, RecordComponent c, Class<?> raw) {
      if (c.isAnnotationPresent(Units.Share.class)) {
        return switch (d.consumeInt(0, 3)) {
          case 0 -> Double.toString(d.consumeProbabilityDouble());
          case 1 -> "\"" + d.consumeInt(0, 120) + "." + d.consumeInt(0, 9) + "%\"";
          case 2 -> d.pickValue(new String[] {"0", "1", "0.0", "1.0", "1.0000001", "-0.0", "0.5", "\"100%\"", "\"0%\""});
          default -> Double.toString(d.consumeDouble());
        };
      }
      if (c.isAnnotationPresent(Units.Krw.class) || c.isAnnotationPresent(Units.Count.class) || raw == Long.class || raw == Integer.class) {
        return switch (d.consumeInt(0, 3)) {
          case 0 -> Long.toString(d.consumeLong(0, 1_000_000_000_000_000L));
          case 1 -> Long.toString(d.consumeLong());
          case 2 -> Integer.toString(d.consumeInt(1890, 2210));
          default -> d.pickValue(new String[] {"0", "1_000_000", "9223372036854775807", "1.0", "1e3", "-0"});
        };
      }
      if (c.isAnnotationPresent(Units.Quantity.class) || raw == Double.class) {
        return d.consumeBoolean() ? Double.toString(d.consumeRegularDouble()) : Double.toString(d.consumeDouble());
      }
      if (c.isAnnotationPresent(Units.Date.class) || raw == LocalDate.class) {
        return d.consumeBoolean()
            ? String.format("%04d-%02d-%02d", d.consumeInt(1890, 2210), d.consumeInt(0, 13), d.consumeInt(0, 32))
            : quoted(d.consumeString(12));
      }
      Units.Word w = c.getAnnotation(Units.Word.class);
      if (w != null) return d.consumeInt(0, 5) != 5 ? d.pickValue(w.value().words()) : quoted(d.consumeString(12));
      if (raw == Boolean.class) return d.pickValue(new String[] {"true", "false", "True", "FALSE", "yes", "no", "1", "\"true\""});
      return d.consumeBoolean() ? quoted(d.consumeString(40)) : d.consumeString(40);
    }

    /** A hostile scalar, a fuzzer-chosen text (quoted or not) or a number. */
    private static String scalar(FuzzedDataProvider d) {
      return switch (d.consumeInt(0, 4)) {
        case 0, 1 -> d.pickValue(HOSTILE);
        case 2 -> quoted(d.consumeString(24));
        case 3 -> d.consumeString(24);
        default -> Long.toString(d.consumeLong());
      };
    }

    /** {@code s} as a YAML double-quoted scalar, every character outside printable ASCII escaped. */
    static String quoted(String s) {
      StringBuilder b = new StringBuilder("\"");
      s.chars().forEach(ch -> {
        if (ch == '"' || ch == '\\') b.append('\\').append((char) ch);
        else if (ch < 0x20 || ch >= 0x7f) b.append(String.format("\\u%04X", ch));
        else b.append((char) ch);
      });
      return b.append('"').toString();
    }
  }

  // -----------------------------------------------------------------------------------------------
  // Seeded generated inputs (every build)

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

  /** An input from one of four generators, weighted 3 : 5 : 1 : 1. */
  static byte[] generated(Random r) {
    int kind = r.nextInt(10);
    if (kind < 3) {
      char[] c = new char[r.nextInt(300)];
      for (int i = 0; i < c.length; i++) c[i] = ALPHABET[r.nextInt(ALPHABET.length)];
      return new String(c).getBytes(StandardCharsets.UTF_8);
    }
    if (kind < 8) return mutate(ProfileGen.yaml(r), r).getBytes(StandardCharsets.UTF_8);
    if (kind < 9) {
      byte[] b = new byte[r.nextInt(200)];
      r.nextBytes(b);
      return b;
    }
    return ProfileGen.yaml(r).getBytes(StandardCharsets.UTF_8);
  }

  /**
   * 3,000 inputs, each from its own fixed seed (a failure names it; replay one with
   * {@code -Dkdpc.seed=N}). Both outcomes must occur, or the generators no longer reach the reader's
   * checks.
   */
  @Test
  void seededGeneratedInputs() {
    Long replay = Long.getLong("kdpc.seed");
    SplittableRandom seeds = new SplittableRandom(20_260_630L);
    int accepted = 0;
    int refused = 0;
    int tries = replay != null ? 1 : 3_000;
    for (int i = 0; i < tries; i++) {
      long seed = replay != null ? replay : seeds.nextLong();
      byte[] input = generated(new Random(seed));
      try {
        if (readOrRefuse(input)) accepted++;
        else refused++;
      } catch (AssertionError | RuntimeException e) {
        fail("input " + (i + 1) + " of " + tries + ", seed " + seed + " (replay: -Dkdpc.seed=" + seed + "): " + e.getMessage()
            + "\ninput:\n" + new String(input, StandardCharsets.UTF_8), e);
      }
    }
    if (replay == null) {
      assertThat(accepted).as("accepted inputs").isPositive();
      assertThat(refused).as("refused inputs").isPositive();
    }
  }
}
