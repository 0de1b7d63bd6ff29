package dev.kdpc.render;

import dev.kdpc.report.Change;
import dev.kdpc.report.Finding;
import dev.kdpc.report.Flip;
import dev.kdpc.report.Kind;
import dev.kdpc.report.Outcome;
import dev.kdpc.report.Sanction;
import dev.kdpc.report.Status;
import dev.kdpc.report.Test;
import java.util.List;
import java.util.Map;

/**
 * The words the review formats share, in English and Korean, and the choices they share: which test
 * decides a finding, how a flip and a sanction ceiling read.
 */
final class Words {
  private Words() {}

  private static final Map<String, String[]> W = Map.ofEntries(
      Map.entry("memo", new String[] {"Regulatory review memo", "규제 검토 메모"}),
      Map.entry("summary", new String[] {"Summary", "요약"}),
      Map.entry("findings", new String[] {"Findings", "검토 결과"}),
      Map.entry("register", new String[] {"Obligation register", "의무 목록"}),
      Map.entry("near", new String[] {"Near misses", "기준 근접 미달"}),
      Map.entry("whatif", new String[] {"What if", "가정 분석 (what-if)"}),
      Map.entry("whynot", new String[] {"Why the criteria are not met", "요건 미충족 사유 (why-not)"}),
      Map.entry("meaning", new String[] {"What it means", "의미"}),
      Map.entry("rule", new String[] {"Rule", "규칙"}),
      Map.entry("service", new String[] {"Service", "서비스"}),
      Map.entry("finding", new String[] {"Finding", "검토 항목"}),
      Map.entry("outcome", new String[] {"Outcome", "결과"}),
      Map.entry("status", new String[] {"Status", "법적 상태"}),
      Map.entry("basis", new String[] {"Basis", "근거"}),
      Map.entry("duty", new String[] {"Duty", "의무"}),
      Map.entry("ban", new String[] {"Ban", "금지 행위"}),
      Map.entry("eligibility", new String[] {"Eligibility", "이용 적격"}),
      Map.entry("kind", new String[] {"Kind", "구분"}),
      Map.entry("ceiling", new String[] {"Sanction ceiling", "제재 상한"}),
      Map.entry("reasons", new String[] {"Reasons", "판단 근거"}),
      Map.entry("citation", new String[] {"Citation", "근거 법령"}),
      Map.entry("source", new String[] {"Source", "출처"}),
      Map.entry("notes", new String[] {"Notes", "비고"}),
      Map.entry("reading", new String[] {"Other reading", "다른 해석"}),
      Map.entry("inputnotice", new String[] {"Input", "입력"}),
      Map.entry("missing", new String[] {"Facts not stated", "기재되지 않은 사실"}),
      Map.entry("immaterial", new String[] {"Not stated, could not change the outcome", "기재되지 않았으나 결과를 바꿀 수 없는 사실"}),
      Map.entry("immaterial_text", new String[] {"not stated, could not change the outcome", "기재되지 않았으나 결과를 바꿀 수 없는 사실"}),
      Map.entry("restson", new String[] {"Rests on", "전제 지정"}),
      Map.entry("justification", new String[] {"Justification claimed", "주장된 정당한 사유"}),
      Map.entry("burden", new String[] {"burden of proof", "입증 책임"}),
      Map.entry("flip", new String[] {"One fact that would change it", "결과를 바꾸는 단일 사실"}),
      Map.entry("profile", new String[] {"Profile", "프로필"}),
      Map.entry("company", new String[] {"Company", "회사"}),
      Map.entry("companywide", new String[] {"(company)", "(회사 전체)"}),
      Map.entry("asof", new String[] {"As of", "기준일"}),
      Map.entry("scenario", new String[] {"Scenario", "시나리오"}),
      Map.entry("regimes", new String[] {"Regimes evaluated", "검토한 규제"}),
      Map.entry("rules", new String[] {"Rules digest", "규칙 다이제스트"}),
      Map.entry("tool", new String[] {"Tool", "도구"}),
      Map.entry("none", new String[] {"none", "없음"}),
      Map.entry("nofindings", new String[] {"No findings under the regimes evaluated.", "검토한 규제에 해당하는 항목이 없습니다."}),
      Map.entry("noduties", new String[] {"No duty or ban applies under the regimes evaluated.", "검토한 규제상 적용되는 의무나 금지 행위가 없습니다."}),
      Map.entry("set", new String[] {"Facts changed", "변경한 사실"}),
      Map.entry("changes", new String[] {"Changes against the profile as written", "원래 프로필 대비 변경된 결과"}),
      Map.entry("nochange", new String[] {"No finding changes.", "변경된 결과가 없습니다."}),
      Map.entry("error", new String[] {"Error", "오류"}),
      Map.entry("regime", new String[] {"Regime", "규제"}),
      Map.entry("item", new String[] {"Item", "항목"}),
      Map.entry("value", new String[] {"Value", "내용"}),
      Map.entry("meaning_unmet", new String[] {"a test of the duty fails on the stated facts.",
          "기재된 사실상 의무의 요건 중 하나가 충족되지 않습니다."}),
      Map.entry("meaning_undetermined", new String[] {"a fact the profile does not state could change the outcome; the result names it.",
          "프로필에 기재되지 않은 사실이 결과를 바꿀 수 있습니다. 결과에 그 사실이 표시됩니다."}),
      Map.entry("sarif_automation", new String[] {"kdpc check, category {category}, as of {date}",
          "kdpc 검토, 분류 {category}, 기준일 {date}"}),
      Map.entry("sarif_limit", new String[] {
          "This run holds {n} results, more than the {limit} that GitHub code scanning accepts in one run: check the folder in parts"
              + " and upload each part with a category of its own.",
          "이 실행의 결과는 {n}건으로, GitHub 코드 스캐닝이 한 실행에서 받는 {limit}건을 넘습니다. 폴더를 나누어 검토하고 각각 다른 분류(category)로"
              + " 올리십시오."}),
      Map.entry("h_designations", new String[] {"DESIGNATIONS", "지정"}),
      Map.entry("h_obligations", new String[] {"OBLIGATIONS", "의무"}),
      Map.entry("h_eligibility", new String[] {"ELIGIBILITY (what a public body or other buyer may do)", "이용 적격 (공공기관 등 구매자가 할 수 있는 것)"}),
      Map.entry("h_prohibitions", new String[] {"PROHIBITIONS", "금지 행위"}),
      Map.entry("h_near", new String[] {"NEAR MISSES (designation tests failed by less than %s)", "기준 근접 미달 (지정 요건에 %s 미만 차이로 미달)"}),
      Map.entry("h_whatif", new String[] {"WHAT IF", "가정 분석"}),
      Map.entry("h_whynot", new String[] {"WHY NOT MET (per regime: the designation tests that failed)", "요건 미충족 사유 (규제별: 충족되지 않은 지정 요건)"}),
      Map.entry("t_asof", new String[] {"as of", "기준일"}),
      Map.entry("t_scenario", new String[] {"scenario", "시나리오"}),
      Map.entry("t_rules", new String[] {"rules", "규칙"}),
      Map.entry("t_notice", new String[] {"Note", "알림"}),
      Map.entry("t_error", new String[] {"ERROR", "오류"}),
      Map.entry("t_nofindings", new String[] {"no findings", "검토 항목 없음"}),
      Map.entry("t_whatif", new String[] {"what-if", "가정 분석"}),
      Map.entry("t_new", new String[] {"new", "신규"}),
      Map.entry("t_newfinding", new String[] {"new finding", "신규 항목"}),
      Map.entry("t_was", new String[] {"was", "이전"}),
      Map.entry("t_meaning", new String[] {"meaning", "의미"}),
      Map.entry("t_setby", new String[] {"(set by --set)", "(--set으로 설정)"}),
      Map.entry("t_flip", new String[] {"would be met with one fact changed", "사실 하나를 바꾸면 충족"}),
      Map.entry("t_missing", new String[] {"missing", "기재되지 않은 사실"}),
      Map.entry("t_restson", new String[] {"rests on", "전제 지정"}),
      Map.entry("t_justification", new String[] {"justification claimed", "주장된 정당한 사유"}),
      Map.entry("t_ceiling", new String[] {"sanction ceiling", "제재 상한"}),
      Map.entry("t_onfigures", new String[] {"; on the profile's figures at most ", "; 프로필 수치 기준 최대 "}),
      Map.entry("ceiling_note", new String[] {Sanction.CEILING_NOTE, "법정 상한이며 과징금·과태료 추정액이 아님"}),
      Map.entry("t_note", new String[] {"note", "비고"}),
      Map.entry("t_source", new String[] {"source", "출처"}),
      Map.entry("t_set", new String[] {"set", "설정"}),
      Map.entry("t_nochange", new String[] {"No finding changes against the profile as written.", "원래 프로필 대비 변경된 결과가 없습니다."}),
      Map.entry("t_changes", new String[] {"Changes against the profile as written:", "원래 프로필 대비 변경된 결과:"}),
      Map.entry("t_nofinding", new String[] {"no finding", "항목 없음"}),
      Map.entry("t_nochanges", new String[] {"No finding added, removed or changed.", "추가·삭제·변경된 항목이 없습니다."}),
      Map.entry("t_compare", new String[] {"before after change rule cause (scenario, as of) (regimes, as of)", "이전 이후"}),
      Map.entry("t_because", new String[] {"because", "원인"}),
      Map.entry("t_line", new String[] {"(line %d)", "(%d행)"}),
      Map.entry("t_notdesignated", new String[] {"not designated", "지정 대상 아님"}),
      Map.entry("t_company", new String[] {"company", "회사"}),
      Map.entry("t_service", new String[] {"service", "서비스"}),
      Map.entry("t_flipit", new String[] {"one fact would flip it", "사실 하나로 결과가 바뀜"}),
      Map.entry("t_margin", new String[] {"margin", "여유"}),
      Map.entry("t_notstated", new String[] {"not stated", "기재 없음"}),
      Map.entry("t_won", new String[] {"won", "원"}),
      Map.entry("t_short", new String[] {"short by", "부족"}),
      Map.entry("t_over", new String[] {"over by", "초과"}),
      Map.entry("t_points", new String[] {"percentage points", "%p"}),
      Map.entry("t_included", new String[] {"included", "포함"}),
      Map.entry("t_notincluded", new String[] {"not included", "불포함"}),
      Map.entry("t_appliesonlyif", new String[] {"applies only if", "적용 조건"}),
      Map.entry("t_entries", new String[] {"number of entries", "항목 수"}),
      Map.entry("t_topfirms", new String[] {"this firm among the top firms with a share monthly users each combined share of the own share is not presumed ranks at least as high as", "상위 사업자"}),
      Map.entry("t_reading", new String[] {"not known met not met", "알 수 없음 충족 미충족"}),
      Map.entry("t_whynotnotes", new String[] {"No designation under is met for the company, so the regime's duties do not attach through it. The regime's bans apply to designated services only; is not designated. The profile states, but it is not a violation of the bans of: they apply to designated services only, and no designation of under is met.", "지정 요건"}),
      Map.entry("t_notices", new String[] {"not applied: not yet announced on (first appears) lapsed on; evaluated because it was asked for by name, findings are marked lapsed status left out: the regime has no designation rule, so it catches nobody by a test (its duties or eligibility apply by themselves)", "알림"}),
      Map.entry("t_scenarios", new String[] {"in force with proposals", "현행법 법안 포함"}),
      Map.entry("disclaimer", new String[] {
          "Prepared by kdpc from the facts stated in the profile; not legal advice. Each sanction figure is a "
              + Sanction.CEILING_NOTE + ". Findings marked proposed or lapsed are not law in force. A potential violation is a risk, not a "
              + "violation: only the regulator's finding that the conduct is unfair makes it one. A presumption is not a designation.",
          "프로필에 기재된 사실만으로 kdpc가 작성한 검토 자료이며 법률 자문이 아닙니다. 제재 금액은 법정 상한이며 과징금·과태료 추정액이 아닙니다. "
              + "'제안' 또는 '폐기·실효'로 표시된 항목은 현행법이 아닙니다. '위반 소지'는 위험을 뜻하며, 위반은 규제기관이 행위의 부당성을 "
              + "인정하여야 성립합니다. 추정은 지정이 아닙니다."}));

