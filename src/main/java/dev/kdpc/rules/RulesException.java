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
    super(format(folder, problems));
    this.problems = List.copyOf(problems);
  }

  private static String format(String folder, List<Problem> problems) {
    StringBuilder b = new StringBuilder();
    b.append("the rules in ").append(folder).append(" cannot be used (")
        .append(problems.size()).append(problems.size() == 1 ? " problem" : " problems").append("): ");
    for (int i = 0; i < problems.size(); i++) {
      if (i > 0) b.append("; ");
      b.append(problems.get(i).toString().replaceAll("\\s*\\R\\s*", " "));
    }
    return b.toString();
  }

  public List<Problem> problems() {
    return problems;
  }
}
