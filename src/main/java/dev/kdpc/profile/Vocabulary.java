package dev.kdpc.profile;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The fixed vocabularies of the profile format. These are the words a profile may use; which of them a
 * law covers (e.g. which categories are "intermediation") is decided in the rules, not here.
 */
public enum Vocabulary {
  CATEGORY(
      "intermediation", "search", "sns", "video", "os", "advertising", "messenger", "app_market",
      "ecommerce", "delivery", "cloud", "ai", "maps", "other"),
  SHARE_BASIS("revenue", "users", "usage_time", "transactions"),
  CSAP_TIER("none", "low", "medium", "high"),
  N2SF_CLASS("C", "S", "O"),
  SEPARATION("physical", "logical"),
  AI_AREA(
      "none", "energy", "drinking_water", "healthcare", "medical_devices", "nuclear",
      "biometric_investigation", "hiring", "lending", "individual_rights_decision", "transport",
      "public_services", "education", "other"),
  /** The kind of carrier registration under the Telecommunications Business Act (Arts. 6, 22; decree Art. 12). */
  CARRIER_REGISTRATION("none", "value_added", "facilities_based", "non_facilities_based"),
  /** Who holds a block of a carrier's shares (TBA Art. 8(1), (3)). */
  OWNER_KIND("government", "person", "corporation", "deemed_corporation"),
  /** Where a holding stands in the public-interest review of TBA Art. 10(1) item 4. */
  REVIEW_STATUS("none", "pending", "cleared", "refused"),
  COUNTRY(java.util.Locale.getISOCountries());

  private final List<String> words;

  Vocabulary(String... words) {
    this.words = List.of(words);
  }

  public List<String> words() {
    return words;
  }

  public boolean contains(String word) {
    return words.contains(word);
  }

  /**
   * The words closest to {@code word}, best first: the word itself in other letter case alone when
   * there is one ({@code kr} → {@code KR}); otherwise up to three words within an edit distance of 2
   * (1 for words of three letters or fewer, where 2 would match nearly everything), ignoring case.
   */
  public List<String> suggestions(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    for (String w : words) {
      if (w.equalsIgnoreCase(word)) return List.of(w);
    }
    int max = lower.length() <= 3 ? 1 : 2;
    Set<String> out = new TreeSet<>(
        Comparator.comparingInt((String w) -> distance(w.toLowerCase(Locale.ROOT), lower)).thenComparing(w -> w));
    for (String w : words) {
      if (distance(w.toLowerCase(Locale.ROOT), lower) <= max) out.add(w);
    }
    return out.stream().limit(3).toList();
  }

  static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
