package dev.kdpc.cli;

import dev.kdpc.profile.ProfileException;
import dev.kdpc.report.Printable;
import dev.kdpc.rules.TimeLimitException;

/**
 * Error and warning lines in the form compilers use, so that editors and CI problem matchers (Vim's
 * default {@code errorformat}, VS Code's {@code $gcc}) take them to the file, line and column:
 * {@code FILE:LINE:COL: error: MESSAGE} for a problem in a file, {@code FILE: error: MESSAGE} for one
 * that concerns a whole file, and {@code kdpc: error: MESSAGE} (or {@code warning:}) for one that
 * concerns no file, such as an option. Every line is printable ({@link Printable#message}).
 */
final class Diagnostics {
  private Diagnostics() {}

  /** The line for an input problem. */
  static String error(Throwable e) {
    if (e instanceof ProfileException p) return Printable.message(p.diagnostic());
    if (e instanceof TimeLimitException t) return Printable.message(t.source() + ": error: " + t.problem());
    return error(String.valueOf(e.getMessage()));
  }

  /** A problem that concerns no file. */
  static String error(String message) {
    return "kdpc: error: " + Printable.message(message);
  }

  static String warning(String message) {
    return "kdpc: warning: " + Printable.message(message);
  }
}
