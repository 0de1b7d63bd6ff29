package dev.kdpc.render;

import dev.kdpc.report.Test;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Korean of the words kdpc's Java writes into a report: values ({@code 원}, {@code 기재 없음}), the labels of the
 * tests {@link dev.kdpc.rules.Assessment} makes (top-firm tests, "applies only if", ranks), margins and shortfalls,
 * and the notes of other readings. The rules' own texts come in Korean from the rules ({@code @article_ko},
 * {@code @note_ko}, {@code .ko("…")}); see rules/README.md.
 */
final class Ko {
  private Ko() {}

  /** A value in Korean: won as {@code 원}, booleans as 예/아니요, nothing as 기재 없음. */
  static String value(Object v, String unit) {
    if (v == null) return "기재 없음";
    if (v instanceof Boolean b) return b ? "예" : "아니요";
    if (v instanceof Number n && "krw".equals(unit)) return String.format(Locale.ROOT, "%,d원", n.longValue());
    if ("(stated)".equals(v)) return "(기재됨)";
    if ("included".equals(v)) return "포함";
    if ("not included".equals(v)) return "불포함";
    if ("true".equals(v)) return "예";
    if ("false".equals(v)) return "아니요";
    return Format.value(v, unit);
  }

  private static final Pattern TOP = Pattern.compile(
      "top (\\d+) firms(?: with a share ≥ ([0-9.]+%))?(?:(?: and| with) ≥ ([0-9,]+) monthly users each)?");
  private static final Pattern AMONG = Pattern.compile("this firm among the (.+?)(?: \\((.*)\\))?");
  private static final Pattern COMBINED = Pattern.compile("combined share of the (.+)");
  private static final Pattern OWN = Pattern.compile("this firm's own share \\(a firm under ([0-9.]+%) is not presumed\\)");
  private static final Pattern RANKS = Pattern.compile("ranks at least as high as (\\S+) \\((.*)\\)");

  /** The criteria of a top-firms test in Korean: {@code 시장점유율 10% 이상인 상위 3개 사업자}. */
  private static String criteria(String en) {
    Matcher m = TOP.matcher(en);
    if (!m.matches()) return en;
    StringBuilder b = new StringBuilder();
    if (m.group(2) != null) b.append("시장점유율 ").append(m.group(2)).append(" 이상");
    if (m.group(3) != null) b.append(b.length() > 0 ? "이고 " : "").append("월간 이용자 ").append(m.group(3)).append("명 이상");
    return (b.length() > 0 ? b + "인 " : "") + "상위 " + m.group(1) + "개 사업자";
  }

  /** A test's label in Korean (labels that are not Java's, e.g. a future one, pass as they are). */
  static String label(String en) {
    if (en == null) return null;
    if (en.equals("applies only if")) return "적용 조건";
    if (en.equals("number of entries")) return "항목 수";
    Matcher m;
    if ((m = OWN.matcher(en)).matches()) return "이 사업자의 시장점유율 (" + m.group(1) + " 미만인 사업자는 추정되지 않음)";
    if ((m = COMBINED.matcher(en)).matches()) return criteria(m.group(1)) + "의 시장점유율 합계";
    if ((m = AMONG.matcher(en)).matches()) {
      String names = m.group(2) == null ? "" : " (" + ("none".equals(m.group(2)) ? "없음" : m.group(2)) + ")";
      return "이 사업자가 " + criteria(m.group(1)) + "에 포함되는지" + names;
    }
    if ((m = RANKS.matcher(en)).matches()) return m.group(1) + " 이상의 순위 (" + m.group(2) + ")";
    return en;
  }

  /** A comparison operator in Korean where it is a word ({@code in}, {@code in top}). */
  static String op(String op) {
    return switch (op) {
      case "in" -> "∈";
      case "in top" -> "≤ 상위";
      default -> op;
    };
  }

