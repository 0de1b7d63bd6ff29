package dev.kdpc.cli;

/** The CLI's exit codes (DESIGN §5). */
public enum ExitCode {
  /** Evaluated, and nothing at the --fail-on level. */
  OK(0),
  /** Evaluated, and something at the --fail-on level. */
  FINDINGS(1),
  /** Usage or input error: a profile, the rules or an option; one clear message. */
  INPUT(2),
  /** A bug in kdpc. */
  INTERNAL(3),
  /**
   * The report could not be written: standard output or {@code --output} (disk full, a closed pipe, a
   * file-size limit, no permission). Wins over every other code: a report that was not written is not a
   * result.
   */
  OUTPUT(4);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
