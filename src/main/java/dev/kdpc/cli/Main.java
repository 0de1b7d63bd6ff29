package dev.kdpc.cli;

import dev.kdpc.InputException;
import dev.kdpc.report.Printable;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kdpc} command. {@link #run} returns the exit code and never exits; only {@link #main}
 * does. Input errors print one paragraph and return 2; a bug, or a JVM {@link Error} such as running out
 * of memory or stack, prints one paragraph (the stack trace only with {@code -Dkdpc.debug=true}) and
 * returns 3; a report that could not be written (standard output or {@code --output}) prints one line
 * and returns 4, whatever else happened; an evaluation stopped at its time limit returns 5.
 */
@Command(
    name = "kdpc",
    mixinStandardHelpOptions = true,
    versionProvider = Main.VersionProvider.class,
    description = "Checks a company profile against Korean digital-platform regulation.",
    subcommands = {CheckCommand.class, ValidateCommand.class, RulesCommand.class, ExplainCommand.class, DiffCommand.class, SchemaCommand.class,
        ImpactCommand.class, ServeCommand.class, CompletionCommand.class, CommandLine.HelpCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:evaluated, nothing at the --fail-on level",
      "1:evaluated, something at the --fail-on level",
      "2:usage or input error (profile, rules, options, an input that is not a regular file)",
      "3:internal error, or the JVM ran out of memory or stack",
      "4:the report could not be written (standard output or --output: disk full, closed pipe, file-size limit, no permission)",
      "5:an evaluation reached --time-limit and was stopped"
    })
public final class Main implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The standard input: where {@code -} reads a profile from. */
  java.io.InputStream stdin = System.in;

  private static volatile boolean uncaught;

  public static void main(String[] args) {
    if (args.length > 0 && (args[0].equals("check") || args[0].equals("impact")) && !names("--rules", args)) {
      dev.kdpc.rules.internal.RulesCache.preloadBundled(); // loads beside the command-line parsing
    }
    PrintWriter out = Stdout.system();
    PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, StandardCharsets.UTF_8), true);
    // A thread that dies of an uncaught exception (a worker, the rules loader) says so in one paragraph
    // and makes the run exit 3, instead of the JVM's "Exception in thread ..." and its stack trace.
    Thread.setDefaultUncaughtExceptionHandler((t, e) -> {
      jvmError(e instanceof Error x ? x : new InternalError(e.toString()), err);
      uncaught = true;
    });
    int code = run(args, out, err);
    out.flush();
    err.flush();
    System.exit(uncaught ? ExitCode.worst(code, ExitCode.INTERNAL.code) : code);
  }

  private static boolean names(String option, String[] args) {
    for (String a : args) if (a.equals(option) || a.startsWith(option + "=")) return true;
    return false;
  }

  /** Runs kdpc with {@code args}, writing to {@code out} and {@code err}; returns the exit code. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    return run(args, System.in, out, err);
  }

  /** As {@link #run(String[], PrintWriter, PrintWriter)}, with {@code in} as the standard input ({@code -}). */
  public static int run(String[] args, java.io.InputStream in, PrintWriter out, PrintWriter err) {
    Main main = new Main();
    main.stdin = in;
    CommandLine cl = commandLine(main);
    cl.setOut(out);
    cl.setErr(err);
    if (args.length == 0) { // no command: the usage, on standard error, as a usage error
      cl.usage(err);
      err.flush();
      return ExitCode.INPUT.code;
    }
    cl.setCaseInsensitiveEnumValuesAllowed(false);
    cl.setParameterExceptionHandler((ex, a) -> {
      err.println(Diagnostics.error(ex.getMessage().replaceAll("\\s*\\R\\s*", " ")
          + " (see 'kdpc " + (ex.getCommandLine().getCommandName().equals("kdpc") ? "" : ex.getCommandLine().getCommandName() + " ") + "--help')"));
      return ExitCode.INPUT.code;
    });
    cl.setExecutionExceptionHandler((ex, c, parsed) -> {
      if (stdoutFailed(out)) return ExitCode.OUTPUT.code; // whatever broke after it, the message is the write's (below)
      if (ex instanceof OutputException) {
        err.println("kdpc: error: " + ex.getMessage());
        return ExitCode.OUTPUT.code;
      }
      if (ex instanceof InputException) {
        err.println(Diagnostics.error(ex));
        return ExitCode.INPUT.code;
      }
      if (ex instanceof dev.kdpc.rules.TimeLimitException) {
        err.println(Diagnostics.error(ex));
        return ExitCode.TIME_LIMIT.code;
      }
      err.println("kdpc: internal error (please report it): " + Printable.message(oneLine(String.valueOf(ex))) + " " + DEBUG_HINT);
      if (Boolean.getBoolean("kdpc.debug")) ex.printStackTrace(err);
      return ExitCode.INTERNAL.code;
    });
    cl.setExecutionStrategy(parsed -> {
      try {
        return new CommandLine.RunLast().execute(parsed);
      } catch (OutputException e) { // picocli's own output (help, version) could not be written: reported below
        return ExitCode.OUTPUT.code;
      }
    });
    int code;
    try {
      code = cl.execute(args);
    } catch (Error e) { // out of memory or stack, or a broken JVM: one paragraph, exit 3, whatever --fail-on says
      code = jvmError(e, err);
    }
    try {
      out.flush();
    } catch (OutputException e) {
      // recorded by Stdout, reported below
    }
    // A report that was not written is no result: this wins over every other code.
    if (stdoutFailed(out)) {
      String why = out instanceof Stdout s ? s.failure() : "an I/O error";
      err.println("kdpc: error: cannot write the report to standard output: " + why);
      code = ExitCode.OUTPUT.code;
    }
    err.flush();
    return code;
  }

  /** Whether a write to {@code out} failed: {@link Stdout} says why; any other writer only that it did. */
  private static boolean stdoutFailed(PrintWriter out) {
    return out instanceof Stdout s ? s.failure() != null : out.checkError();
  }

  private static final String DEBUG_HINT = "(run with JAVA_OPTS=-Dkdpc.debug=true for the stack trace)";

  /** Memory set aside at start and let go when the heap runs out, so that the message can still be made. */
  @SuppressWarnings("unused")
  private static volatile byte[] reserve = new byte[256 * 1024];

  /**
   * Says in one paragraph what ran out and what to try, and returns exit code 3. By the time the error
   * reaches here the frames that held the work are gone; the reserve goes too, so what is left to do
   * (a short message) finds memory.
   */
  static int jvmError(Error e, PrintWriter err) {
    reserve = null;
    try {
      String what;
      if (e instanceof OutOfMemoryError) {
        what = "the Java heap ran out of memory (" + e.getMessage() + "). Try a larger heap (JAVA_OPTS=-Xmx2g) or fewer"
            + " profiles per run (a smaller folder)";
      } else if (e instanceof StackOverflowError) {
        what = "a thread's stack ran out (StackOverflowError): something is nested too deeply, such as a rule's expression or a"
            + " regular expression. Try a larger stack (JAVA_OPTS=-Xss16m) or simplify the rule";
      } else {
        what = "internal error (please report it): the JVM failed with " + oneLine(String.valueOf(e));
      }
      err.println("kdpc: " + what + ". " + DEBUG_HINT);
      if (Boolean.getBoolean("kdpc.debug")) e.printStackTrace(err);
      err.flush();
    } catch (Throwable again) {
      // nothing more can be said; the exit code still says it
    }
    return ExitCode.INTERNAL.code;
  }

  private static String oneLine(String s) {
    return s.replaceAll("\\s*\\R\\s*", " ");
  }

  /**
   * The command line of {@code main}: every subcommand answers {@code --version} with kdpc's version (picocli
   * gives a subcommand's {@code --version} the subcommand's own, empty, version unless told).
   */
  static CommandLine commandLine(Main main) {
    CommandLine cl = new CommandLine(main);
    withVersion(cl);
    return cl;
  }

  private static void withVersion(CommandLine cl) {
    cl.getCommandSpec().versionProvider(new VersionProvider());
    for (CommandLine sub : cl.getSubcommands().values()) withVersion(sub);
  }

  /** {@code kdpc} with options but no command (e.g. {@code kdpc --rules x}): the usage, on standard error, exit 2. */
  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getErr());
    return ExitCode.INPUT.code;
  }

  static final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {dev.kdpc.Version.tool()};
    }
  }
}