  /** One test in Korean, as {@link Format#test} writes it in English. */
  static String test(Test t) {
    String label = label(t.label());
    String subject = label != null ? label + " [" + t.fact() + "]" : t.fact();
    String thresholdUnit = "share".equals(t.unit()) || "krw".equals(t.unit()) || "count".equals(t.unit()) ? t.unit() : null;
    String threshold = t.threshold() instanceof Number ? value(t.threshold(), thresholdUnit)
        : t.threshold() instanceof Boolean ? value(t.threshold(), null) : String.valueOf(t.threshold());
    String s = subject + " = " + asWritten(t) + " " + op(t.op()) + " " + threshold;
    if (t.margin() != null) s += " (여유 " + Format.margin(t.margin()) + ")";
    return s;
  }

  /** {@link Format#asWritten} in Korean. */
  static String asWritten(Test t) {
    return Format.asWritten(t, value(t.value(), t.unit()));
  }

  /** {@link Format#shortfall} in Korean: {@code ; 40,000 부족 (4%)}. */
  static String shortfall(Test t) {
    String en = Format.shortfall(t);
    if (en.isEmpty()) return en;
    Matcher m = Pattern.compile("; (short|over) by (.+?)( \\(([^)]*)\\))?").matcher(en);
    if (!m.matches()) return en;
    String amount = m.group(2).replace(" percentage points", "%p").replaceAll("([0-9,]+) won$", "$1원");
    return "; " + amount + ("short".equals(m.group(1)) ? " 부족" : " 초과") + (m.group(3) == null ? "" : m.group(3));
  }

  private static final Pattern READING_TEST = Pattern.compile("(.+?): (.+?) (>=|<=|>|<|==|!=|in top|in) (.+?) \\((not known|met|not met)\\)");

  /** The note of an other reading (its tests, as {@code Assessment} writes them) in Korean. */
  static String readingNote(String en) {
    StringBuilder b = new StringBuilder();
    for (String part : en.split("; ")) {
      Matcher m = READING_TEST.matcher(part);
      if (b.length() > 0) b.append("; ");
      if (!m.matches()) {
        b.append(part);
        continue;
      }
      b.append(label(m.group(1))).append(": ").append(word(m.group(2))).append(' ').append(op(m.group(3))).append(' ')
          .append(word(m.group(4))).append(switch (m.group(5)) {
            case "met" -> " (충족)";
            case "not met" -> " (미충족)";
            default -> " (알 수 없음)";
          });
    }
    return b.toString();
  }

  private static String word(String v) {
    return switch (v) {
      case "not stated" -> "기재 없음";
      case "included" -> "포함";
      case "not included" -> "불포함";
      case "true" -> "예";
      case "false" -> "아니요";
      default -> v.replaceAll("^([0-9,]+) won$", "$1원");
    };
  }

  private static final Pattern WHO = Pattern.compile("the company|service (\\S+)");
  private static final Pattern NO_DESIGNATION = Pattern.compile("No designation under (\\S+) is met for (.+?), so the regime's duties \\((.*)\\) do not attach through it\\.");
  private static final Pattern BANS = Pattern.compile("The regime's bans \\((.*)\\) apply to designated services only; (.+?) is not designated\\.");
  private static final Pattern STATES = Pattern.compile("The profile states (.+?), but it is not a violation of the bans of (\\S+) \\((.*)\\): they apply to designated services only, and no designation of (.+?) under \\S+ is met\\.");

  private static String who(String en) {
    Matcher m = WHO.matcher(en);
    if (!m.matches()) return en;
    return m.group(1) == null ? "회사" : "서비스 " + m.group(1);
  }

