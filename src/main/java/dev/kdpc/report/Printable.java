package dev.kdpc.report;

/**
 * Text made safe to show on a terminal or in a document: every character that could move the cursor,
 * start a new line, reorder the text or hide in it is written as a visible escape, so a name in a
 * profile, a file name or a rule's metadata cannot forge a line of the report, clear the screen or
 * make text display differently from what it says. Ordinary text, Korean included, is left alone.
 *
 * <p>Escaped: line feed, carriage return and tab as {@code \n}, {@code \r}, {@code \t}; every other
 * control character (C0, DEL and C1, NEL included) as {@code \x1b}; format and invisible characters
 * (bidirectional controls such as U+202E, zero-width spaces and joiners, U+061C, U+FEFF), line and
 * paragraph separators (U+2028, U+2029) and unpaired surrogates as <code>&#92;u202e</code> (or
 * <code>&#92;u{e0041}</code> above U+FFFF). {@link #text} also writes a backslash as {@code \\}, so an escape
 * in the output always stands for the character it names.
 *
 * <pre>{@code
 * Printable.text("Evil\n[CLEAR] x")  // Evil\n[CLEAR] x, on one line
 * Printable.text("a\\b")             // a\\b
 * Printable.text("네이버")            // 네이버
 * }</pre>
 *
 * <p>Here, in {@code report}, because both the renderers ({@code render}) and the command line's error
 * printing ({@code cli}) need it, and {@code report} is the one package both may import.
 */
public final class Printable {
  private Printable() {}

  /**
   * One value (a name, a file name, a rule's text) for a terminal or a document, with every character
   * listed above and the backslash escaped. Null gives null.
   */
  public static String text(String s) {
    return escape(s, true);
  }

  /**
   * A composed message (one paragraph, such as an error naming a file and a value) for a terminal:
   * characters escaped as by {@link #text}, but backslashes kept, because the code that built the
   * message already wrote the values it quotes with visible escapes (<code>"&#92;u001B[31mRed"</code>)
   * and these must not be doubled. Null gives null.
   */
  public static String message(String s) {
    return escape(s, false);
  }

  /** Whether {@code cp} is written as an escape (the backslash aside). */
  public static boolean escaped(int cp) {
    return switch (Character.getType(cp)) {
      case Character.CONTROL, Character.FORMAT, Character.SURROGATE, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR -> true;
      default -> false;
    };
  }

  private static String escape(String s, boolean backslash) {
    if (s == null) return null;
    int i = 0;
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      if (escaped(cp) || backslash && cp == '\\') break;
      i += Character.charCount(cp);
    }
    if (i == s.length()) return s;
    StringBuilder b = new StringBuilder(s.length() + 16).append(s, 0, i);
    while (i < s.length()) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      if (cp == '\\' && backslash) b.append("\\\\");
      else if (!escaped(cp)) b.appendCodePoint(cp);
      else if (cp == '\n') b.append("\\n");
      else if (cp == '\r') b.append("\\r");
      else if (cp == '\t') b.append("\\t");
      else if (cp < 0xA0) b.append(String.format("\\x%02x", cp));
      else if (cp <= 0xFFFF) b.append(String.format("\\u%04x", cp));
      else b.append(String.format("\\u{%x}", cp));
    }
    return b.toString();
  }
}
