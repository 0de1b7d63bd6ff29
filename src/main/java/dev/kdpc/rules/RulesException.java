package dev.kdpc.rules;

import dev.kdpc.InputException;
import java.util.List;

/**
 * A rules folder that cannot be used: a DRL error, missing metadata, a duplicate id. Nothing is
 * evaluated with a partial rule set. The message lists every problem as {@code file:line: message}.
 */
public final class RulesException extends InputException {
  /** One problem in one rules file. */
  public record Problem(String file, int line, String message) {
    @Override
    public String toString() {
      return file + (line > 0 ? ":" + line : "") + ": " + message;
    }
  }

  private final List<Problem> problems;

  public RulesException(String folder, List<Problem> problems) {
    this(folder, problems, null);
  }

  /** As above, with {@code why} (one sentence) said before the problems. */
  public RulesException(String folder, List<Problem> problems, String why) {
    super(format(folder, problems, why));
    this.problems = List.copyOf(problems);
  }

  private static String format(String folder, List<Problem> problems, String why) {
    StringBuilder b = new StringBuilder();
    b.append("the rules in ").append(folder).append(" cannot be used (");
    if (why != null) b.append(why).append("; ");
    b.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("): ");
    for (int i = 0; i < problems.size(); i++) {
      if (i > 0) b.append("; ");
      b.append(problems.get(i).toString().replaceAll("\\s*\\R\\s*", " "));
    }
    return b.toString();
  }

  private static final java.util.regex.Pattern LINE = java.util.regex.Pattern.compile("^(?:\\[ERR \\d+\\] )?Line (\\d+):\\d+");
  private static final java.util.regex.Pattern CRASH = java.util.regex.Pattern.compile("\\.? Exception: ([\\w.$]+)(?::.*)?$");

  /**
   * A Drools message made one readable paragraph: line breaks collapsed, and where the DRL parser
   * itself crashed (Drools 10.2 throws a NullPointerException on some unclosed brackets, and puts
   * the whole stack trace in the message), the trace replaced by a hint.
   */
  public static String clean(String droolsMessage) {
    if (droolsMessage == null) return "error";
    String s = droolsMessage.replaceAll("\\s*\\R\\s*", " ").strip();
    int trace = s.indexOf(" Stack trace: ");
    if (trace >= 0) s = s.substring(0, trace);
    java.util.regex.Matcher m = CRASH.matcher(s);
    if (m.find()) {
      s = s.substring(0, m.start()) + " (the DRL parser itself failed with " + m.group(1)
          + "; the cause is usually an unclosed bracket or quote before this point)";
    }
    return s;
  }

  /** The line a Drools parser message names ("Line 12:0 ..."), or {@code fallback}. */
  public static int lineIn(String droolsMessage, int fallback) {
    if (fallback > 0 || droolsMessage == null) return fallback;
    java.util.regex.Matcher m = LINE.matcher(droolsMessage.strip());
    return m.find() ? Integer.parseInt(m.group(1)) : fallback;
  }

  public List<Problem> problems() {
    return problems;
  }
}