  /** A note of a why-not part (written by {@code Review}) in Korean. */
  static String whyNotNote(String en) {
    Matcher m;
    if ((m = NO_DESIGNATION.matcher(en)).matches()) {
      return who(m.group(2)) + "에 대하여 " + m.group(1) + "의 지정 요건이 충족되지 않으므로, 그 규제의 의무(" + m.group(3) + ")가 적용되지 않습니다.";
    }
    if ((m = BANS.matcher(en)).matches()) {
      return "그 규제의 금지 행위(" + m.group(1) + ")는 지정된 서비스에만 적용되며, " + who(m.group(2)) + "은(는) 지정되지 않았습니다.";
    }
    if ((m = STATES.matcher(en)).matches()) {
      String stated = m.group(1).replace(" = true", " = 예").replaceAll("\\(line (\\d+)\\)", "($1행)");
      return "프로필에 " + stated + " 행위가 기재되어 있으나 " + m.group(2) + "의 금지 행위(" + m.group(3) + ") 위반이 아닙니다: 금지 행위는 지정된 서비스에만 적용되며, "
          + who(m.group(4)) + "은(는) " + m.group(2) + "의 지정 요건을 충족하지 않습니다.";
    }
    return en;
  }

  private static final Pattern NOT_ANNOUNCED = Pattern.compile("not applied: not yet announced on (\\S+) \\(first appears (\\S+)\\)");
  private static final Pattern LAPSED = Pattern.compile("lapsed on (\\S+); evaluated because it was asked for by name, findings are marked lapsed");
  private static final Pattern STATUS = Pattern.compile("status (\\S+) on (\\S+); evaluated because it was asked for by name");
  private static final String NO_DESIGNATION_RULE = "left out: the regime has no designation rule, so it catches nobody by a test (its duties or eligibility apply by themselves)";

  /** A notice of the report's head (written by {@code Checker}) in Korean. */
  private static final Pattern ROUNDED = Pattern.compile(
      "(\\S+): the leading firms' shares add up to (\\S+)%, over 100% by no more than rounding \\(at most (\\S+)% for (\\d+) shares written to (.+)\\); the shares are read as written");

  /** A notice about the profile's input (ProfileReader's rounded leaders' shares) in Korean; other text as it is. */
  static String inputNotice(String en) {
    Matcher m = ROUNDED.matcher(en);
    if (!m.matches()) return en;
    String precision = m.group(5);
    if (precision.endsWith(" percentage point")) precision = precision.replace(" percentage point", "%p") + " 단위로 기재된";
    else if (precision.startsWith("whole fractions")) precision = "정확한 소수로 기재된";
    else precision = "서로 다른 자릿수로 기재된";
    return m.group(1) + ": 상위 사업자 시장점유율 합계가 " + m.group(2) + "%로 100%를 넘지만 반올림 범위 이내입니다 ("
        + precision + " 점유율 " + m.group(4) + "개는 최대 " + m.group(3) + "%); 점유율을 기재된 그대로 읽습니다";
  }

  static String notice(String en) {
    Matcher m;
    if ((m = NOT_ANNOUNCED.matcher(en)).matches()) return "적용하지 않음: " + m.group(1) + " 현재 발표되지 않음 (최초 " + m.group(2) + ")";
    if ((m = LAPSED.matcher(en)).matches()) return m.group(1) + " 폐기·실효; 이름으로 요청되어 검토하였으며 결과는 폐기·실효로 표시됨";
    if ((m = STATUS.matcher(en)).matches()) {
      return m.group(2) + " 현재 " + Words.status(dev.kdpc.report.Status.parse(m.group(1)), "ko") + "; 이름으로 요청되어 검토함";
    }
    if (en.equals(NO_DESIGNATION_RULE)) return "제외: 지정 규칙이 없는 규제이므로 요건으로 포착되는 대상이 없음 (의무 또는 이용 적격이 그 자체로 적용됨)";
    return en;
  }

  /** A scenario's name in Korean. */
  static String scenario(String id) {
    return switch (id) {
      case "in-force" -> "현행법";
      case "with-proposals" -> "법안 포함";
      default -> id;
    };
  }

