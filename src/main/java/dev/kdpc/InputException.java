package dev.kdpc;

/**
 * Bad input from the user: a profile, a rules folder or an option. The CLI prints the message (one
 * paragraph) and exits with code 2; it never prints a stack trace for these.
 */
public class InputException extends RuntimeException {
  public InputException(String message) {
    super(message);
  }

  public InputException(String message, Throwable cause) {
    super(message, cause);
  }
}
