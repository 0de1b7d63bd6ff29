package dev.kdpc.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kdpc.TestSupport;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The reader's main contract: strict, tri-state, located errors. Hostile inputs: see the invalid/ fixtures. */
class ProfileReaderTest {
  private static Profile read(String yaml) {
    return new ProfileReader().read("p.yaml", yaml.getBytes(StandardCharsets.UTF_8));
  }

  private static ProfileException error(String yaml) {
    try {
      read(yaml);
    } catch (ProfileException e) {
      return e;
    }
    throw new AssertionError("expected a ProfileException for:\n" + yaml);
  }

  @Test
  void absentFactsStayUnknownNeverFalse() {
    Profile p = read("kdpc: 1\ncompany: { name: X }\nservices: [ { id: a } ]\n");
    assertThat(p.company().koreanOffice()).isNull();
    assertThat(p.services().get(0).users()).isNull();
    assertThat(p.cloud()).isNull();
  }

  @Test
  void sharesReadAsFractionsOrPercentStrings() {
    Profile p = read("kdpc: 1\nservices:\n  - { id: a, market: { share: \"57.3%\" }, traffic_share_kr: 0.012 }\n");
    assertThat(p.services().get(0).market().share()).isEqualTo(0.573);
    assertThat(p.services().get(0).trafficShareKr()).isEqualTo(0.012);
  }

  @Test
  void moneyAcceptsUnderscores() {
    assertThat(read("kdpc: 1\ncompany: { revenue_krw: { global: 350_000_000_000_000 } }\n").company().revenueKrw().global())
        .isEqualTo(350_000_000_000_000L);
  }

  @Test
  void sourceMapLocatesFactsByPath() {
    Profile p = read("kdpc: 1\nservices:\n  - id: tube\n    market:\n      share: 0.7\n");
    assertThat(p.sourceMap().exact("services.tube.market.share")).isEqualTo(new SourceLocation(5, 7));
    assertThat(p.sourceMap().locate("services.tube.market.leaders")).isEqualTo(new SourceLocation(4, 5));
  }

  @Test
  void errorsNameLineColumnAndField() {
    ProfileException e = error("kdpc: 1\ncompany:\n  revenue_krw: { korea: -5 }\n");
    assertThat(e.location()).isEqualTo(new SourceLocation(3, 25));
    assertThat(e.field()).isEqualTo("company.revenue_krw.korea");
    assertThat(e.getMessage()).startsWith("p.yaml:3:25: field 'company.revenue_krw.korea': ").contains("must not be negative");
  }

  @Test
  void duplicateKeysAreRefusedWithTheFirstPosition() {
    ProfileException e = error("kdpc: 1\ncompany:\n  name: A\n  name: B\n");
    assertThat(e.getMessage()).contains("p.yaml:4:3").contains("duplicate key 'name'").contains("line 3");
  }

  @Test
  void aliasesAreRefusedNotReadAsText() {
    assertThat(error("kdpc: 1\ncompany: &c { name: A }\ncloud: *c\n").getMessage()).contains("anchors");
  }

  @Test
  void yesAndNoAreNotBooleans() {
    assertThat(error("kdpc: 1\ncompany: { korean_office: yes }\n").getMessage()).contains("expected true or false");
    assertThat(read("kdpc: 1\ncompany: { headquarters: NO }\n").company().headquarters()).isEqualTo("NO");
  }

  @Test
  void unknownCategorySuggestsTheNearestWord() {
    assertThat(error("kdpc: 1\nservices: [ { id: a, category: serch } ]\n").getMessage()).contains("did you mean \"search\"");
  }

  @Test
  void serviceIdsAreRequiredAndUnique() {
    assertThat(error("kdpc: 1\nservices: [ { name: A } ]\n").getMessage()).contains("needs an 'id'");
    assertThat(error("kdpc: 1\nservices: [ { id: a }, { id: a } ]\n").getMessage()).contains("used twice");
  }

  @Test
  void formatVersionIsRequired() {
    assertThat(error("company: { name: A }\n").getMessage()).contains("kdpc: 1");
    assertThat(error("kdpc: 2\n").getMessage()).contains("unsupported profile format version 2");
  }

  @Test
  void overridesReplaceFactsBeforeValidation() {
    Profile p = TestSupport.reader().read("p.yaml", "kdpc: 1\nservices: [ { id: s, market: { share: 0.5 } } ]\n".getBytes(StandardCharsets.UTF_8),
        java.util.Map.of("services.s.market.share", "\"61%\"", "company.korean_office", "false"));
    assertThat(p.services().get(0).market().share()).isEqualTo(0.61);
    assertThat(p.company().koreanOffice()).isFalse();
    assertThatThrownBy(() -> TestSupport.reader().read("p.yaml", "kdpc: 1\n".getBytes(StandardCharsets.UTF_8),
        java.util.Map.of("services.zz.market.share", "0.5"))).hasMessageContaining("no service with id 'zz'");
  }
}