  /** Every English text of the vocabulary (the English side of {@link #w}, the outcomes, statuses, kinds and changes). */
  static List<String> english() {
    List<String> out = new java.util.ArrayList<>();
    for (String[] v : W.values()) out.add(v[0]);
    for (Outcome o : Outcome.values()) {
      out.add(outcome(o, "en"));
      for (Status s : Status.values()) out.add(outcome(o, s, "en"));
    }
    for (Status s : Status.values()) out.add(status(s, "en"));
    for (Kind k : Kind.values()) out.add(kind(k, "en"));
    for (Change.Type t : Change.Type.values()) out.add(change(t, "en"));
    return out;
  }

  /** {@code (line N)} in {@code lang}. */
  static String line(int n, String lang) {
    return String.format(java.util.Locale.ROOT, w("t_line", lang), n);
  }

  static String w(String key, String lang) {
    String[] v = W.get(key);
    if (v == null) throw new IllegalArgumentException(key);
    return "ko".equals(lang) ? v[1] : v[0];
  }

  /**
   * An outcome in words, as a table cell shows it. The words claim no more than the law: a presumption
   * reads "presumed (rebuttable)", a flagged conduct "potential violation", never "violation". See
   * docs/REPORT.md for what each word claims and what it does not.
   */
  static String outcome(Outcome o, String lang) {
    boolean ko = "ko".equals(lang);
    return switch (o) {
      case PRESUMED -> ko ? "추정 (반증 가능)" : "presumed (rebuttable)";
      case MEETS_CRITERIA -> ko ? "요건 충족" : "meets the criteria";
      case NOT_MET -> ko ? "요건 미충족" : "not met";
      case UNDETERMINED -> ko ? "판단 불가" : "undetermined";
      case MET -> ko ? "이행" : "met";
      case UNMET -> ko ? "미이행" : "unmet";
      case ELIGIBLE -> ko ? "이용 적격" : "eligible";
      case INELIGIBLE -> ko ? "이용 부적격" : "ineligible";
      case POTENTIAL_VIOLATION -> ko ? "위반 소지" : "potential violation";
      case JUSTIFICATION_CLAIMED -> ko ? "정당한 사유 주장" : "justification claimed";
      case CLEAR -> ko ? "해당 행위 없음" : "clear";
    };
  }

