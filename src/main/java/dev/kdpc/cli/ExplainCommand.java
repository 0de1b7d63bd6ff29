package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.Review;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.render.Format;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Flip;
import dev.kdpc.report.Printable;
import dev.kdpc.report.Test;
import dev.kdpc.rules.RegimeInfo;
import dev.kdpc.rules.RuleCatalogue;
import dev.kdpc.rules.RuleInfo;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "explain", description = "Show one rule: what it decides, its legal basis, its status and where it is written; "
    + "with --profile, every test it made on that profile and, where it did not fire or designate, what failed and by how much.",
    mixinStandardHelpOptions = true)
final class ExplainCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(paramLabel = "RULE-ID", description = "A rule id, as listed by 'kdpc rules'.")
  String ruleId;

  @Option(names = "--profile", paramLabel = "PROFILE", description = "Explain the rule's tests on this profile.")
  Path profile;

  @Option(names = "--set", paramLabel = "PATH=VALUE", mapFallbackValue = "", description = "With --profile: change a fact first (repeatable).")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en (default) or ko: the rule's title and law name.")
  String lang;

  @Override
  public Integer call() {
    CheckCommand.renderOptions(lang);
    if (profile == null && !set.isEmpty()) throw new InputException("--set needs --profile");
    ProfileInput input = profile == null ? null : ProfileInput.read(new ProfileReader(), profile);
    RuleCatalogue cat = common.checker().catalogue();
    RuleInfo i = cat.rule(ruleId).orElseThrow(() -> new InputException("unknown rule '" + ruleId + "'; 'kdpc rules' lists the rule ids"));
    RegimeInfo r = cat.regime(i.regime()).orElseThrow();
    PrintWriter out = spec.commandLine().getOut();
    var date = common.options().asOf();
    boolean ko = "ko".equals(lang);
    out.println(Printable.text(i.id() + ": " + (ko && i.titleKo() != null ? i.titleKo() : i.title())));
    if (i.titleKo() != null) out.println(Printable.text("  " + (ko ? i.title() : i.titleKo())));
    out.println(Printable.text("kind: " + i.kind().id() + (i.designation() == null ? "" : " (" + i.designation().id() + ": met reads " + i.designation().whenMet().id() + ")")));
    out.println(Printable.text("regime: " + r.id() + " (" + (ko && r.titleKo() != null ? r.titleKo() : r.title()) + "), status on " + date + ": "
        + (i.status() != null ? i.status().id() + " (this rule)" : r.statusOn(date) == null ? "not yet announced" : r.statusOn(date).id())));
    out.println(Printable.text("law: " + (ko ? i.citation().lawKo() + " / " + i.citation().law() : i.citation().law() + " / " + i.citation().lawKo())));
    out.println(Printable.text("article: " + i.citation().article()));
    if (i.validFrom() != null || i.validTo() != null) {
      out.println(Printable.text("applies: " + (i.validFrom() == null ? "" : "from " + i.validFrom() + " ") + (i.validTo() == null ? "" : "until " + i.validTo())));
    }
    out.println(Printable.text("source: " + i.citation().source()));
    for (String n : i.notes()) out.println(Printable.text("note: " + n));
    out.println(Printable.text("defined at: " + i.file() + ":" + i.line()));
    if (input != null) {
      for (Map.Entry<String, String> e : set.entrySet()) {
        if (e.getValue() == null || e.getValue().isEmpty()) throw new InputException("--set " + e.getKey() + ": give a value, as in --set PATH=VALUE");
      }
      Review.Explanation x = new Review(common.checker()).explain(input.source(), common.options(), set, ruleId);
      profile(out, input, x, date);
    }
    out.flush();
    return ExitCode.OK.code;
  }

  private void profile(PrintWriter out, ProfileInput input, Review.Explanation x, java.time.LocalDate date) {
    out.println();
    out.println(Printable.text("On " + input.profile().source() + " (" + input.profile().displayName() + "), as of " + date
        + (set.isEmpty() ? "" : ", with " + String.join(", ", set.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList())) + ":"));
    if (x.note() != null) out.println(Printable.text("  (" + x.note() + ")"));
    if (!x.evaluated()) {
      out.println(Printable.text("  not evaluated: " + x.note()));
      return;
    }
    for (Review.Item item : x.items()) {
      String who = item.service() == null ? "company" : "service " + item.service();
      Finding f = item.finding();
      if (f == null) {
        out.println(Printable.text("  " + who + ": no finding: " + item.reason()));
        for (Finding d : item.restsOn()) {
          out.println(Printable.text("    " + d.rule() + ": " + d.outcome().id().replace('_', ' ')));
          tests(out, d, "      ");
          verdict(out, d, "      ");
        }
        continue;
      }
      if (!item.applicable()) {
        out.println(Printable.text("  " + who + ": does not apply (the rule's scope condition fails):"));
        for (Test t : f.because()) if ("applies only if".equals(t.label()) && Boolean.FALSE.equals(t.met())) out.println(Printable.text("    - " + line(t)));
        continue;
      }
      out.println(Printable.text("  " + who + ": " + f.outcome().id().toUpperCase(Locale.ROOT).replace('_', ' ') + " (" + f.status().id().replace('_', ' ') + ")"
          + (f.dependsOn().isEmpty() ? "" : ", resting on " + String.join(", ", f.dependsOn()))));
      tests(out, f, "    ");
      if (!f.missing().isEmpty()) out.println(Printable.text("    not stated in the profile: " + String.join(", ", f.missing())));
      verdict(out, f, "    ");
    }
  }

  private static void tests(PrintWriter out, Finding f, String indent) {
    for (Test t : f.because()) out.println(Printable.text(indent + "- " + line(t)));
  }

  /** One test: fact, value, line, margin, profile line, outcome. */
  static String line(Test t) {
    String subject = t.label() != null ? t.label() + " [" + t.fact() + "]" : t.fact();
    String unit = "share".equals(t.unit()) || "krw".equals(t.unit()) || "count".equals(t.unit()) ? t.unit() : null;
    String threshold = t.threshold() instanceof Number ? Format.value(t.threshold(), unit) : String.valueOf(t.threshold());
    String outcome = t.met() == null ? "unknown (not stated)" : t.met() ? "met" : "FAILED" + Format.shortfall(t).replaceFirst("^; ", ": ");
    return subject + ": value " + Format.value(t.value(), t.unit()) + "; line " + t.op() + " " + threshold
        + (t.margin() == null ? "" : "; margin " + Format.margin(t.margin()))
        + "; profile " + (t.value() == null
            ? "does not state it" + (t.line() > 0 ? " (it belongs in the section at line " + t.line() + ":" + t.column() + ")" : "")
            : t.line() > 0 ? "line " + t.line() + ":" + t.column() : "does not give its line")
        + "; " + outcome;
  }

  private static void verdict(PrintWriter out, Finding f, String indent) {
    if (f.kind() != dev.kdpc.report.Kind.DESIGNATION || f.outcome() != dev.kdpc.report.Outcome.NOT_MET) return;
    List<Test> failed = f.because().stream().filter(t -> Boolean.FALSE.equals(t.met()) && !"applies only if".equals(t.label())).toList();
    out.println(Printable.text(indent + "failed: " + failed.size() + " of " + f.because().size() + " tests ("
        + String.join(", ", failed.stream().map(t -> t.label() != null ? t.label() : t.fact()).toList()) + ")"));
    Flip flip = f.flip();
    if (flip != null) {
      out.println(Printable.text(indent + "one fact would flip it: " + flip.fact() + " " + Format.value(flip.from(), flip.unit()) + " -> "
          + Format.value(flip.to(), flip.unit()) + " (try: --set " + flip.setArgument() + ")"));
    } else if (failed.size() > 1) {
      out.println(Printable.text(indent + "no single fact flips it: " + failed.size() + " tests failed"));
    } else {
      out.println(Printable.text(indent + "no single fact flips it: the failed test rests on several facts, or another test is unknown"));
    }
  }
}
