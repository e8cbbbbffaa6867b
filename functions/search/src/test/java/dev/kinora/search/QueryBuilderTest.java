package dev.kinora.search;

import static dev.kinora.search.Docs.LIMITS;
import static org.assertj.core.api.Assertions.assertThat;

import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.junit.jupiter.api.Test;

class QueryBuilderTest {
  private final QueryBuilder builder = new QueryBuilder(new StandardAnalyzer(), LIMITS);

  @Test
  void editDistanceGrowsWithTheWord() {
    assertThat(LIMITS.maxEdits(LIMITS.oneEditMinLength() - 1)).isZero();
    assertThat(LIMITS.maxEdits(LIMITS.oneEditMinLength())).isEqualTo(1);
    assertThat(LIMITS.maxEdits(LIMITS.twoEditsMinLength())).isEqualTo(2);
    assertThat(LIMITS.maxEdits("tranding".length())).isEqualTo(2);
  }

  @Test
  void wordsAreLowerCasedAndCapped() {
    assertThat(builder.terms("Trending NOW, in Music!"))
        .containsExactly("trending", "now", "in", "music");
    assertThat(builder.terms("a b c d e f g h i j k l m")).hasSize(LIMITS.maxTerms());
  }

  @Test
  void oneOrTwoWordsAreAllRequiredLongerQueriesMostly() {
    assertThat(builder.requiredWords(1)).isEqualTo(1);
    assertThat(builder.requiredWords(2)).isEqualTo(2);
    assertThat(builder.requiredWords(4)).isEqualTo(3);
    assertThat(builder.requiredWords(8)).isEqualTo(5);
  }

  @Test
  void theLastWordIsAlsoAPrefix() {
    String query = builder.textQuery(builder.terms("bake bre")).toString();

    assertThat(query).contains("title:bre*").doesNotContain("title:bake*");
    assertThat(query).contains("all:bake~1").doesNotContain("title:bake~1");
  }
}
