package dev.kdpc.profile;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strict readers for the value types of the profile format. Each rejects what it cannot read exactly. */
final class ValueDeserializers {
  private ValueDeserializers() {}

  /**
   * A percent share from 0% to 100%, in Java and ECMA-262 syntax alike (the schema's pattern): leading
   * zeros allowed, at most 100.
   */
  static final String PERCENT_PATTERN = "^[ \\t]*0*(100(\\.0+)?|[0-9]{1,2}(\\.[0-9]+)?)[ \\t]*%[ \\t]*$";

  /** Any number followed by %, to tell an out-of-range percent from junk. */
  private static final Pattern PERCENT = Pattern.compile("[ \\t]*([0-9]+(?:\\.[0-9]+)?)[ \\t]*%[ \\t]*");

  private static final Pattern PERCENT_ACCEPTED = Pattern.compile(PERCENT_PATTERN);

  static JsonMappingException problem(JsonParser p, String message) {
    return JsonMappingException.from(p, message);
  }

  /** Longest piece of the user's text repeated in a message. */
  static final int SHOWN = 80;

  /**
   * The user's text as a message may repeat it: control and invisible characters written as
   * backslash-u escapes, and anything past {@value #SHOWN} characters cut, so that a message stays one
   * readable paragraph whatever the input holds.
   */
  static String shown(String text) {
    if (text == null) return "null";
    StringBuilder b = new StringBuilder();
    int n = 0;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (n++ == SHOWN) {
        b.append("... (").append(text.codePointCount(0, text.length())).append(" characters)");
        break;
      }
      if (cp < 0x20 || (cp >= 0x7F && cp < 0xA0) || Character.getType(cp) == Character.FORMAT || cp == 0x2028 || cp == 0x2029) {
        b.append(String.format("\\u%04X", cp));
      } else {
        b.appendCodePoint(cp);
      }
    }
    return b.toString();
  }

  static String describe(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_STRING) return "the text \"" + shown(p.getText()) + "\"";
    if (t == JsonToken.VALUE_TRUE || t == JsonToken.VALUE_FALSE) return "the boolean " + p.getText();
    if (t == JsonToken.START_OBJECT) return "a mapping";
    if (t == JsonToken.START_ARRAY) return "a list";
    return "the value " + shown(p.getText());
  }

  static final class ShareDeserializer extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      double v;
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        v = p.getDoubleValue() + 0.0; // + 0.0 turns -0.0 into 0.0
        if (!Double.isFinite(v) || v < 0 || v > 1) {
          throw problem(p, "a share must be a fraction from 0 to 1 (e.g. 0.573) or a percent string (e.g. \"57.3%\"), got " + p.getText()
              + (v > 1 && v <= 100 ? "; did you mean \"" + p.getText() + "%\"?" : ""));
        }
        return v;
      }
      if (t == JsonToken.VALUE_STRING) {
        Matcher m = PERCENT.matcher(p.getText());
        if (!m.matches()) {
          throw problem(p, "a share must be a fraction from 0 to 1 (e.g. 0.573) or a percent string (e.g. \"57.3%\"), got " + describe(p));
        }
        BigDecimal pct = new BigDecimal(m.group(1));
        if (pct.compareTo(BigDecimal.valueOf(100)) > 0 || !PERCENT_ACCEPTED.matcher(p.getText()).matches()) {
          throw problem(p, "a percent share must be from 0% to 100%, got \"" + shown(p.getText()) + "\"");
        }
        return pct.movePointLeft(2).doubleValue() + 0.0;
      }
      throw problem(p, "a share must be a fraction from 0 to 1 or a percent string, got " + describe(p));
    }
  }

  /**
   * A whole number for money ({@code money}) or a count: an integer token, or a text in the forms of
   * {@link Amounts} (YAML 1.2 reads {@code 8_000_000_000} as text; so does this reader).
   */
  static long wholeNumber(JsonParser p, boolean money) throws IOException {
    String what = money ? "an amount in won" : "a count";
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        if (p.getBigIntegerValue().signum() < 0) throw problem(p, what + " must not be negative, got " + shown(p.getText()));
        throw problem(p, what + " is too large: " + shown(p.getText()) + " (the largest is " + Amounts.MAX_TEXT + ")");
      }
      long v = p.getLongValue();
      if (v < 0) throw problem(p, what + " must not be negative, got " + p.getText());
      if (v > Amounts.MAX) throw problem(p, what + " is too large: " + p.getText() + " (the largest is " + Amounts.MAX_TEXT + ")");
      return v;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      throw problem(p, what + " must be a whole number, got " + p.getText() + " (write it without a decimal point"
          + (money ? ", or with a Korean unit: \"1.5억\"" : "") + ")");
    }
    if (t == JsonToken.VALUE_STRING) {
      try {
        return money ? Amounts.money(p.getText()) : Amounts.count(p.getText());
      } catch (Amounts.Refused e) {
        throw problem(p, e.getMessage());
      }
    }
    throw problem(p, (money ? Amounts.MONEY_FORMS : Amounts.COUNT_FORMS) + "; got " + describe(p));
  }

  static final class MoneyDeserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return wholeNumber(p, true);
    }
  }

  static final class CountDeserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return wholeNumber(p, false);
    }
  }

  /** Text is text: a number or a boolean where text is expected is refused (YAML 1.2 editors refuse it too), never turned into text. */
  static final class TextDeserializer extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() == JsonToken.VALUE_STRING) return p.getText();
      if (p.currentToken().isScalarValue()) {
        throw problem(p, "expected a text value, got " + describe(p) + "; quote it (\"" + shown(p.getText()) + "\") if it is text");
      }
      throw problem(p, "expected a text value, got " + describe(p));
    }
  }

  /** A service id: lower-case letters, digits, '-' and '_' ({@link ProfileReader#SERVICE_ID}). */
  static final class IdDeserializer extends JsonDeserializer<String> {
    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String id = new TextDeserializer().deserialize(p, ctxt);
      if (!ProfileReader.SERVICE_ID.matcher(id).matches()) {
        throw problem(p, "service id '" + shown(id) + "' must be lower-case letters, digits, '-' or '_' (at most 64), starting with a letter or digit");
      }
      return id;
    }
  }

  /** A year from {@link ProfileReader#MIN_YEAR} to {@link ProfileReader#MAX_YEAR}. */
  static final class YearDeserializer extends JsonDeserializer<Integer> {
    @Override
    public Integer deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_NUMBER_INT) throw problem(p, "a year must be a whole number such as 2025, got " + describe(p));
      java.math.BigInteger y = p.getBigIntegerValue();
      if (y.compareTo(java.math.BigInteger.valueOf(ProfileReader.MIN_YEAR)) < 0 || y.compareTo(java.math.BigInteger.valueOf(ProfileReader.MAX_YEAR)) > 0) {
        throw problem(p, "the year " + shown(p.getText()) + " is out of range (" + ProfileReader.MIN_YEAR + " to " + ProfileReader.MAX_YEAR + ")");
      }
      return y.intValue();
    }
  }

  static final class QuantityDeserializer extends JsonDeserializer<Double> {
    @Override
    public Double deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (t == JsonToken.VALUE_NUMBER_INT || t == JsonToken.VALUE_NUMBER_FLOAT) {
        double v = p.getDoubleValue() + 0.0;
        if (!Double.isFinite(v) || v < 0) throw problem(p, "the value must be a finite number not below 0, got " + shown(p.getText()));
        return v;
      }
      throw problem(p, "the value must be a number (e.g. 3.0e25), got " + describe(p));
    }
  }

  /**
   * A date as the schema's pattern says (the reader then checks it is a real calendar date and in
   * range): YYYY-MM-DD, years {@value ProfileReader#MIN_YEAR} to {@value ProfileReader#MAX_YEAR}.
   */
  static final String DATE_PATTERN = "^ *(19[0-9]{2}|2[01][0-9]{2}|2200)-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01]) *$";

  private static final Pattern DATE_WRITTEN = Pattern.compile(" *[0-9]{4}-[0-9]{2}-[0-9]{2} *");

  static final class DateDeserializer extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) throw problem(p, "a date must be written YYYY-MM-DD, got " + describe(p));
      try {
        if (!DATE_WRITTEN.matcher(p.getText()).matches()) throw new DateTimeParseException("not YYYY-MM-DD", p.getText(), 0);
        LocalDate d = LocalDate.parse(p.getText().strip());
        if (d.getYear() < ProfileReader.MIN_YEAR || d.getYear() > ProfileReader.MAX_YEAR) {
          throw problem(p, "the date " + d + " is out of range (" + ProfileReader.MIN_YEAR + " to " + ProfileReader.MAX_YEAR + ")");
        }
        return d;
      } catch (DateTimeParseException e) {
        throw problem(p, "a date must be a real calendar date written YYYY-MM-DD, got \"" + shown(p.getText()) + "\"");
      }
    }
  }

  static final class WordDeserializer extends JsonDeserializer<String> implements ContextualDeserializer {
    private final Vocabulary vocabulary;

    WordDeserializer() {
      this(null);
    }

    WordDeserializer(Vocabulary vocabulary) {
      this.vocabulary = vocabulary;
    }

    @Override
    public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
      Units.Word w = property == null ? null : property.getAnnotation(Units.Word.class);
      return w == null ? this : new WordDeserializer(w.value());
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      JsonToken t = p.currentToken();
      if (!t.isScalarValue()) throw problem(p, "expected one word, got " + describe(p));
      String word = p.getText();
      if (vocabulary == null || vocabulary.contains(word)) return word;
      List<String> near = vocabulary.suggestions(word);
      String allowed = vocabulary.words().size() <= 20 ? "; allowed: " + String.join(", ", vocabulary.words()) : "";
      throw problem(p, "unknown value \"" + shown(word) + "\""
          + (near.isEmpty() ? "" : "; did you mean " + String.join(" or ", near.stream().map(s -> "\"" + s + "\"").toList()) + "?")
          + allowed);
    }
  }
}