  /**
   * An outcome in words for a finding whose rule has {@code status}: not in force (proposed, promulgated
   * or lapsed), a potential violation "would be" one, and an eligibility "would be" eligible or not.
   */
  static String outcome(Outcome o, Status status, String lang) {
    if (status == null || status == Status.IN_FORCE) return outcome(o, lang);
    boolean ko = "ko".equals(lang);
    return switch (o) {
      case POTENTIAL_VIOLATION -> ko ? "금지될 수 있음 (위반 소지)" : "would be a potential violation";
      case ELIGIBLE -> ko ? "이용 적격 (시행 시)" : "would be eligible";
      case INELIGIBLE -> ko ? "이용 부적격 (시행 시)" : "would be ineligible";
      default -> outcome(o, lang);
    };
  }

  /** The outcome of {@code f} in words (see {@link #outcome(Outcome, Status, String)}). */
  static String outcome(Finding f, String lang) {
    return outcome(f.outcome(), f.status(), lang);
  }

  /**
   * What the outcome of {@code f} claims in law, in one sentence, for the outcomes whose word needs it
   * (a presumption, criteria met, a potential violation, an eligibility); null for the others.
   */
  static String meaning(Finding f, String lang) {
    return meaning(f.outcome(), f.status() == null || f.status() == Status.IN_FORCE, lang);
  }

