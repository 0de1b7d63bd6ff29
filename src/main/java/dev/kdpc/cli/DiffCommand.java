package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.Compare;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.Version;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.render.ComparisonRenderer;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.report.Comparison;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "diff", description = "Compare the findings of two profiles (e.g. two fiscal years): added, removed and changed, each with its cause.",
    mixinStandardHelpOptions = true)
final class DiffCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Mixin CommonOptions common;

  @Option(names = "--format", paramLabel = "NAME", defaultValue = "text", description = "text (default), json or markdown.")
  String format;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en (default) or ko.")
  String lang;

  @Option(names = "--output", paramLabel = "FILE", description = "Write the comparison to this regular file, atomically, keeping its mode (- is standard output; see README).")
  Path output;

  @Parameters(index = "0", paramLabel = "OLD", description = "The earlier profile (- for standard input).")
  Path before;

  @Parameters(index = "1", paramLabel = "NEW", description = "The later profile (- for standard input).")
  Path after;

  @Override
  public Integer call() {
    RenderOptions ro = CheckCommand.renderOptions(lang);
    if (!ComparisonRenderer.FORMATS.contains(format)) {
      throw new InputException("unknown --format '" + format + "' for diff; use " + String.join(", ", ComparisonRenderer.FORMATS));
    }
    Output.check(output, List.of(before, after), common.rules); // before anything is evaluated
    ProfileReader reader = new ProfileReader();
    Stdin.once(List.of(before, after));
    Stdin stdin = new Stdin(parent.stdin);
    Profile a = ProfileInput.read(reader, before, stdin).profile();
    Profile b = ProfileInput.read(reader, after, stdin).profile();
    Options options = common.options();
    Checker checker = common.checker();
    List<dev.kdpc.report.Change> changes = new Compare(checker).changes(
        new Compare.Side(a, checker.evaluate(a, options), options),
        new Compare.Side(b, checker.evaluate(b, options), options));
    String how = " (" + CheckCommand.describe(options) + ")";
    Comparison c = new Comparison(Version.tool(), checker.catalogue().digest(), a.source() + how, b.source() + how,
        List.of(new Comparison.Entry(a.source(), b.source(), b.displayName(), changes)));
    Output.to(output, spec.commandLine().getOut(), w -> ComparisonRenderer.render(format, c, w, ro));
    return ExitCode.OK.code;
  }
}
