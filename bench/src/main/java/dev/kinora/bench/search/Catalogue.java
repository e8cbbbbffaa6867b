package dev.kinora.bench.search;

import dev.kinora.search.DurationFilter;
import dev.kinora.search.SearchDocument;
import dev.kinora.search.SearchSort;
import dev.kinora.search.UploadDate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * A generated catalogue and a generated query mix, the same for every run (fixed seed): titles of 3
 * to 7 words from a vocabulary with a few very common words and a long tail, tags, a category,
 * durations from seconds to an hour, publish dates over two years, views spread like real ones (a
 * few huge, most small).
 */
final class Catalogue {
  private static final String[] CATEGORIES = {
    "Music", "Gaming", "Education", "Cooking", "Travel", "Sports",
    "Science", "Crafts", "Comedy", "News", "Film", "Tech"
  };
  private static final String[] STEMS = {
    "guitar",
    "piano",
    "drum",
    "violin",
    "bread",
    "pasta",
    "curry",
    "salad",
    "kayak",
    "hiking",
    "climbing",
    "chess",
    "origami",
    "knitting",
    "pottery",
    "garden",
    "camera",
    "drone",
    "rocket",
    "planet",
    "galaxy",
    "python",
    "kotlin",
    "lambda",
    "server",
    "design",
    "sketch",
    "paint",
    "football",
    "tennis",
    "cycling",
    "running",
    "yoga",
    "travel",
    "tokyo",
    "paris",
    "island",
    "river",
    "mountain",
    "desert",
    "trending",
    "review",
    "tutorial",
    "beginner",
    "advanced",
    "lesson",
    "recipe",
    "vlog",
    "podcast",
    "history",
    "robot",
    "battery",
    "engine",
    "bicycle"
  };
  private static final String[] SUFFIXES = {"", "s", "ing", "er", "ed", "ly", "ness", "ist"};

  private final Random random = new Random(42);
  private final List<String> vocabulary = new ArrayList<>();

  Catalogue() {
    for (String stem : STEMS) {
      for (String suffix : SUFFIXES) {
        vocabulary.add(stem + suffix);
      }
    }
  }

  /** A word: the first stems far more often than the last (a Zipf-like spread). */
  private String word() {
    int index = (int) Math.floor(Math.pow(random.nextDouble(), 2.5) * vocabulary.size());
    return vocabulary.get(Math.min(index, vocabulary.size() - 1));
  }

  private String words(int min, int max) {
    int count = min + random.nextInt(max - min + 1);
    var words = new ArrayList<String>();
    for (int i = 0; i < count; i++) {
      words.add(word());
    }
    return String.join(" ", words);
  }

  List<SearchDocument> videos(int count, Instant now) {
    var videos = new ArrayList<SearchDocument>(count);
    for (int i = 0; i < count; i++) {
      String title = words(3, 7);
      title = title.substring(0, 1).toUpperCase(Locale.ROOT) + title.substring(1);
      var tags = new ArrayList<String>();
      for (int t = random.nextInt(6); t > 0; t--) {
        tags.add(word());
      }
      videos.add(
          new SearchDocument(
              String.format(Locale.ROOT, "v%010d", i),
              title,
              words(5, 40),
              tags,
              List.of(CATEGORIES[random.nextInt(CATEGORIES.length)]),
              5 + random.nextInt(3600),
              now.minus(Duration.ofMinutes(random.nextInt(2 * 365 * 24 * 60))),
              (long) Math.floor(Math.pow(random.nextDouble(), 6) * 5_000_000)));
    }
    return videos;
  }

  /** One query of the mix: its words (a fifth with a typo), and now and then filters and a sort. */
  record Query(
      String text,
      UploadDate uploadDate,
      DurationFilter duration,
      String category,
      SearchSort sort,
      boolean typo) {}

  List<Query> queries(int count) {
    var queries = new ArrayList<Query>(count);
    for (int i = 0; i < count; i++) {
      String text = words(1, 3);
      boolean typo = random.nextInt(5) == 0;
      if (typo) {
        text = withTypo(text);
      }
      UploadDate uploadDate =
          random.nextInt(5) == 0
              ? UploadDate.values()[random.nextInt(UploadDate.values().length)]
              : null;
      DurationFilter duration =
          random.nextInt(5) == 0
              ? DurationFilter.values()[random.nextInt(DurationFilter.values().length)]
              : null;
      String category =
          random.nextInt(6) == 0 ? CATEGORIES[random.nextInt(CATEGORIES.length)] : null;
      SearchSort sort = SearchSort.values()[random.nextInt(10) < 7 ? 0 : 1 + random.nextInt(2)];
      queries.add(new Query(text, uploadDate, duration, category, sort, typo));
    }
    return queries;
  }

  /** Swaps two neighbouring letters of the longest word (the commonest typo). */
  private String withTypo(String text) {
    String[] words = text.split(" ");
    int longest = 0;
    for (int i = 1; i < words.length; i++) {
      if (words[i].length() > words[longest].length()) {
        longest = i;
      }
    }
    char[] letters = words[longest].toCharArray();
    if (letters.length >= 4) {
      int at = 1 + random.nextInt(letters.length - 2);
      char swap = letters[at];
      letters[at] = letters[at + 1];
      letters[at + 1] = swap;
      words[longest] = new String(letters);
    }
    return String.join(" ", words);
  }
}
