package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.report.Printable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kdpc} command. {@link #run} returns the exit code and never exits; only {@link #main}
 * does. Input errors print one paragraph and return 2; a bug prints its stack trace and returns 3; a
 * report that could not be written (standard output or {@code --output}) prints one line and returns 4,
 * whatever else happened.
 */
@Command(
    name = "kdpc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Checks a company profile against Korean digital-platform regulation.",
    subcommands = {CheckCommand.class, ValidateCommand.class, RulesCommand.class, ExplainCommand.class, DiffCommand.class, SchemaCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:evaluated, nothing at the --fail-on level",
      "1:evaluated, something at the --fail-on level",
      "2:usage or input error (profile, rules, options)",
      "3:internal error",
      "4:the report could not be written (standard output or --output: disk full, closed pipe, file-size limit, no permission)"
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("check") && !names("--rules", args)) {
      dev.kdpc.rules.internal.RulesCache.preloadBundled(); // loads beside the command-line parsing
    }
    PrintWriter out = Stdout.system();
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(code);
  }

  private static boolean names(String option, String[] args) {
    for (String a : args) if (a.equals(option) || a.startsWith(option + "=")) return true;
    return false;
  }

  /** Runs kdpc with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = new CommandLine(new Main());
    cl.setOut(out);
    cl.setErr(err);
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println("kdpc: " + Printable.message(ex.getMessage().replaceAll("\\s*\\R\\s*", " "))
          + " (see 'kdpc " + (ex.getCommandLine().getCommandName().equals("kdpc") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help')");
      return ExitCode.INPUT.code;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (stdoutFailed(out)) return ExitCode.OUTPUT.code; // whatever broke after it, the message is the write's (below)
      if (ex instanceof OutputException) {
        err.println("kdpc: " + ex.getMessage());
        return ExitCode.OUTPUT.code;
      }
      if (ex instanceof InputException) {
        err.println("kdpc: " + Printable.message(ex.getMessage()));
        return ExitCode.INPUT.code;
      }
      err.println("kdpc: internal error (please report it): " + Printable.message(String.valueOf(ex)));
      ex.printStackTrace(err);
      return ExitCode.INTERNAL.code;
    });
    cl.setExecutionStrategy(parsed -> {
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (OutputException e) { // picocli's own output (help, version) could not be written: reported below
        return ExitCode.OUTPUT.code;
      }
    });
    int code = cl.execute(args);
    try {
      out.flush();
    } catch (OutputException e) {
      // recorded by Stdout, reported below
    }
    // A report that was not written is no result: this wins over 0 and 1 (and any other code).
    if (stdoutFailed(out)) {
      String why = out instanceof Stdout s ? s.failure() : "an I/O error";
      err.println("kdpc: cannot write the report to standard output: " + why);
      code = ExitCode.OUTPUT.code;
    }
    err.flush();
    return code;
  }

  /** Whether a write to {@code out} failed: {@link Stdout} says why; any other writer only that it did. */
  private static boolean stdoutFailed(PrintWriter out) {
    return out instanceof Stdout s ? s.failure() != null : out.checkError();
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {dev.kdpc.Version.tool()};
    }
  }
}
