package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.render.Renderer;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.ProfileReport;
import dev.kdpc.report.Report;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Evaluate profiles and print a report.", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--format", paramLabel = "NAME", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "violation",
      description = "Exit 1 when the report has: violation (a prohibited practice; the default), unmet (an unmet duty or a violation), or none.")
  String failOn;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the report here (atomically) instead of to standard output.")
  Path output;

  @Parameters(paramLabel = "PROFILE|DIR", arity = "1..*", description = "Profile files, or directories of *.yaml profiles.")
  List<Path> inputs;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    Renderer renderer = Renderers.byName(format).orElseThrow(() ->
        new InputException("unknown --format '" + format + "'; use one of " + String.join(", ", Renderers.names())));
    if (!List.of("violation", "unmet", "none").contains(failOn)) {
      throw new InputException("unknown --fail-on '" + failOn + "'; use violation, unmet or none");
    }
    Options options = common.options();
    List<Path> files = Inputs.expand(inputs);
    ProfileReader reader = new ProfileReader();
    List<Object> read = new ArrayList<>(); // Profile or ProfileException, in input order
    int failures = 0;
    for (Path f : files) {
      try {
        read.add(reader.read(f));
      } catch (ProfileException e) {
        read.add(e);
        failures++;
      }
    }
    if (failures == files.size()) {
      for (Object o : read) err.println("kdpc: " + ((ProfileException) o).getMessage());
      return ExitCode.INPUT.code; // nothing to evaluate: fail fast, before the rules are compiled
    }
    Checker checker = common.checker();
    List<ProfileReport> parts = new ArrayList<>();
    for (Object o : read) {
      if (o instanceof Profile p) {
        parts.add(checker.evaluate(p, options));
      } else {
        ProfileException e = (ProfileException) o;
        err.println("kdpc: " + e.getMessage());
        parts.add(ProfileReport.failed(e.file(), e.getMessage()));
      }
    }
    Report report = checker.report(options, parts);
    if (output != null) {
      Output.atomically(output, w -> renderer.render(report, w));
    } else {
      PrintWriter out = spec.commandLine().getOut();
      try {
        renderer.render(report, out);
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      out.flush();
    }
    if (failures > 0) return ExitCode.INPUT.code;
    return failing(report) ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  private boolean failing(Report report) {
    for (Finding f : report.findings()) {
      if (failOn.equals("violation") && f.outcome() == Outcome.VIOLATION) return true;
      if (failOn.equals("unmet") && f.outcome().adverse()) return true;
    }
    return false;
  }

  static final class FormatNames extends ArrayList<String> {
    FormatNames() {
      super(Renderers.names());
    }
  }
}
