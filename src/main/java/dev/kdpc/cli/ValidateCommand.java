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

  @Parameters(paramLabel = "PROFILE|DIR", arity = "1..*", description = "Profile files, or directories of *.yaml profiles.")
  List<Path> inputs;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ProfileReader reader = new ProfileReader();
    int bad = 0;
    Inputs.Expanded expanded = Inputs.expand(inputs);
    for (Path f : expanded.files()) {
      try {
        expanded.check(f);
        var p = reader.read(f);
        out.println("ok " + Printable.text(f.toString()) + " (" + Printable.text(p.displayName()) + ", " + p.services().size() + " services)");
      } catch (ProfileException e) {
        err.println("kdpc: " + Printable.message(e.getMessage()));
        bad++;
      }
    }
    out.flush();
    return bad == 0 ? ExitCode.OK.code : ExitCode.INPUT.code;
  }
}
