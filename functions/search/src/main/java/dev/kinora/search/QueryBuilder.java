package dev.kinora.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DisjunctionMaxQuery;
import org.apache.lucene.search.FuzzyQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;

/**
 * Turns what the viewer typed and the filters into a Lucene query. Every word is looked for in the
 * title, the tags and the description, exactly, with typos (edit distance by word length, {@link
 * SearchLimits#maxEdits}) and, for the last word, as a prefix (the viewer may still be typing it).
 * A document must match most of the words ({@code minimumShouldMatchFraction}); the filters narrow
 * without changing the score.
 *
 * <p>Score per word: the best field it matched in, weighted {@value #TITLE_BOOST} : {@value
 * #TAGS_BOOST} : {@value #DESCRIPTION_BOOST} (constant, so the field order always holds), plus BM25
 * of the word over all the text ({@link IndexFields#ALL}) scaled by {@value #BM25_WEIGHT}, which
 * orders videos matching in the same fields by how rare and how prominent the word is. Plain BM25
 * per field would let field statistics decide instead: when few videos have tags, a tag match gets
 * a tiny IDF and loses to a description match despite its boost.
 */
final class QueryBuilder {
  static final float TITLE_BOOST = 3f;
  static final float TAGS_BOOST = 2f;
  static final float DESCRIPTION_BOOST = 1f;

  /** A word found only with typos, in any field: below an exact description match. */
  static final float FUZZY_WEIGHT = 0.5f;

  /** ...and a completed prefix sits between the two. */
  static final float PREFIX_WEIGHT = 0.7f;

  /** Keeps BM25 (at most ~10 for one word) below the step between two field weights. */
  static final float BM25_WEIGHT = 0.1f;

  /** Words matching in several fields score a little more than in one (DisMax tie breaker). */
  static final float FIELD_TIE_BREAKER = 0.3f;

  /** Keeps fuzzy expansion cheap: the first letter of a word is rarely the typo. */
  static final int FUZZY_PREFIX_LENGTH = 1;

  /** Lucene's default; how many similar index terms one fuzzy word may expand to. */
  static final int FUZZY_MAX_EXPANSIONS = 50;

  private static final List<FieldWeight> TEXT_FIELDS =
      List.of(
          new FieldWeight(IndexFields.TITLE, TITLE_BOOST),
          new FieldWeight(IndexFields.TAGS, TAGS_BOOST),
          new FieldWeight(IndexFields.DESCRIPTION, DESCRIPTION_BOOST));

  private record FieldWeight(String field, float boost) {}

  private final Analyzer analyzer;
  private final SearchLimits limits;

  QueryBuilder(Analyzer analyzer, SearchLimits limits) {
    this.analyzer = analyzer;
    this.limits = limits;
  }

