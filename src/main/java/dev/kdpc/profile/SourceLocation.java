package dev.kdpc.profile;

/** A position in a profile file: 1-based line and column. */
public record SourceLocation(int line, int column) {
  @Override
  public String toString() {
    return line + ":" + column;
  }
}