  /** What {@code outcome} claims in law, under law in force or not ({@link #meaning(Finding, String)}). */
  static String meaning(Outcome outcome, boolean inForce, String lang) {
    boolean ko = "ko".equals(lang);
    return switch (outcome) {
      case PRESUMED -> ko ? "법이 추정할 뿐 지정이 아니며, 사업자는 반증으로 추정을 번복할 수 있습니다."
          : "the law presumes it; nobody designates it, and the firm may rebut the presumption.";
      case MEETS_CRITERIA -> ko ? "법령의 요건을 충족하므로 그 요건에 따른 의무가 적용되거나 규제기관이 지정할 수 있습니다."
          : "the criteria are met: the duties attach by them, or the regulator designates on them.";
      case POTENTIAL_VIOLATION -> inForce
          ? (ko ? "행위가 있고 정당한 사유가 기재되지 않았습니다. 위반은 규제기관이 행위의 부당성을 인정하여야 성립합니다."
              : "the conduct is stated present with no justification; the regulator would have to show the conduct is unfair.")
          : (ko ? "법안이 입법되면 금지될 수 있는 행위입니다. 위반은 규제기관이 행위의 부당성을 인정하여야 성립합니다."
              : "the conduct would be prohibited under the proposal; the regulator would have to show it is unfair.");
      case ELIGIBLE -> ko ? "공공기관 등 구매자가 이 서비스를 이용할 수 있습니다 (사업자의 의무가 아님)."
          : "a public body (or other buyer) may use the service; not a duty of the provider.";
      case INELIGIBLE -> ko ? "공공기관 등 구매자가 이 서비스를 이용할 수 없습니다. 사업자의 법 위반을 뜻하지 않습니다."
          : "a public body (or other buyer) may not use the service; this is not a breach of law by the provider.";
      default -> null;
    };
  }

