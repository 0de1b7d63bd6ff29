package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleCatalogue;
import dev.kdpc.rules.RuleInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", description = "Show one rule: what it decides, its legal basis, its status and where it is written.", mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RULE-ID", description = "A rule id, as listed by 'kdpc rules'.")
  String ruleId;

  @Override
  public Integer call() {
    RuleCatalogue cat = common.checker().catalogue();
    RuleInfo i = cat.rule(ruleId).orElseThrow(() -> new InputException("unknown rule '" + ruleId + "'; 'kdpc rules' lists the rule ids"));
    RegimeInfo r = cat.regime(i.regime()).orElseThrow();
    PrintWriter out = spec.commandLine().getOut();
    var date = common.options().asOf();
    out.println(i.id() + ": " + i.title());
    if (i.titleKo() != null) out.println("  " + i.titleKo());
    out.println("kind: " + i.kind().id());
    out.println("regime: " + r.id() + " (" + r.title() + "), status on " + date + ": "
        + (i.status() != null ? i.status().id() + " (this rule)" : r.statusOn(date) == null ? "not yet announced" : r.statusOn(date).id()));
    out.println("law: " + i.citation().law() + " / " + i.citation().lawKo());
    out.println("article: " + i.citation().article());
    if (i.validFrom() != null || i.validTo() != null) {
      out.println("applies: " + (i.validFrom() == null ? "" : "from " + i.validFrom() + " ") + (i.validTo() == null ? "" : "until " + i.validTo()));
    }
    out.println("source: " + i.citation().source());
    for (String n : i.notes()) out.println("note: " + n);
    out.println("defined at: " + i.file() + ":" + i.line());
    out.flush();
    return ExitCode.OK.code;
  }
}
