package dev.kdpc.bench;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.report.ProfileReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Warm, in-process evaluation of one profile with every bundled rule: {@link Checker#evaluate} (a
 * session of its own on the shared KieBase, facts inserted, rules fired, findings assembled), cycling
 * through the samples, in both scenarios (with-proposals puts every regime in play). Sampled per call,
 * so JMH reports the distribution (p50, p99).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class EvaluateBenchmark {
  /** The folder of sample profiles. */
  @Param("samples")
  public String samples;

  /**
   * The scenario: with-proposals evaluates every bundled rule in force or proposed on 2026-06-30 (the
   * target's "all rules"), in-force the law in force alone (kdpc's default).
   */
  @Param({"with-proposals", "in-force"})
  public String scenario;

  /**
   * The rules: {@code bundled} (the jar's own), or a rules folder, e.g. an older version of the law to
   * compare this code with the code that evaluated it (see bench/README.md, issue 13).
   */
  @Param("bundled")
  public String rules;

  private Checker checker;
  private Profile[] profiles;
  private Options options;

  @Setup
  public void setup() throws IOException {
    checker = "bundled".equals(rules) ? Checker.withBundledRules() : Checker.withRules(Path.of(rules));
    options = new Options(LocalDate.of(2026, 6, 30), dev.kdpc.Scenario.parse(scenario), java.util.List.of());
    ProfileReader reader = new ProfileReader();
    List<Path> files;
    try (Stream<Path> s = Files.list(Path.of(samples))) {
      files = s.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
    }
    if (files.isEmpty()) throw new IllegalStateException("no samples in " + samples);
    profiles = files.stream().map(reader::read).toArray(Profile[]::new);
    int findings = 0;
    for (Profile p : profiles) findings += checker.evaluate(p, options).findings().size();
    if (findings == 0) throw new IllegalStateException("the samples give no findings: nothing would be measured");
  }

  /** One thread's position in the samples. */
  @State(Scope.Thread)
  public static class Cursor {
    int next;
  }

  @Benchmark
  public ProfileReport evaluate(Cursor c) {
    Profile p = profiles[c.next];
    c.next = (c.next + 1) % profiles.length;
    return checker.evaluate(p, options);
  }
}
