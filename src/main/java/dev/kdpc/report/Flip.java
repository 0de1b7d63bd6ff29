package dev.kdpc.report;

/**
 * The one fact change that would flip a designation not met into a designation met, where a single
 * fact suffices. kdpc names a flip only after re-evaluating the profile with the change and seeing the
 * designation met.
 *
 * @param fact the fact path, as {@code --set} takes it ({@code services.comics.users.daily_average_kr})
 * @param from the profile's value
 * @param to the value that meets the line (the threshold itself where the test is inclusive)
 * @param unit the fact's unit, as in {@link Test#unit()}
 * @param line the line of the fact in the profile, or 0
 * @param column its column, or 0
 */
public record Flip(String fact, Object from, Object to, String unit, int line, int column) {
  /** The {@code --set} argument that makes this change: {@code services.comics.users.daily_average_kr=1000000}. */
  public String setArgument() {
    return fact + "=" + scalar(to);
  }

  /** A value written so that {@code --set} (a YAML scalar) reads it back as the same value. */
  public static String scalar(Object v) {
    if (v instanceof Boolean || v instanceof Long || v instanceof Integer) return String.valueOf(v);
    if (v instanceof Number n) {
      java.math.BigDecimal d = java.math.BigDecimal.valueOf(n.doubleValue()).stripTrailingZeros();
      if (d.abs().compareTo(java.math.BigDecimal.valueOf(1e15)) < 0) return d.toPlainString();
      // YAML reads a float in exponent form only with a dot and a signed exponent: 1.0e+26
      String[] parts = d.toString().toLowerCase(java.util.Locale.ROOT).split("e");
      return (parts[0].contains(".") ? parts[0] : parts[0] + ".0") + "e" + (parts[1].startsWith("-") ? parts[1] : "+" + parts[1].replace("+", ""));
    }
    String s = String.valueOf(v);
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
