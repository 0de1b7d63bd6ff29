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
  INTERNAL(3);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }
}
