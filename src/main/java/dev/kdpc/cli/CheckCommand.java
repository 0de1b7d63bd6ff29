package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.render.Renderer;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
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
    // Streamed in input order across the cores. The rules start loading now, while the reader is made
    // and the first profiles are read; a run whose every profile is bad ends without waiting for them.
    StreamingCheck run = new StreamingCheck(files, common::checker, options, renderer, this::failing, err);
    ProfileReader reader = new ProfileReader();
    return run.run(reader::read, output, spec.commandLine().getOut());
  }

  private boolean failing(Finding f) {
    if (failOn.equals("violation")) return f.outcome() == Outcome.VIOLATION;
    return failOn.equals("unmet") && f.outcome().adverse();
  }

  static final class FormatNames extends ArrayList<String> {
    FormatNames() {
      super(Renderers.names());
    }
  }
}
