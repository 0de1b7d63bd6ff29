package dev.kdpc.cli;

import dev.kdpc.Checker;
import dev.kdpc.Compare;
import dev.kdpc.InputException;
import dev.kdpc.Options;
import dev.kdpc.Review;
import dev.kdpc.Scenario;
import dev.kdpc.Version;
import dev.kdpc.profile.Profile;
import dev.kdpc.profile.ProfileException;
import dev.kdpc.profile.ProfileReader;
import dev.kdpc.render.ComparisonRenderer;
import dev.kdpc.render.RenderOptions;
import dev.kdpc.render.Renderer;
import dev.kdpc.render.Renderers;
import dev.kdpc.report.Comparison;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Printable;
import dev.kdpc.rules.TimeLimitException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "check", description = "Evaluate profiles and print a report.", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @picocli.CommandLine.ParentCommand Main parent;

  @Mixin CommonOptions common;

  @Option(names = "--format", paramLabel = "NAME", defaultValue = "text", description = "Report format: ${COMPLETION-CANDIDATES}.",
      completionCandidates = FormatNames.class)
  String format;

  @Option(names = "--fail-on", paramLabel = "LEVEL", defaultValue = "potential_violation",
      description = "Exit 1 when the report has: potential_violation (a conduct stated present with no justification; the default), "
          + "unmet (an unmet duty or a potential violation), ineligible (also what a public body may not buy), or none. "
          + "'violation' is a deprecated name for potential_violation.")
  String failOn;

  /** The --fail-on levels, each failing on more than the one before (none: never). */
  static final List<String> FAIL_ON = List.of("potential_violation", "unmet", "ineligible", "none");
  /** Deprecated --fail-on names (report contract v1), kept for one version, and what they mean now. */
  static final Map<String, String> FAIL_ON_DEPRECATED = Map.of("violation", "potential_violation");

  @Option(names = "--output", paramLabel = "FILE",
      description = "Write the report to this regular file, atomically, keeping its mode (- is standard output; see README).")
  Path output;

  @Option(names = "--set", paramLabel = "PATH=VALUE", mapFallbackValue = "",
      description = "What-if: evaluate with this fact changed (repeatable), e.g. --set services.search.market.share=0.61; "
          + "the report marks what changed against the profile as written.")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--why-not", description = "Add, per regime, the designation tests that failed and what follows from it.")
  boolean whyNot;

  @Option(names = "--lang", paramLabel = "LANG", defaultValue = "en", description = "en (default) or ko: titles, law names and memo headings.")
  String lang;

  @Option(names = "--sarif-all",
      description = "SARIF: write every finding (designations, duties met, conduct clear) instead of only those that need attention"
          + " (potential violations, unmet duties, ineligibilities, undetermined findings).")
  boolean sarifAll;

  @Option(names = "--compare-scenarios",
      description = "Instead of a report, list the findings added, removed and changed from in-force to with-proposals (text, json or markdown).")
  boolean compareScenarios;

  @Option(names = "--compare-as-of", paramLabel = "DATE",
      description = "Instead of a report, list the findings added, removed and changed from DATE to --as-of (text, json or markdown).")
  String compareAsOf;

  @Parameters(paramLabel = "PROFILE|DIR", arity = "1..*",
      description = "Profile files, directories of *.yaml profiles, or - for a profile on standard input (named <stdin>).")
  List<Path> inputs;

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    RenderOptions renderOptions = renderOptions(lang).withSarifAll(sarifAll);
    boolean comparing = compareScenarios || compareAsOf != null;
    if (compareScenarios && compareAsOf != null) throw new InputException("use --compare-scenarios or --compare-as-of, not both");
    Renderer renderer = null;
    if (comparing) {
      if (!ComparisonRenderer.FORMATS.contains(format)) {
        throw new InputException("a comparison is written as " + String.join(", ", ComparisonRenderer.FORMATS) + ", not '" + format + "'");
      }
    } else {
      renderer = Renderers.byName(format).orElseThrow(() ->
          new InputException("unknown --format '" + format + "'; use one of " + String.join(", ", Renderers.names())));
    }
    if (sarifAll && !format.equals(dev.kdpc.render.SarifRenderer.NAME)) {
      throw new InputException("--sarif-all applies to --format sarif only, not '" + format + "'");
    }
    if (FAIL_ON_DEPRECATED.containsKey(failOn)) {
      err.println(Diagnostics.warning("--fail-on " + failOn + " is deprecated; use " + FAIL_ON_DEPRECATED.get(failOn)));
      err.flush();
      failOn = FAIL_ON_DEPRECATED.get(failOn);
    }
    if (!FAIL_ON.contains(failOn)) {
      throw new InputException("unknown --fail-on '" + failOn + "'; use " + String.join(", ", FAIL_ON));
    }
    for (Map.Entry<String, String> e : set.entrySet()) {
      if (e.getValue() == null || e.getValue().isEmpty()) throw new InputException("--set " + e.getKey() + ": give a value, as in --set PATH=VALUE");
    }
    Stdin.once(inputs);
    Stdin stdin = new Stdin(parent.stdin);
    Options options = common.options();
    LocalDate before = comparing && compareAsOf != null ? date("--compare-as-of", compareAsOf) : null;
    Inputs.Expanded expanded = Inputs.expand(inputs);
    List<Path> files = expanded.files();
    List<Path> given = new ArrayList<>(inputs);
    given.addAll(files);
    Output.check(output, given, common.rules); // before anything is evaluated
    ProfileReader reader = new ProfileReader();
    if (comparing) return compare(expanded, reader, stdin, options, before, renderOptions);
    // Streamed in input order across the cores. The rules start loading now, while the reader is made
    // and the first profiles are read; a run whose every profile is bad ends without waiting for them.
    // Each profile is evaluated with its review (--set what-if, flips, --why-not), which needs only it.
    StreamingCheck<ProfileInput> run = new StreamingCheck<>(files, common::checker, options, renderer, renderOptions, this::failing, err);
    AtomicBoolean stopped = new AtomicBoolean();
    int code = run.run(f -> {
      expanded.check(f);
      return ProfileInput.read(reader, f, stdin);
    }, (checker, in) -> {
      try {
        return new Review(checker).evaluate(in.source(), options, set, whyNot);
      } catch (TimeLimitException e) { // reported as a failed profile; the others are still evaluated
        stopped.set(true);
        throw new ProfileException(e.source(), null, null, e.problem());
      }
    }, Output.target(output), spec.commandLine().getOut());
    return stopped.get() ? ExitCode.worst(code, ExitCode.TIME_LIMIT.code) : code;
  }

  /** A comparison needs each profile twice and is written whole: read all, then evaluate (not streamed). */
  private int compare(Inputs.Expanded expanded, ProfileReader reader, Stdin stdin, Options options, LocalDate before,
      RenderOptions renderOptions) {
    PrintWriter err = spec.commandLine().getErr();
    List<Path> files = expanded.files();
    List<Object> read = new ArrayList<>(); // ProfileInput or ProfileException, in input order
    int failures = 0;
    for (Path f : files) {
      try {
        expanded.check(f);
        read.add(ProfileInput.read(reader, f, stdin));
      } catch (ProfileException e) {
        read.add(e);
        failures++;
      }
    }
    if (failures == files.size()) {
      for (Object o : read) err.println(Diagnostics.error((ProfileException) o));
      return ExitCode.INPUT.code; // nothing to evaluate: fail fast, before the rules are compiled
    }
    return compare(common.checker(), options, before, read, renderOptions);
  }

  /** Evaluates each profile twice (two scenarios, or two dates) and writes the differences. */
  private int compare(Checker checker, Options after, LocalDate beforeDate, List<Object> read, RenderOptions renderOptions) {
    PrintWriter err = spec.commandLine().getErr();
    Options before = beforeDate != null
        ? new Options(beforeDate, after.scenario(), after.regimes())
        : new Options(after.asOf(), Scenario.IN_FORCE, after.regimes());
    if (beforeDate == null) after = new Options(after.asOf(), Scenario.WITH_PROPOSALS, after.regimes());
    Compare compare = new Compare(checker);
    List<Comparison.Entry> entries = new ArrayList<>();
    int failures = 0;
    boolean stopped = false;
    boolean adverse = false;
    for (Object o : read) {
      try {
        if (o instanceof ProfileException e) throw e;
        Profile p = ((ProfileInput) o).with(set);
        Compare.Side a = new Compare.Side(p, checker.evaluate(p, before), before);
        Compare.Side b = new Compare.Side(p, checker.evaluate(p, after), after);
        // --fail-on looks at the later side (the later date, or the law with proposals): what the company faces then
        if (b.report().findings().stream().anyMatch(this::failing)) adverse = true;
        entries.add(new Comparison.Entry(p.source(), p.source(), p.displayName(), compare.changes(a, b)));
      } catch (ProfileException e) {
        err.println(Diagnostics.error(e));
        failures++;
      } catch (TimeLimitException e) {
        err.println(Diagnostics.error(e));
        stopped = true;
      }
    }
    Comparison c = new Comparison(Version.tool(), checker.catalogue().digest(), describe(before), describe(after), entries);
    write(w -> ComparisonRenderer.render(format, c, w, renderOptions));
    if (stopped) return ExitCode.TIME_LIMIT.code;
    if (failures > 0) return ExitCode.INPUT.code;
    return adverse ? ExitCode.FINDINGS.code : ExitCode.OK.code;
  }

  static String describe(Options o) {
    return (o.regimes().isEmpty() ? "scenario " + o.scenario().id() : "regimes " + String.join(",", o.regimes())) + ", as of " + o.asOf();
  }

  private void write(Output.Body body) {
    Output.to(output, spec.commandLine().getOut(), body);
  }

  static RenderOptions renderOptions(String lang) {
    if (!RenderOptions.LANGUAGES.contains(lang)) throw new InputException("unknown --lang '" + lang + "'; use en or ko");
    return new RenderOptions(lang);
  }

  static LocalDate date(String option, String text) {
    return CommonOptions.date(option, text);
  }

  private boolean failing(Finding f) {
    return failing(failOn, f.outcome());
  }

  /** Whether {@code o} is at the --fail-on {@code level} or above (see {@link #FAIL_ON}). */
  static boolean failing(String level, Outcome o) {
    return switch (level) {
      case "potential_violation" -> o == Outcome.POTENTIAL_VIOLATION;
      case "unmet" -> o.adverse();
      case "ineligible" -> o.adverse() || o == Outcome.INELIGIBLE;
      default -> false;
    };
  }

  static final class FormatNames extends ArrayList<String> {
    FormatNames() {
      super(Renderers.names());
    }
  }
}
