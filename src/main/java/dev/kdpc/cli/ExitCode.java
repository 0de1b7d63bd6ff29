package dev.kdpc.cli;

/** The CLI's exit codes (DESIGN §5). */
public enum ExitCode {
  /** Evaluated, and nothing at the --fail-on level. */
  OK(0),
  /** Evaluated, and something at the --fail-on level. */
  FINDINGS(1),
  /** Usage or input error: a profile, the rules or an option; one clear message. */
  INPUT(2),
  /**
   * An internal error: a bug in kdpc, or the JVM ran out of something (an {@code OutOfMemoryError}, a
   * {@code StackOverflowError}), said in one paragraph with what to try.
   */
  INTERNAL(3),
  /**
   * The report could not be written: standard output or {@code --output} (disk full, a closed pipe, a
   * file-size limit, no permission). Wins over every other code: a report that was not written is not a
   * result.
   */
  OUTPUT(4),
  /** An evaluation ran past {@code --time-limit} and was stopped; its profile is reported as failed. */
  TIME_LIMIT(5);

  public final int code;

  ExitCode(int code) {
    this.code = code;
  }

  /**
   * Of two exit codes that apply to one run, the one that wins: 4 (the report could not be written),
   * then 3, 5, 2, 1, 0. A time limit ranks above an input error and below an internal error.
   */
  static int worst(int a, int b) {
    return rank(a) >= rank(b) ? a : b;
  }

  /** How strongly {@code code} wins: see {@link #worst}. */
  static int rank(int code) {
    return switch (code) {
      case 4 -> 5;
      case 3 -> 4;
      case 5 -> 3;
      case 2 -> 2;
      case 1 -> 1;
      default -> 0;
    };
  }
}
