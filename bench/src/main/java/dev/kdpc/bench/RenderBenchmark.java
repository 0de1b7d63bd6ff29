package dev.kdpc.bench;

import dev.kdpc.Checker;
import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderer;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Rendering one sample's report (as {@code kdpc check --as-of 2026-06-30 --scenario with-proposals}
 * makes it, flips included) in one format, to memory. Not run by {@code bench/run}; run it with
 * {@code java -cp bench/target/benchmarks.jar:target/kdpc.jar org.openjdk.jmh.Main RenderBenchmark -p sample=$PWD/samples/portal-search.yaml}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class RenderBenchmark {
  /** The profile whose report is rendered. */
  @Param("samples/portal-search.yaml")
  public String sample;

  /** The output format. */
  @Param("json")
  public String format;

  private Report report;
  private Renderer renderer;

  @Setup
  public void setup() throws IOException {
    Checker checker = Checker.withBundledRules();
    ProfileReader reader = new ProfileReader();
    Path file = Path.of(sample);
    byte[] bytes = Files.readAllBytes(file);
    Options options = Options.withProposals(LocalDate.of(2026, 6, 30));
    ProfileReport part = new Review(checker).evaluate(set -> reader.read(file.toString(), bytes, set), options, Map.of(), false);
    report = checker.report(options, List.of(part));
    renderer = Renderers.byName(format).orElseThrow();
  }

  @Benchmark
  public int render() throws IOException {
    StringWriter w = new StringWriter(1 << 16);
    renderer.render(report, w, RenderOptions.DEFAULT);
    return w.getBuffer().length();
  }
}
