package dev.kinora.search;

/** The Lucene fields of a {@link SearchDocument}. */
final class IndexFields {
  /** Stored, indexed as one token, sorted on as the tiebreaker. */
  static final String ID = "id";

  /** Analyzed text (StandardAnalyzer: words, lower case); the title is also stored. */
  static final String TITLE = "title";

  static final String TAGS = "tags";
  static final String DESCRIPTION = "description";

  /** Title, tags and description as one text: the BM25 part of the score. */
  static final String ALL = "all";

  /** Lower-cased keywords, one value per category. */
  static final String CATEGORY = "category";

  /** Epoch millis: a point for the upload-date range, doc values for sorting. */
  static final String PUBLISHED_AT = "publishedAt";

  /** Seconds: a point for the duration filters. */
  static final String DURATION = "durationSeconds";

  /** Doc values for sorting by views; stored so the indexer knows what it indexed. */
  static final String VIEW_COUNT = "viewCount";

  private IndexFields() {}
}
