package dev.kdpc.bench;

import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Reading one profile (decode, parse, bind, check; {@link ProfileReader#read(String, byte[])}) with its
 * money written as people write it ({@code "9조 8,000억원"}, {@code "41,000,000"}: the samples as they
 * are) against the same profile with every such value written as a plain integer: what the money
 * grammar and the written-form map cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReadBenchmark {
  @Param("samples/portal-search.yaml")
  public String sample;

  /** {@code written}: the sample as it is; {@code integers}: its quoted money and counts as integers. */
  @Param({"written", "integers"})
  public String form;

  private ProfileReader reader;
  private byte[] bytes;

  private static final Pattern QUOTED = Pattern.compile("\"([0-9][0-9,. 조억만원]*)\"");

  @Setup
  public void setup() throws IOException {
    reader = new ProfileReader();
    String text = Files.readString(Path.of(sample), StandardCharsets.UTF_8);
    if (form.equals("integers")) {
      Profile p = reader.read(sample, text.getBytes(StandardCharsets.UTF_8));
      Matcher m = QUOTED.matcher(text);
      StringBuilder b = new StringBuilder();
      while (m.find()) {
        String v = m.group(1);
        String plain = v.matches("[0-9,]+") ? v.replace(",", "") : String.format(Locale.ROOT, "%d", won(v));
        m.appendReplacement(b, plain);
      }
      m.appendTail(b);
      text = b.toString();
      if (!reader.read(sample, text.getBytes(StandardCharsets.UTF_8)).company().equals(p.company())) {
        throw new IllegalStateException("the integer form reads differently");
      }
    }
    bytes = text.getBytes(StandardCharsets.UTF_8);
  }

  /** Won of an amount in Korean units (the forms the samples use). */
  private static long won(String v) {
    long total = 0;
    long n = 0;
    for (char c : v.toCharArray()) {
      if (c >= '0' && c <= '9') n = n * 10 + (c - '0');
      else if (c == '조') { total += n * 1_000_000_000_000L; n = 0; }
      else if (c == '억') { total += n * 100_000_000L; n = 0; }
      else if (c == '만') { total += n * 10_000L; n = 0; }
    }
    return total + n;
  }

  @Benchmark
  public Profile read() {
    return reader.read(sample, bytes);
  }
}
