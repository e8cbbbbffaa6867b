package dev.kinora.shared.captions;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CaptionLanguagesTest {

  @Test
  void tagsAreCanonicalisedByCase() {
    assertThat(CaptionLanguages.canonical("EN-us")).contains("en-US");
    assertThat(CaptionLanguages.canonical("zh-hant-tw")).contains("zh-Hant-TW");
    assertThat(CaptionLanguages.canonical("es-419")).contains("es-419");
    assertThat(CaptionLanguages.canonical("und")).contains("und");
  }

  @Test
  void somethingThatIsNotASimpleTagIsRefused() {
    assertThat(CaptionLanguages.canonical("english")).isEmpty();
    assertThat(CaptionLanguages.canonical("en_US")).isEmpty();
    assertThat(CaptionLanguages.canonical("en-US-x-private")).isEmpty();
    assertThat(CaptionLanguages.canonical("../x")).isEmpty();
    assertThat(CaptionLanguages.canonical("")).isEmpty();
  }

  @Test
  void containerLanguageCodesBecomeTheShortestTag() {
    assertThat(CaptionLanguages.fromStreamTag("eng")).isEqualTo("en");
    assertThat(CaptionLanguages.fromStreamTag("fra")).isEqualTo("fr");
    assertThat(CaptionLanguages.fromStreamTag("und")).isEqualTo("und");
    assertThat(CaptionLanguages.fromStreamTag(null)).isEqualTo("und");
    assertThat(CaptionLanguages.fromStreamTag("???")).isEqualTo("und");
  }
}
