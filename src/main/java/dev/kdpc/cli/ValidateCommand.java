package dev.kdpc.cli;

import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.report.Printable;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", description = "Check that profiles are well-formed, without evaluating them.", mixinStandardHelpOptions = true)
final class ValidateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Parameters(paramLabel = "PROFILE|DIR", arity = "1..*",
      description = "Profile files, directories of *.yaml profiles, or - for a profile on standard input (named <stdin>).")
  List<Path> inputs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProfileReader reader = new ProfileReader();
    int bad = 0;
    Stdin.once(inputs);
    Stdin stdin = new Stdin(parent.stdin);
    Inputs.Expanded expanded = Inputs.expand(inputs);
    for (Path f : expanded.files()) {
      try {
        expanded.check(f);
        var p = ProfileInput.read(reader, f, stdin).profile();
        int n = p.services().size();
        out.println("ok " + Printable.text(Stdin.is(f) ? Stdin.NAME : f.toString()) + " (" + Printable.text(p.displayName()) + ", " + n + (n == 1 ? " service)" : " services)"));
      } catch (ProfileException e) {
        err.println(Diagnostics.error(e));
        bad++;
      }
    }
    out.flush();
    return bad == 0 ? ExitCode.OK.code : ExitCode.INPUT.code;
  }
}