  /** The words of {@code text} as the index stores them (lower case), at most maxTerms. */
  List<String> terms(String text) {
    var terms = new ArrayList<String>();
    try (TokenStream stream = analyzer.tokenStream(IndexFields.TITLE, text)) {
      CharTermAttribute term = stream.addAttribute(CharTermAttribute.class);
      stream.reset();
      while (stream.incrementToken() && terms.size() < limits.maxTerms()) {
        terms.add(term.toString());
      }
      stream.end();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return terms;
  }

  /** The whole query: the text must match, the filters must hold. */
  Query build(SearchQuery query) {
    var builder = new BooleanQuery.Builder().add(textQuery(terms(query.text())), Occur.MUST);
    query
        .uploadDateFilter()
        .ifPresent(
            uploadDate -> {
              Instant from = query.asOf().minus(uploadDate.window(limits.uploadDate()));
              builder.add(
                  LongPoint.newRangeQuery(
                      IndexFields.PUBLISHED_AT, from.toEpochMilli(), Long.MAX_VALUE),
                  Occur.FILTER);
            });
    query
        .durationFilter()
        .ifPresent(duration -> builder.add(durationQuery(duration), Occur.FILTER));
    query
        .categoryFilter()
        .ifPresent(
            category ->
                builder.add(
                    new TermQuery(new Term(IndexFields.CATEGORY, normalizeCategory(category))),
                    Occur.FILTER));
    return builder.build();
  }

  /** Titles containing every typed word, the last as a prefix (suggestions). */
  Query suggestQuery(String prefix) {
    List<String> terms = terms(prefix);
    if (terms.isEmpty()) {
      return new MatchNoDocsQuery("nothing typed");
    }
    var builder = new BooleanQuery.Builder();
    for (int i = 0; i < terms.size(); i++) {
      Term term = new Term(IndexFields.TITLE, terms.get(i));
      boolean last = i == terms.size() - 1;
      builder.add(last ? new PrefixQuery(term) : new TermQuery(term), Occur.MUST);
    }
    return builder.build();
  }

  Query textQuery(List<String> terms) {
    if (terms.isEmpty()) {
      return new MatchNoDocsQuery("no words in the query");
    }
    var builder = new BooleanQuery.Builder();
    for (int i = 0; i < terms.size(); i++) {
      builder.add(wordQuery(terms.get(i), i == terms.size() - 1), Occur.SHOULD);
    }
    builder.setMinimumNumberShouldMatch(requiredWords(terms.size()));
    return builder.build();
  }

  /** All of one or two words; most of more (a stray "the" or "how" does not empty the page). */
  int requiredWords(int words) {
    if (words <= 2) {
      return words;
    }
    return (int) Math.ceil(words * limits.minimumShouldMatchFraction());
  }

  private Query wordQuery(String word, boolean last) {
    var alternatives = new ArrayList<Query>();
    int maxEdits = limits.maxEdits(word.length());
    for (FieldWeight field : TEXT_FIELDS) {
      Term term = new Term(field.field(), word);
      alternatives.add(constant(new TermQuery(term), field.boost()));
      if (last) {
        alternatives.add(constant(new PrefixQuery(term), field.boost() * PREFIX_WEIGHT));
      }
    }
    // Typos are looked for once, in all the text: a fuzzy word costs a Levenshtein automaton per
    // field, the dominant cost of a query (bench search), and a typo is a weaker signal anyway.
    if (maxEdits > 0) {
      alternatives.add(
          constant(
              new FuzzyQuery(
                  new Term(IndexFields.ALL, word),
                  maxEdits,
                  FUZZY_PREFIX_LENGTH,
                  FUZZY_MAX_EXPANSIONS,
                  true,
                  // Scored as a constant anyway: no need to rank the expanded terms.
                  MultiTermQuery.CONSTANT_SCORE_BLENDED_REWRITE),
              FUZZY_WEIGHT));
    }
    // Matches exactly when one of the alternatives does (ALL holds every field's words).
    return new BooleanQuery.Builder()
        .add(new DisjunctionMaxQuery(alternatives, FIELD_TIE_BREAKER), Occur.MUST)
        .add(
            new BoostQuery(new TermQuery(new Term(IndexFields.ALL, word)), BM25_WEIGHT),
            Occur.SHOULD)
        .build();
  }

  private static Query constant(Query query, float weight) {
    return new BoostQuery(new ConstantScoreQuery(query), weight);
  }

  private Query durationQuery(DurationFilter duration) {
    double shortMax = limits.shortMaxSeconds();
    double longMin = limits.longMinSeconds();
    return switch (duration) {
      case SHORT -> DoublePoint.newRangeQuery(IndexFields.DURATION, 0, Math.nextDown(shortMax));
      case MEDIUM -> DoublePoint.newRangeQuery(IndexFields.DURATION, shortMax, longMin);
      case LONG ->
          DoublePoint.newRangeQuery(
              IndexFields.DURATION, Math.nextUp(longMin), Double.POSITIVE_INFINITY);
    };
  }

  /** Categories match whatever their case: "Music" and "music" are one category. */
  static String normalizeCategory(String category) {
    return category.strip().toLowerCase(Locale.ROOT);
  }
}
