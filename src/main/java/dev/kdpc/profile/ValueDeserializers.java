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

  private static final Pattern PERCENT = Pattern.compile("\\s*([0-9]+(?:\\.[0-9]+)?)\\s*%\\s*");

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
        if (pct.compareTo(BigDecimal.valueOf(100)) > 0) {
          throw problem(p, "a percent share must be from 0% to 100%, got \"" + shown(p.getText()) + "\"");
        }
        return pct.movePointLeft(2).doubleValue() + 0.0;
      }
      throw problem(p, "a share must be a fraction from 0 to 1 or a percent string, got " + describe(p));
    }
  }

  static long wholeNumber(JsonParser p, String what) throws IOException {
    JsonToken t = p.currentToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      if (p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
        if (p.getBigIntegerValue().signum() < 0) throw problem(p, what + " must not be negative, got " + shown(p.getText()));
        throw problem(p, what + " is too large: " + shown(p.getText()) + " (the largest is " + Long.MAX_VALUE + ")");
      }
      long v = p.getLongValue();
      if (v < 0) throw problem(p, what + " must not be negative, got " + p.getText());
      return v;
    }
    if (t == JsonToken.VALUE_NUMBER_FLOAT) {
      throw problem(p, what + " must be a whole number, got " + p.getText());
    }
    throw problem(p, what + " must be a whole number (underscores allowed, e.g. 1_000_000), got " + describe(p));
  }

  static final class MoneyDeserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return wholeNumber(p, "an amount in won");
    }
  }

  static final class CountDeserializer extends JsonDeserializer<Long> {
    @Override
    public Long deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      return wholeNumber(p, "a count");
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

  static final class DateDeserializer extends JsonDeserializer<LocalDate> {
    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (p.currentToken() != JsonToken.VALUE_STRING) throw problem(p, "a date must be written YYYY-MM-DD, got " + describe(p));
      try {
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
