package dev.kdpc.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kdpc.InputException;
import dev.kdpc.render.Markdown;
import dev.kdpc.report.Printable;
import dev.kdpc.report.Status;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleCatalogue;
import dev.kdpc.rules.RuleInfo;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", description = "List the regimes and rules with their status, articles and sources.", mixinStandardHelpOptions = true)
final class RulesCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(names = "--format", paramLabel = "NAME", defaultValue = "text", description = "text, json or markdown.")
  String format;

  @Override
  public Integer call() throws Exception {
    if (!java.util.List.of("text", "json", "markdown").contains(format)) {
      throw new InputException("unknown --format '" + format + "' for rules; use text, json or markdown");
    }
    LocalDate date = common.options().asOf();
    RuleCatalogue cat = common.checker().catalogue();
    PrintWriter out = spec.commandLine().getOut();
    switch (format) {
      case "json" -> out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json(cat, date)));
      case "markdown" -> markdown(out, cat, date);
      default -> text(out, cat, date);
    }
    out.flush();
    return ExitCode.OK.code;
  }

  private static String status(RegimeInfo r, LocalDate date) {
    Status s = r.statusOn(date);
    return s == null ? "not yet announced" : s.id();
  }

  private static void text(PrintWriter out, RuleCatalogue cat, LocalDate date) {
    out.println("Regimes and rules (status as of " + date + "; rules digest " + cat.digest().substring(0, 12) + ")");
    for (RegimeInfo r : cat.regimes()) {
      out.println();
      out.println(Printable.text(r.id() + "  [" + status(r, date) + (r.inForceFrom() != null ? ", in force from " + r.inForceFrom() : "") + "]"));
      out.println(Printable.text("  " + r.title() + " / " + (r.titleKo() == null ? "" : r.titleKo())));
      out.println(Printable.text("  " + r.law() + " (" + r.lawKo() + ")"));
      out.println(Printable.text("  timeline: " + String.join("; ", r.timeline().stream().map(p -> p.from() + " " + p.status().id()).toList())));
      out.println(Printable.text("  source: " + r.source()));
      for (String n : r.notes()) out.println(Printable.text("  note: " + n));
      for (RuleInfo i : cat.rules()) {
        if (!i.regime().equals(r.id())) continue;
        out.println(Printable.text("    " + i.id() + "  " + i.kind().id() + "  " + i.citation().article() + validity(i)
            + (i.status() != null ? "  [" + i.status().id() + "]" : "")));
        out.println(Printable.text("      " + i.title()));
        out.println(Printable.text("      source: " + i.citation().source()));
        for (String n : i.notes()) out.println(Printable.text("      note: " + n));
      }
    }
  }

  private static String validity(RuleInfo i) {
    if (i.validFrom() == null && i.validTo() == null) return "";
    return "  (applies " + (i.validFrom() == null ? "" : "from " + i.validFrom()) + (i.validFrom() != null && i.validTo() != null ? " " : "")
        + (i.validTo() == null ? "" : "until " + i.validTo()) + ")";
  }

  private static void markdown(PrintWriter out, RuleCatalogue cat, LocalDate date) {
    out.println("# kdpc rules (status as of " + date + ")");
    out.println();
    out.println("| regime | status | in force from | law | source |");
    out.print(Markdown.delimiter(5));
    for (RegimeInfo r : cat.regimes()) {
      out.println("| " + Markdown.codeCell(r.id()) + " | " + status(r, date) + " | " + (r.inForceFrom() == null ? "—" : r.inForceFrom()) + " | "
          + Markdown.cell(r.law()) + " | " + Markdown.sources(r.source()) + " |");
    }
    out.println();
    out.println("| rule | regime | kind | article | applies | source |");
    out.print(Markdown.delimiter(6));
    for (RuleInfo i : cat.rules()) {
      out.println("| " + Markdown.codeCell(i.id()) + " | " + Markdown.cell(i.regime()) + " | " + i.kind().id() + " | " + Markdown.cell(i.citation().article())
          + " | " + (validity(i).isBlank() ? "—" : validity(i).strip()) + " | " + Markdown.sources(i.citation().source()) + " |");
    }
  }

  private static ObjectNode json(RuleCatalogue cat, LocalDate date) {
    return dev.kdpc.rules.CatalogueJson.catalogue(cat, date);
  }
}
