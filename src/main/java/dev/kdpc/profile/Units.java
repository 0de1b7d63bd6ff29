package dev.kdpc.profile;

import com.fasterxml.jackson.annotation.JacksonAnnotationsInside;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The units of profile values. Each annotation both checks the value when the profile is read and tells
 * the report how to print it.
 */
public final class Units {
  private Units() {}

  /** A share: a fraction 0..1 ({@code 0.573}) or a percent string ({@code "57.3%"}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.ShareDeserializer.class)
  public @interface Share {}

  /** Money: whole Korean won, not negative. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.MoneyDeserializer.class)
  public @interface Krw {}

  /** A count (users, data subjects, days, a scale denominator): a whole number, not negative. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.CountDeserializer.class)
  public @interface Count {}

  /** A non-negative finite real number (e.g. training compute in FLOPs). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.QuantityDeserializer.class)
  public @interface Quantity {}

  /** A calendar date written as YYYY-MM-DD. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.DateDeserializer.class)
  public @interface Date {}

  /** One word from a fixed vocabulary (see {@link Vocabulary}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.WordDeserializer.class)
  public @interface Word {
    Vocabulary value();
  }

  /** A year (e.g. a fiscal year), from {@link ProfileReader#MIN_YEAR} to {@link ProfileReader#MAX_YEAR}. */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.YearDeserializer.class)
  public @interface Year {}

  /** An identifier findings refer to: lower-case letters, digits, '-' and '_' ({@link ProfileReader#SERVICE_ID_PATTERN}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
  @JacksonAnnotationsInside
  @JsonDeserialize(using = ValueDeserializers.IdDeserializer.class)
  public @interface Id {}

  /** A key the reader requires wherever its mapping is given (a service's id, a leading firm's share). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
  public @interface Required {}

  /** A list in which at most one item has the named boolean key set to true (the leaders' {@code self}). */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
  public @interface AtMostOne {
    /** The key, as the profile writes it. */
    String value();
  }

  /**
   * What a profile key means, for people: the schema's {@code description} and {@code examples}
   * ({@code kdpc schema}), which editors show on hover. Every key of the profile carries one;
   * {@code ProfileSchemaTest} fails, naming the key, when one does not.
   */
  @Retention(RetentionPolicy.RUNTIME)
  @Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.PARAMETER, ElementType.METHOD})
  public @interface Doc {
    /** What the value is, with its unit and period where it has them ("Korean data subjects, daily average ..."). */
    String value();

    /**
     * An example value, written as in a profile (a YAML scalar: {@code "\"4조 3,226억원\""}, {@code 0.38},
     * {@code true}, {@code KR}); empty for a mapping or a list, whose example is made from its keys'.
     */
    String example() default "";
  }

  /** The unit of a value, as the report names it. */
  public static String unitOf(java.lang.reflect.RecordComponent c) {
    if (c.isAnnotationPresent(Share.class)) return "share";
    if (c.isAnnotationPresent(Krw.class)) return "krw";
    if (c.isAnnotationPresent(Count.class)) return "count";
    if (c.isAnnotationPresent(Quantity.class)) return "quantity";
    if (c.isAnnotationPresent(Date.class)) return "date";
    if (c.getType() == Boolean.class) return "bool";
    return "text";
  }
}
