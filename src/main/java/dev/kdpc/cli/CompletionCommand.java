package dev.kdpc.cli;

import dev.kdpc.InputException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kdpc completion bash|zsh|fish}: a completion script for the shell, made from the command line's
 * own model, so it lists every command, option and fixed value there is. Bash's is picocli's generator
 * ({@link AutoComplete#bash}); zsh runs the same script through its {@code bashcompinit}; fish has no
 * picocli generator, so its {@code complete} lines are written here from the same model.
 */
@Command(name = "completion", mixinStandardHelpOptions = true,
    description = {"Print a shell completion script for bash, zsh or fish.",
        "bash: source <(kdpc completion bash)   zsh: source <(kdpc completion zsh)   fish: kdpc completion fish | source"})
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SHELL", description = "bash, zsh or fish.")
  String shell;

  static final List<String> SHELLS = List.of("bash", "zsh", "fish");

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    String script = switch (shell) {
      case "bash" -> AutoComplete.bash("kdpc", root);
      case "zsh" -> "#compdef kdpc\n# zsh completion for kdpc: the bash script, through zsh's bashcompinit\n"
          + "autoload -U +X compinit && compinit\nautoload -U +X bashcompinit && bashcompinit\n" + AutoComplete.bash("kdpc", root);
      case "fish" -> fish(root);
      default -> throw new InputException("unknown shell '" + shell + "'; use " + String.join(", ", SHELLS));
    };
    PrintWriter out = spec.commandLine().getOut();
    out.print(script);
    out.flush();
    return ExitCode.OK.code;
  }

  /** The fish script: the commands after {@code kdpc}, then each command's options, their values and whether it takes files. */
  static String fish(CommandLine root) {
    StringBuilder b = new StringBuilder();
    b.append("# fish completion for kdpc (kdpc completion fish | source)\n");
    b.append("complete -c kdpc -f\n");
    Map<String, CommandLine> subs = root.getSubcommands();
    List<String> names = new ArrayList<>(subs.keySet());
    for (String name : names) {
      b.append("complete -c kdpc -n '__fish_use_subcommand' -a ").append(quote(name)).append(" -d ")
          .append(quote(summary(subs.get(name).getCommandSpec()))).append('\n');
    }
    options(b, root.getCommandSpec(), "__fish_use_subcommand");
    for (String name : names) {
      CommandSpec sub = subs.get(name).getCommandSpec();
      String when = "__fish_seen_subcommand_from " + name;
      options(b, sub, when);
      if (name.equals("help") || name.equals("completion")) {
        List<String> values = name.equals("help") ? names : SHELLS;
        b.append("complete -c kdpc -n ").append(quote(when)).append(" -a ").append(quote(String.join(" ", values))).append('\n');
      }
      for (PositionalParamSpec p : sub.positionalParameters()) {
        if (isPath(p.type())) {
          b.append("complete -c kdpc -n ").append(quote(when)).append(" -F\n");
          break;
        }
      }
    }
    return b.toString();
  }

  private static void options(StringBuilder b, CommandSpec spec, String when) {
    for (OptionSpec o : spec.options()) {
      if (o.hidden()) continue;
      b.append("complete -c kdpc -n ").append(quote(when));
      for (String n : o.names()) {
        if (n.startsWith("--")) b.append(" -l ").append(quote(n.substring(2)));
        else if (n.startsWith("-") && n.length() == 2) b.append(" -s ").append(quote(n.substring(1)));
      }
      boolean takesValue = o.arity().max() > 0 && o.type() != boolean.class && o.type() != Boolean.class;
      if (takesValue) {
        List<String> candidates = new ArrayList<>();
        if (o.completionCandidates() != null) o.completionCandidates().forEach(candidates::add);
        if (!candidates.isEmpty()) b.append(" -x -a ").append(quote(String.join(" ", candidates)));
        else if (isPath(o.type())) b.append(" -r -F");
        else b.append(" -x");
      }
      String d = o.description().length > 0 ? o.description()[0] : "";
      b.append(" -d ").append(quote(shorten(d))).append('\n');
    }
  }

  private static boolean isPath(Class<?> t) {
    return t == java.nio.file.Path.class || t == java.io.File.class || (t == List.class);
  }

  private static String summary(CommandSpec spec) {
    String[] h = spec.usageMessage().header();
    String[] d = spec.usageMessage().description();
    return shorten(h.length > 0 ? h[0] : d.length > 0 ? d[0] : "");
  }

  /** The first sentence, without picocli's variables, at most 90 characters. */
  private static String shorten(String s) {
    String t = s.replaceAll("\\$\\{[^}]*}", "").replace("%n", " ").replaceAll("\\s+", " ").strip();
    java.util.regex.Matcher end = java.util.regex.Pattern.compile("\\. (?=[A-Z])").matcher(t);
    if (end.find()) t = t.substring(0, end.start() + 1);
    return t.length() > 90 ? t.substring(0, 87) + "..." : t;
  }

  /** {@code s} as a fish single-quoted word: {@code \} and {@code '} escaped. */
  static String quote(String s) {
    return "'" + s.replace("\\", "\\\\").replace("'", "\\'") + "'";
  }
}
