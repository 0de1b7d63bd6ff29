package dev.kdpc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kdpc.InputException;
import dev.kdpc.profile.ProfileSchema;
import dev.kdpc.report.ReportSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "schema", description = "Print a JSON Schema: of the profile format (version 1; the default), of the JSON report (contract version 2) or of kdpc impact's JSON (contract 1).",
    mixinStandardHelpOptions = true)
final class SchemaCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", arity = "0..1", paramLabel = "WHAT", defaultValue = "profile", description = "profile (default), report or impact.")
  String what;

  @Override
  public Integer call() throws Exception {
    String text = switch (what) {
      case "profile" -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(ProfileSchema.schema());
      case "report" -> ReportSchema.text().stripTrailing();
      case "impact" -> dev.kdpc.impact.ImpactSchema.text().stripTrailing();
      default -> throw new InputException("unknown schema '" + what + "'; use profile, report or impact");
    };
    spec.commandLine().getOut().println(text);
    spec.commandLine().getOut().flush();
    return ExitCode.OK.code;
  }
}
