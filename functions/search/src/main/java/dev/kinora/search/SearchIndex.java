package dev.kinora.search;

import java.util.Collection;
import java.util.List;

/**
 * The search index as the search and indexer functions need it: keep documents, find them, complete
 * what the viewer is typing. Only public, ready videos are ever given to {@link #upsert}; callers
 * still re-check every hit against VideosTable before showing it.
 *
 * <p>Adapters: {@link LuceneSearchIndex} (an in-memory Lucene index; {@link IndexGenerations}
 * publishes it to S3 for the search function). The scale-out adapter is an OpenSearch domain
 * (docs/decisions/003-search-index.md), which maps one to one:
 *
 * <ul>
 *   <li>{@link #upsert} / {@link #delete}: one {@code _bulk} request of {@code index} / {@code
 *       delete} actions, document id = video id, mapping {@code title}/{@code tags}/{@code
 *       description} as {@code text}, {@code categories} as {@code keyword}, {@code publishedAt}
 *       {@code date}, {@code durationSeconds} {@code float}, {@code viewCount} {@code long}; the
 *       indexer then needs no generations or manifest, and the search function no refresh.
 *   <li>{@link #search}: a {@code bool} query, one {@code multi_match} ({@code fields: [title^3,
 *       tags^2, description]}, {@code fuzziness: AUTO}, {@code type: bool_prefix} for the last
 *       word) per term with {@code minimum_should_match} as {@link QueryBuilder} computes it, the
 *       filters as {@code filter} clauses ({@code range} on publishedAt/durationSeconds, {@code
 *       term} on categories), {@code sort} as {@link SearchSort} lists it with the video id as
 *       tiebreaker, and {@link SearchCursor.Position} as {@code search_after}.
 *   <li>{@link #suggest}: a {@code match_bool_prefix} on {@code title} sorted by viewCount, or a
 *       {@code completion} suggester field.
 * </ul>
 *
 * No OpenSearch adapter is built: nothing here needs one yet, and a stub that pretends to work
 * would be worse than none.
 */
public interface SearchIndex {

  /** Adds these documents, replacing any with the same id. */
  void upsert(Collection<SearchDocument> documents);

  /** Removes the documents with these ids; ids not in the index are ignored. */
  void delete(Collection<String> videoIds);

  /** One page of ids matching the query, in the query's sort order. */
  SearchHits search(SearchQuery query);

  /**
   * At most {@code limit} distinct titles that contain every word typed, the last one as a prefix,
   * most viewed first.
   */
  List<String> suggest(String prefix, int limit);

  /** How many documents the index holds. */
  int size();
}
