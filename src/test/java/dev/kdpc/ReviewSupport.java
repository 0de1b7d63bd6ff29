package dev.kdpc;

import dev.kdpc.cli.Main;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fixtures for the review outputs: samples evaluated the way {@code kdpc check} does (with flips,
 * what-if and why-not), reports with the tool version and rules digest masked, and the CLI run
 * in-process.
 */
public final class ReviewSupport {
  private ReviewSupport() {}

  public static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  public static final Options OPTIONS = Options.withProposals(AS_OF);
  public static final String MASKED_DIGEST = "masked-rules-digest";

  /** A sample's path as the CLI would be given it from the repository's top folder. */
  public static Path sample(String name) {
    return Path.of("samples").resolve(name.endsWith(".yaml") ? name : name + ".yaml");
  }

  /** The means to read a profile file again with overrides. */
  public static Review.Source source(Path file) {
    ProfileReader reader = TestSupport.reader();
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return set -> reader.read(file.toString(), bytes, set);
  }

  /** One profile's part of a report, as {@code kdpc check} makes it. */
  public static ProfileReport part(Path file, Map<String, String> set, boolean whyNot) {
    return new Review(TestSupport.checker()).evaluate(source(file), OPTIONS, set, whyNot);
  }

  /** A report of the samples named, as {@code kdpc check --as-of 2026-06-30 --scenario with-proposals} makes it, masked. */
  public static Report report(List<String> samples, Map<String, String> set, boolean whyNot) {
    List<ProfileReport> parts = new ArrayList<>();
    for (String s : samples) parts.add(part(sample(s), set, whyNot));
    return masked(TestSupport.checker().report(OPTIONS, parts));
  }

  /** The report with the tool version and rules digest masked (they change with every edit). */
  public static Report masked(Report r) {
    return new Report("kdpc", r.asOf(), r.scenario(), r.regimes(), MASKED_DIGEST, r.profiles(), r.notices());
  }

  /** CLI output with the tool version and rules digest masked like {@link #masked}. */
  public static String mask(String cliOutput) {
    String digest = TestSupport.checker().catalogue().digest();
    return cliOutput.replace(digest, MASKED_DIGEST).replace(digest.substring(0, 12), MASKED_DIGEST.substring(0, 12))
        .replace(Version.tool(), "kdpc");
  }

  /** What one in-process CLI run gave. */
  public record Run(int code, String out, String err) {}

  public static Run cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(args, new PrintWriter(out), new PrintWriter(err));
    return new Run(code, out.toString(), err.toString());
  }
}
