package dev.kdpc.profile;

import dev.kdpc.InputException;

/**
 * A profile that cannot be read or is not valid. The message is one paragraph that names the file,
 * the line and column, and the field.
 */
public final class ProfileException extends InputException {
  private final String file;
  private final SourceLocation location;
  private final String field;
  private final String problem;

  public ProfileException(String file, SourceLocation location, String field, String problem) {
    super(format(file, location, field, problem));
    this.file = file;
    this.location = location;
    this.field = field;
    this.problem = problem;
  }

  private static String format(String file, SourceLocation location, String field, String problem) {
    return format(file, location, field, problem, ": ");
  }

  /** {@code FILE[:LINE:COL]<separator>[field 'F': ]PROBLEM}, on one line. */
  private static String format(String file, SourceLocation location, String field, String problem, String separator) {
    StringBuilder b = new StringBuilder(file);
    if (location != null) b.append(':').append(location.line()).append(':').append(location.column());
    b.append(separator);
    if (field != null && !field.isEmpty()) b.append("field '").append(field).append("': ");
    b.append(problem.replaceAll("\\s*\\R\\s*", " ").strip());
    return b.toString();
  }

  /**
   * The problem as a compiler writes one, {@code FILE:LINE:COL: error: field 'F': PROBLEM} (gcc's form,
   * which editors and CI problem matchers read), or {@code FILE: error: PROBLEM} when it concerns the
   * whole file.
   */
  public String diagnostic() {
    return format(file, location, field, problem, ": error: ");
  }

  public String file() {
    return file;
  }

  /** Where the problem is, or null when it concerns the file as a whole. */
  public SourceLocation location() {
    return location;
  }

  /** The field path (e.g. {@code services[0].market.share}), or null. */
  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