  /** An other reading of the law's text: its label, its outcome and the tests it turns on. */
  static String reading(dev.kdpc.report.Reading r, String lang) {
    return r.reading() + ": " + outcome(r.outcome(), lang) + " (" + r.note() + ")";
  }

  /** An other reading of {@code f} in {@code lang}: the label in the rule's Korean, the tests in Korean. */
  static String reading(Finding f, dev.kdpc.report.Reading r, String lang) {
    if (!"ko".equals(lang)) return reading(r, lang);
    return f.text(r.reading(), lang) + ": " + outcome(r.outcome(), lang) + " (" + Ko.readingNote(r.note()) + ")";
  }

  static String status(Status s, String lang) {
    if (!"ko".equals(lang)) return s.id().replace('_', ' ');
    return switch (s) {
      case IN_FORCE -> "시행 중";
      case PROMULGATED -> "공포 (시행 전)";
      case PROPOSED -> "제안 (입법 전)";
      case LAPSED -> "폐기·실효";
    };
  }

  /**
   * The kind of a register row: a duty, an eligibility (what a buyer may do with the service, not a duty
   * of the provider) or a ban.
   */
  static String registerKind(Kind k, String lang) {
    return w(switch (k) {
      case OBLIGATION -> "duty";
      case ELIGIBILITY -> "eligibility";
      case PROHIBITION -> "ban";
      case DESIGNATION -> throw new IllegalArgumentException("the register holds no designation");
    }, lang);
  }

