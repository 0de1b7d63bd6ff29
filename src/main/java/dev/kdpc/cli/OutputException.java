package dev.kdpc.cli;

/**
 * The report could not be written (standard output or {@code --output}): the CLI prints the message on
 * one line and exits 4 ({@link ExitCode#OUTPUT}), whatever the evaluation found.
 */
final class OutputException extends RuntimeException {
  OutputException(String message, Throwable cause) {
    super(message, cause);
  }

  /** {@code "cannot write the report to WHERE: REASON"}. */
  static OutputException writing(String where, java.io.IOException e) {
    return new OutputException("cannot write the report to " + where + ": " + reason(e), e);
  }

  /** The operating system's words for {@code e} ("No space left on device", "Broken pipe", "File too large"). */
  static String reason(java.io.IOException e) {
    if (e instanceof java.nio.file.FileSystemException f) {
      if (f.getReason() != null) return f.getReason();
      if (e instanceof java.nio.file.AccessDeniedException) return "Permission denied";
      if (e instanceof java.nio.file.NoSuchFileException) return "No such file or directory";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