  private static final Pattern RESTS = Pattern.compile("rests on (\\S+)( \\[[^\\]]+\\])?, which went from (.+) to (.+)");
  private static final Pattern APPLIES = Pattern.compile("rule (\\S+) applies (?:from (\\S+))? ?(?:until (\\S+))?: only in the (first|second) evaluation \\(as of (\\S+), not as of (\\S+)\\)");
  private static final Pattern REGIME_ONE = Pattern.compile("(\\S+) is (.+?) on (\\S+): evaluated under (\\S+), not under (\\S+)");
  private static final Pattern REGIME_TWO = Pattern.compile("(\\S+) is (.+?) on (\\S+) \\(evaluated under (\\S+)\\) and (.+?) on (\\S+) \\(not evaluated under (\\S+)\\)");

  /** A designation's outcome or a status as {@code Compare} writes it (an id with spaces), in Korean. */
  private static String state(String en) {
    return switch (en) {
      case "no finding" -> "항목 없음";
      case "not yet announced" -> "발표 전";
      case "presumed" -> "추정";
      case "meets criteria" -> "요건 충족";
      case "not met" -> "요건 미충족";
      case "undetermined" -> "판단 불가";
      case "in_force", "in force" -> "시행 중";
      case "promulgated" -> "공포 (시행 전)";
      case "proposed" -> "제안 (입법 전)";
      case "lapsed" -> "폐기·실효";
      default -> en;
    };
  }

  /** A reason of a change between two evaluations (written by {@code Compare}) in Korean. */
  static String reason(String en) {
    Matcher m;
    if ((m = RESTS.matcher(en)).matches()) {
      return (m.group(2) == null ? "" : m.group(2).strip() + " ") + m.group(1) + " 지정에 근거하며, 그 지정이 " + state(m.group(3)) + "에서 "
          + state(m.group(4)) + "(으)로 바뀜";
    }
    if ((m = APPLIES.matcher(en)).matches()) {
      String when = (m.group(2) == null ? "" : m.group(2) + "부터") + (m.group(2) != null && m.group(3) != null ? " " : "")
          + (m.group(3) == null ? "" : m.group(3) + "까지");
      return "규칙 " + m.group(1) + "은(는) " + when + " 적용: " + ("first".equals(m.group(4)) ? "첫째" : "둘째") + " 검토에만 해당 ("
          + m.group(5) + " 기준, " + m.group(6) + " 기준 아님)";
    }
    if ((m = REGIME_ONE.matcher(en)).matches()) {
      return m.group(1) + "은(는) " + m.group(3) + " 현재 " + state(m.group(2)) + ": " + scenario(m.group(4)) + "에서 검토, "
          + scenario(m.group(5)) + "에서는 검토하지 않음";
    }
    if ((m = REGIME_TWO.matcher(en)).matches()) {
      return m.group(1) + "은(는) " + m.group(3) + " 현재 " + state(m.group(2)) + " (" + scenario(m.group(4)) + "에서 검토), "
          + m.group(6) + " 현재 " + state(m.group(5)) + " (" + scenario(m.group(7)) + "에서 검토하지 않음)";
    }
    return en;
  }

  private static final Pattern SIDE = Pattern.compile("(scenario|regimes) (\\S+), as of (\\S+)");
  private static final Pattern FILE_SIDE = Pattern.compile("(.*) \\(((?:scenario|regimes) \\S+, as of \\S+)\\)");

  /** One side of a comparison ({@code scenario in-force, as of DATE}, or {@code FILE (…)}) in Korean. */
  static String side(String en) {
    Matcher f = FILE_SIDE.matcher(en);
    if (f.matches()) return f.group(1) + " (" + side(f.group(2)) + ")";
    Matcher m = SIDE.matcher(en);
    if (!m.matches()) return en;
    return ("scenario".equals(m.group(1)) ? "시나리오 " + scenario(m.group(2)) : "규제 " + m.group(2)) + ", 기준일 " + m.group(3);
  }
}