  static String kind(Kind k, String lang) {
    if (!"ko".equals(lang)) return k.id();
    return switch (k) {
      case DESIGNATION -> "지정";
      case OBLIGATION -> "의무";
      case ELIGIBILITY -> "이용 적격";
      case PROHIBITION -> "금지 행위";
    };
  }

  static String change(Change.Type t, String lang) {
    if (!"ko".equals(lang)) return t.id();
    return switch (t) {
      case ADDED -> "추가";
      case REMOVED -> "삭제";
      case CHANGED -> "변경";
    };
  }

  /** {@code +}, {@code -} or {@code ?} for a test met, failed or unknown. */
  static String mark(Test t) {
    return t.met() == null ? "?" : t.met() ? "+" : "-";
  }

  /**
   * The test that decides the finding: for a designation not met or a duty unmet, the first failed
   * test; for a prohibition, the practice; for an undetermined finding, the first unknown fact; for a
   * designation or duty met, the test nearest its line. Null when the finding has no tests.
   */
  static Test decisive(Finding f) {
    List<Test> tests = f.because();
    if (tests.isEmpty()) return null;
    switch (f.outcome()) {
      case NOT_MET, UNMET, INELIGIBLE -> {
        for (Test t : tests) if (Boolean.FALSE.equals(t.met()) && !"applies only if".equals(t.label())) return t;
      }
      case POTENTIAL_VIOLATION, JUSTIFICATION_CLAIMED, CLEAR -> {
        for (Test t : tests) if (t.fact().endsWith(".present")) return t;
      }
      case UNDETERMINED -> {
        for (Test t : tests) if (t.met() == null) return t;
      }
      default -> {
        Test best = null;
        for (Test t : tests) {
          if (t.margin() != null && Boolean.TRUE.equals(t.met()) && (best == null || t.margin() < best.margin())) best = t;
        }
        if (best != null) return best;
      }
    }
    return tests.get(0);
  }

  /** A flip in words: {@code services.comics.users.daily_average_kr 960,000 → 1,000,000 (line 21)}. */
  static String flip(Flip f, String arrow) {
    return flip(f, arrow, "en");
  }

  /** A flip in words in {@code lang}. */
  static String flip(Flip f, String arrow, String lang) {
    String unit = f.unit();
    return f.fact() + " " + Format.value(f.from(), unit, lang) + " " + arrow + " " + Format.value(f.to(), unit, lang)
        + (f.line() > 0 ? " " + line(f.line(), lang) : "");
  }

  /** The {@code --set} argument that applies a flip. */
  static String flipSet(Flip f) {
    return "--set " + f.setArgument();
  }

  /** A sanction ceiling in words, with the amount on the profile's figures where known. */
  static String sanction(Sanction s, String lang) {
    return sanction(null, s, lang);
  }

  /** The sanction ceiling of {@code f} (null: none) in words in {@code lang}, the text in the rule's Korean. */
  static String sanction(Finding f, Sanction s, String lang) {
    if (s == null) return w("none", lang);
    String t = f == null ? s.text() : f.text(s.text(), lang);
    if (s.maxKrw() != null) t += w("t_onfigures", lang) + Format.value(s.maxKrw(), "krw", lang);
    else if (s.flatCapKrw() != null && s.rate() == null) t += " (" + Format.value(s.flatCapKrw(), "krw", lang) + ")";
    return t;
  }

  /** The service id, or "(company)". */
  static String subject(Finding f, String lang) {
    return f.service() == null ? w("companywide", lang) : f.service();
  }

  /** The first URL of a source list ({@code "a; b"}), or null. */
  static String firstUrl(String source) {
    if (source == null) return null;
    for (String s : source.split(";\\s*")) {
      String u = s.strip();
      if (u.startsWith("http://") || u.startsWith("https://")) return u;
    }
    return null;
  }

  /** The URLs of a source list. */
  static List<String> urls(String source) {
    if (source == null) return List.of();
    return java.util.Arrays.stream(source.split(";\\s*")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
