package dev.kinora.search;

import static dev.kinora.search.Docs.LIMITS;
import static dev.kinora.search.Docs.NOW;
import static dev.kinora.search.Docs.doc;
import static dev.kinora.search.Docs.query;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LuceneSearchIndexTest {
  private final LuceneSearchIndex index = LuceneSearchIndex.empty(LIMITS);

  private List<String> ids(SearchQuery query) {
    return index.search(query).ids();
  }

  @Test
  void aTypoStillFindsTheWord() {
    index.upsert(List.of(doc("a", "What is trending this week"), doc("b", "Bread at home")));

    assertThat(ids(query("tranding"))).containsExactly("a");
    assertThat(ids(query("braed"))).containsExactly("b");
  }

  @Test
  void shortWordsMustBeExact() {
    index.upsert(List.of(doc("a", "Cat videos"), doc("b", "Car repair")));

    assertThat(ids(query("cat videos"))).containsExactly("a");
    assertThat(ids(query("cap"))).isEmpty();
  }

  @Test
  void theLastWordMatchesAsAPrefix() {
    index.upsert(List.of(doc("a", "Sourdough starter"), doc("b", "Sour cherries")));

    assertThat(ids(query("sourdough sta"))).containsExactly("a");
    assertThat(ids(query("sou"))).containsExactlyInAnyOrder("a", "b");
  }

  @Test
  void aTitleMatchOutranksTagsWhichOutrankTheDescription() {
    index.upsert(
        List.of(
            doc("desc", "Weekend", "a guitar lesson", List.of(), List.of(), 60, NOW, 0),
            doc("tags", "Weekend", "", List.of("guitar"), List.of(), 60, NOW, 0),
            doc("title", "Guitar weekend", "", List.of(), List.of(), 60, NOW, 0)));

    assertThat(ids(query("guitar"))).containsExactly("title", "tags", "desc");
  }

  @Test
  void aTagMatchOutranksADescriptionMatchEvenWhenFewVideosHaveTags() {
    var docs = new ArrayList<SearchDocument>();
    for (int i = 0; i < 30; i++) {
      docs.add(
          doc("other" + i, "Something else", "a description", List.of(), List.of(), 60, NOW, 0));
    }
    docs.add(doc("tags", "River day", "", List.of("kayak"), List.of(), 60, NOW, 0));
    docs.add(doc("desc", "Lake trip", "with a kayak", List.of(), List.of(), 60, NOW, 0));
    index.upsert(docs);

    assertThat(ids(query("kayak"))).containsExactly("tags", "desc");
  }

  @Test
  void mostWordsMustMatch() {
    index.upsert(List.of(doc("a", "Bake bread at home"), doc("b", "Bake a cake")));

    assertThat(ids(query("how to bake bread at home"))).containsExactly("a");
    assertThat(ids(query("bake bread"))).containsExactly("a");
  }

  @Test
  void filtersNarrowByUploadDateDurationAndCategory() {
    index.upsert(
        List.of(
            doc("hour", "Piano", "", List.of(), List.of("Music"), 100, NOW.minusSeconds(600), 0),
            doc(
                "week",
                "Piano",
                "",
                List.of(),
                List.of("Music"),
                600,
                NOW.minus(Duration.ofDays(5)),
                0),
            doc(
                "old",
                "Piano",
                "",
                List.of(),
                List.of("Education"),
                1500,
                NOW.minus(Duration.ofDays(400)),
                0)));

    assertThat(ids(withFilters("piano", UploadDate.HOUR, null, null))).containsExactly("hour");
    assertThat(ids(withFilters("piano", UploadDate.WEEK, null, null)))
        .containsExactlyInAnyOrder("hour", "week");
    assertThat(ids(withFilters("piano", UploadDate.YEAR, null, null))).doesNotContain("old");
    assertThat(ids(withFilters("piano", null, DurationFilter.SHORT, null))).containsExactly("hour");
    assertThat(ids(withFilters("piano", null, DurationFilter.MEDIUM, null)))
        .containsExactly("week");
    assertThat(ids(withFilters("piano", null, DurationFilter.LONG, null))).containsExactly("old");
    assertThat(ids(withFilters("piano", null, null, "music")))
        .containsExactlyInAnyOrder("hour", "week");
    assertThat(ids(withFilters("piano", UploadDate.WEEK, DurationFilter.MEDIUM, "Music")))
        .containsExactly("week");
  }

  @Test
  void durationBoundsFollowTheLimits() {
    index.upsert(
        List.of(
            doc("under", "Clip", "", List.of(), List.of(), LIMITS.shortMaxSeconds() - 1, NOW, 0),
            doc("at", "Clip", "", List.of(), List.of(), LIMITS.shortMaxSeconds(), NOW, 0),
            doc("top", "Clip", "", List.of(), List.of(), LIMITS.longMinSeconds(), NOW, 0),
            doc("over", "Clip", "", List.of(), List.of(), LIMITS.longMinSeconds() + 1, NOW, 0)));

    assertThat(ids(withFilters("clip", null, DurationFilter.SHORT, null))).containsExactly("under");
    assertThat(ids(withFilters("clip", null, DurationFilter.MEDIUM, null)))
        .containsExactlyInAnyOrder("at", "top");
    assertThat(ids(withFilters("clip", null, DurationFilter.LONG, null))).containsExactly("over");
  }

  private static SearchQuery withFilters(
      String text, UploadDate date, DurationFilter duration, String category) {
    return new SearchQuery(text, date, duration, category, SearchSort.RELEVANCE, NOW, null, 20);
  }

  @Test
  void sortsByDateAndByViews() {
    index.upsert(
        List.of(
            doc("old-popular", "Chess", "", List.of(), List.of(), 60, NOW.minusSeconds(9000), 900),
            doc("new-quiet", "Chess", "", List.of(), List.of(), 60, NOW.minusSeconds(100), 3),
            doc("middle", "Chess", "", List.of(), List.of(), 60, NOW.minusSeconds(5000), 40)));

    assertThat(ids(query("chess", SearchSort.DATE, null)))
        .containsExactly("new-quiet", "middle", "old-popular");
    assertThat(ids(query("chess", SearchSort.VIEWS, null)))
        .containsExactly("old-popular", "middle", "new-quiet");
  }

  @Test
  void pagesCoverEveryHitOnceInEverySort() {
    var docs = new ArrayList<SearchDocument>();
    for (int i = 0; i < 47; i++) {
      // Ties on purpose: equal dates, views and text, told apart by the id only.
      docs.add(
          doc(
              "v" + i,
              "Knitting socks " + (i % 3),
              "",
              List.of(),
              List.of(),
              60,
              NOW.minusSeconds(i % 4),
              i % 5));
    }
    index.upsert(docs);

    for (SearchSort sort : SearchSort.values()) {
      var seen = new ArrayList<String>();
      SearchCursor.Position after = null;
      do {
        SearchHits page =
            index.search(new SearchQuery("knitting", null, null, null, sort, NOW, after, 10));
        seen.addAll(page.ids());
        after = page.next();
      } while (after != null);
      assertThat(seen).as(sort.wire()).hasSize(47).doesNotHaveDuplicates();
    }
  }

  @Test
  void upsertReplacesAndDeleteRemoves() {
    index.upsert(List.of(doc("a", "Old title")));
    index.upsert(List.of(doc("a", "New title")));

    assertThat(ids(query("old"))).isEmpty();
    assertThat(ids(query("new"))).containsExactly("a");
    assertThat(index.size()).isEqualTo(1);

    index.delete(List.of("a", "never-indexed"));
    assertThat(ids(query("new"))).isEmpty();
    assertThat(index.size()).isZero();
  }

  @Test
  void suggestionsCompleteTheLastWordMostViewedFirstWithoutDuplicates() {
    index.upsert(
        List.of(
            doc("a", "Trending music", "", List.of(), List.of(), 60, NOW, 10),
            doc("b", "trending MUSIC", "", List.of(), List.of(), 60, NOW, 5),
            doc("c", "Trending movies", "", List.of(), List.of(), 60, NOW, 50),
            doc("d", "Music trends", "", List.of(), List.of(), 60, NOW, 99)));

    assertThat(index.suggest("trending m", 10))
        .containsExactly("Trending movies", "Trending music");
    assertThat(index.suggest("trending m", 1)).containsExactly("Trending movies");
    assertThat(index.suggest("  ", 10)).isEmpty();
  }

  @Test
  void aSnapshotReloadsTheSameIndex() {
    index.upsert(List.of(doc("a", "Trending now"), doc("b", "Bread")));
    index.delete(List.of("b"));
    var zip = new ByteArrayOutputStream();
    index.writeSnapshot(zip);

    var reloaded =
        LuceneSearchIndex.fromSnapshot(new ByteArrayInputStream(zip.toByteArray()), LIMITS);

    assertThat(reloaded.size()).isEqualTo(1);
    assertThat(reloaded.search(query("tranding")).ids()).containsExactly("a");
  }

  @Test
  void punctuationAloneFindsNothing() {
    index.upsert(List.of(doc("a", "Trending now")));

    assertThat(ids(query("!!! ???"))).isEmpty();
  }
}
