package dev.kdpc.render;

import dev.kdpc.report.Printable;
import java.util.regex.Pattern;

/**
 * Markdown escaping for every text that comes from a user (a name, a file name, a rule's metadata):
 * the memo, the comparison and {@code kdpc rules --format markdown} write such text only through these
 * methods, so it reads as the characters it holds and never as a link, an image, emphasis, code, a
 * heading, a list, a quotation, HTML or a table cell boundary.
 *
 * <p>CommonMark backslash escapes are used where a character can start markup: always for
 * {@code \ ` * | ~}; for {@code ]} where it could close a link, an image or a reference (before
 * {@code (}, {@code [} or {@code :}, and at the end, where the next text could supply them), so that
 * {@code [x](javascript:…)} and {@code ![i](…)} stay text while {@code [services.tube.share]} reads as
 * it did; for {@code _} except inside a word ({@code daily_average_kr} stays as it is: CommonMark never
 * takes an underscore inside a word for emphasis); for {@code &} before what could be an entity; and
 * for {@code # - + = > [} or a number's {@code .} / {@code )} at the start of the text, where it could
 * begin a block (a heading, a list, a quotation, a link reference definition), and {@code #} at the end
 * too, where a heading would drop it as its closing sequence. {@code <} is written {@code &lt;}. Control, bidirectional and
 * invisible characters are written as visible escapes ({@link Printable}); line breaks become spaces.
 */
public final class Markdown {
  private Markdown() {}

  private static final Pattern BREAKS = Pattern.compile("\\s*\\R\\s*");
  /** An autolink's URL: no space, control or invisible character, and nothing that could end the autolink. */
  private static final Pattern URL = Pattern.compile("https?://[^\\s<>\\\\`\\p{Cc}\\p{Cf}\\p{Cs}\\p{Z}]+");

  /**
   * A value safe anywhere inline: in a table cell, a list item, a heading or a paragraph. No line
   * breaks, markup characters escaped; it renders as {@link Printable#text} would print it.
   */
  public static String cell(String s) {
    if (s == null) return "";
    return escape(Printable.text(BREAKS.matcher(s).replaceAll(" ").strip()));
  }

  /**
   * A composed message (an error naming a file and a value) safe inline: as {@link #cell}, but its
   * backslashes kept as they are shown ({@link Printable#message}).
   */
  public static String message(String s) {
    if (s == null) return "";
    return escape(Printable.message(BREAKS.matcher(s).replaceAll(" ").strip()));
  }

  /**
   * A code span holding {@code s} exactly as {@link Printable#text} prints it, outside a table: fenced
   * with more backticks than any run inside it. For a table cell, use {@link #codeCell}.
   */
  public static String code(String s) {
    String t = Printable.text(BREAKS.matcher(s == null ? "" : s).replaceAll(" "));
    int longest = 0;
    int run = 0;
    for (int i = 0; i < t.length(); i++) {
      run = t.charAt(i) == '`' ? run + 1 : 0;
      longest = Math.max(longest, run);
    }
    String fence = "`".repeat(longest + 1);
    boolean pad = t.isEmpty() || t.startsWith("`") || t.endsWith("`") || t.startsWith(" ") && t.endsWith(" ") && !t.isBlank();
    return pad ? fence + " " + t + " " + fence : fence + t + fence;
  }

  /** A code span inside a table cell: as {@link #code}, with a pipe escaped (GFM splits cells first). */
  public static String codeCell(String s) {
    return code(s).replace("|", "\\|");
  }

  /**
   * A link target written as an autolink ({@code <https://…>}) when it is a plain http or https URL
   * with nothing that could end the autolink; anything else as text ({@link #cell}).
   */
  public static String url(String s) {
    return s != null && URL.matcher(s).matches() ? "<" + s + ">" : cell(s);
  }

  /** A table's delimiter row of {@code columns} columns, spaced as the cells are ({@code | --- | --- |}). */
  public static String delimiter(int columns) {
    return "|" + " --- |".repeat(columns) + "\n";
  }

  /** A source list ({@code "a; b"}): each URL an autolink ({@link #url}), the rest text, joined by {@code ; }. */
  public static String sources(String source) {
    if (source == null) return "";
    StringBuilder b = new StringBuilder();
    for (String s : source.split(";\\s*")) {
      String u = s.strip();
      if (u.isEmpty()) continue;
      if (b.length() > 0) b.append("; ");
      b.append(url(u));
    }
    return b.toString();
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    int start = blockStart(s);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\', '`', '*', '|', '~' -> b.append('\\').append(c);
        case ']' -> {
          boolean closesLink = i + 1 == s.length() || s.charAt(i + 1) == '(' || s.charAt(i + 1) == '[' || s.charAt(i + 1) == ':';
          b.append(closesLink ? "\\]" : "]");
        }
        case '<' -> b.append("&lt;");
        case '#' -> b.append(i == 0 || i == s.length() - 1 ? "\\#" : "#"); // a heading's closing sequence at the end
        case '_' -> {
          boolean inWord = i > 0 && i + 1 < s.length() && Character.isLetterOrDigit(s.charAt(i - 1)) && Character.isLetterOrDigit(s.charAt(i + 1));
          b.append(inWord ? "_" : "\\_");
        }
        case '&' -> b.append(i + 1 < s.length() && (s.charAt(i + 1) == '#' || Character.isLetter(s.charAt(i + 1))) ? "\\&" : "&");
        default -> b.append(i == start ? "\\" + c : String.valueOf(c));
      }
    }
    return b.toString();
  }

  /**
   * The index of the character that would make {@code s}, written at the start of a line, begin a
   * block (a heading, a list item, a quotation, a setext underline, an ordered list's {@code 1.}),
   * or -1.
   */
  private static int blockStart(String s) {
    if (s.isEmpty()) return -1;
    char c = s.charAt(0);
    if (c == '#' || c == '-' || c == '+' || c == '=' || c == '>' || c == '[') return 0;
    int i = 0;
    while (i < s.length() && i < 10 && s.charAt(i) >= '0' && s.charAt(i) <= '9') i++;
    return i > 0 && i < s.length() && (s.charAt(i) == '.' || s.charAt(i) == ')') ? i : -1;
  }
}
