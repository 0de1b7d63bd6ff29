package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.impact.Impact;
import dev.kdpc.impact.ImpactAnalysis;
import dev.kdpc.impact.ImpactHtml;
import dev.kdpc.impact.ImpactJson;
import dev.kdpc.impact.ImpactText;
import dev.kdpc.impact.SweepSpec;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.report.Printable;
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

@Command(name = "impact", mixinStandardHelpOptions = true,
    description = "Who the regimes catch: evaluate every profile of the folders and group the companies by regime and headquarters country"
        + " (caught: a designation presumed or meeting the criteria; not caught; undetermined), with the deciding rule and margin;"
        + " with --sweep, again for each value of one rule's line.")
final class ImpactCommand implements Callable<Integer> {
  static final List<String> FORMATS = List.of("text", "json", "csv", "html");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--format", paramLabel = "NAME", defaultValue = "text", description = "text (default), json (contract kdpc_impact 1), csv or html (inline SVG charts).")
  String format;

  @Option(names = "--sweep", paramLabel = "RULE:FACT=FROM..TO[:STEP]",
      description = "Vary the line of FACT in RULE (a designation rule that declares it @sweepable; several rules of one regime: R1,R2:FACT=...)"
          + " from FROM to TO by STEP (default a tenth of the range; at most " + SweepSpec.MAX_POINTS + " values), e.g."
          + " KFTC24-A,KFTC24-B:company.revenue_krw.korea=1e12..6e12:5e11 or KFTC24-A:market.share=40%..80%:5%.")
  String sweep;

  @Option(names = "--output", paramLabel = "FILE", description = "Write to this regular file, atomically, keeping its mode (- is standard output).")
  Path output;

  @Parameters(paramLabel = "DIR|PROFILE", arity = "1..*", description = "Folders of *.yaml profiles (or profile files).")
  List<Path> inputs;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (!FORMATS.contains(format)) throw new InputException("unknown --format '" + format + "' for impact; use one of " + String.join(", ", FORMATS));
    SweepSpec sweepSpec = sweep == null ? null : SweepSpec.parse(sweep); // refused before anything is read
    Options options = common.options();
    Inputs.Expanded expanded = Inputs.expand(inputs);
    List<Path> given = new ArrayList<>(inputs);
    given.addAll(expanded.files());
    Output.check(output, given, common.rules);
    ProfileReader reader = new ProfileReader();
    List<Profile> profiles = new ArrayList<>();
    List<Impact.Failed> failed = new ArrayList<>();
    for (Path f : expanded.files()) {
      try {
        expanded.check(f);
        profiles.add(reader.read(f));
      } catch (ProfileException e) {
        err.println("kdpc: " + Printable.message(e.getMessage()));
        failed.add(new Impact.Failed(f.toString(), e.getMessage()));
      }
    }
    err.flush();
    ImpactAnalysis analysis = new ImpactAnalysis(common.checker());
    Impact impact;
    int code = failed.isEmpty() ? ExitCode.OK.code : ExitCode.INPUT.code;
    try {
      impact = analysis.analyse(options, profiles, failed, sweepSpec);
    } catch (ImpactAnalysis.Stopped e) {
      impact = e.impact();
      for (Impact.Failed f : impact.failed()) if (!failed.contains(f)) err.println("kdpc: " + Printable.message(f.error()));
      code = ExitCode.worst(code, ExitCode.TIME_LIMIT.code);
    }
    Impact done = impact;
    Output.to(output, spec.commandLine().getOut(), w -> {
      switch (format) {
        case "json" -> ImpactJson.write(done, w);
        case "csv" -> ImpactText.csv(done, w);
        case "html" -> ImpactHtml.html(done, w);
        default -> ImpactText.text(done, w);
      }
    });
    return code;
  }
}
