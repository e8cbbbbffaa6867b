package dev.kinora.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoublePoint;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.FieldDoc;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.IOContext;
import org.apache.lucene.store.IndexInput;
import org.apache.lucene.store.IndexOutput;
import org.apache.lucene.util.BytesRef;

/**
 * The Lucene adapter of {@link SearchIndex}: one index in memory ({@link ByteBuffersDirectory}),
 * written through one {@link IndexWriter} and read through near-real-time searchers. {@link
 * #writeSnapshot} and {@link #fromSnapshot} move the committed index in and out as one zip, the
 * unit {@link IndexGenerations} publishes to S3.
 *
 * <p>Sorting: relevance is BM25 score, then newest, then video id; date is newest then id; views is
 * most viewed, newest, id. The id tiebreaker makes every position unique, so {@link
 * SearchCursor.Position} pages without repeating or skipping within one index generation.
 */
public final class LuceneSearchIndex implements SearchIndex, AutoCloseable {
  private static final SortField ID_ORDER = new SortField(IndexFields.ID, SortField.Type.STRING);
  private static final SortField NEWEST =
      new SortField(IndexFields.PUBLISHED_AT, SortField.Type.LONG, true);
  private static final SortField MOST_VIEWED =
      new SortField(IndexFields.VIEW_COUNT, SortField.Type.LONG, true);

  private final Directory directory;
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final QueryBuilder queries;

  private LuceneSearchIndex(Directory directory, SearchLimits limits) {
    Analyzer analyzer = new StandardAnalyzer();
    try {
      this.directory = directory;
      this.writer =
          new IndexWriter(
              directory,
              new IndexWriterConfig(analyzer)
                  .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND));
      // A fresh index has no commit yet; committing the empty one makes snapshots uniform.
      writer.commit();
      this.searchers = new SearcherManager(writer, null);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    this.queries = new QueryBuilder(analyzer, limits);
  }

  /** An empty index. */
  public static LuceneSearchIndex empty(SearchLimits limits) {
    return new LuceneSearchIndex(new ByteBuffersDirectory(), limits);
  }

  /** The index a {@link #writeSnapshot} wrote. */
  public static LuceneSearchIndex fromSnapshot(InputStream zip, SearchLimits limits) {
    var directory = new ByteBuffersDirectory();
    try (var entries = new ZipInputStream(zip)) {
      for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
        try (IndexOutput output = directory.createOutput(entry.getName(), IOContext.DEFAULT)) {
          byte[] buffer = new byte[64 * 1024];
          for (int read; (read = entries.read(buffer)) > 0; ) {
            output.writeBytes(buffer, 0, read);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("not a search index snapshot", e);
    }
    return new LuceneSearchIndex(directory, limits);
  }

  @Override
  public void upsert(Collection<SearchDocument> documents) {
    try {
      for (SearchDocument document : documents) {
        writer.updateDocument(new Term(IndexFields.ID, document.id()), toLucene(document));
      }
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void delete(Collection<String> videoIds) {
    try {
      for (String id : videoIds) {
        writer.deleteDocuments(new Term(IndexFields.ID, id));
      }
      commit();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void commit() throws IOException {
    writer.commit();
    searchers.maybeRefreshBlocking();
  }

  @Override
  public SearchHits search(SearchQuery query) {
    Query lucene = queries.build(query);
    Sort sort = sortOf(query.sort());
    return withSearcher(
        searcher -> {
          FieldDoc after = query.after() == null ? null : after(query, searcher);
          // One more than the page: whether a next page exists without a second search.
          TopFieldDocs top = searcher.searchAfter(after, lucene, query.limit() + 1, sort, true);
          StoredFields stored = searcher.storedFields();
          int shown = Math.min(query.limit(), top.scoreDocs.length);
          var ids = new ArrayList<String>(shown);
          for (int i = 0; i < shown; i++) {
            ids.add(stored.document(top.scoreDocs[i].doc).get(IndexFields.ID));
          }
          SearchCursor.Position next = null;
          if (top.scoreDocs.length > query.limit()) {
            next = positionOf(query.sort(), (FieldDoc) top.scoreDocs[shown - 1]);
          }
          return new SearchHits(ids, next);
        });
  }

  @Override
  public List<String> suggest(String prefix, int limit) {
    Query lucene = queries.suggestQuery(prefix);
    return withSearcher(
        searcher -> {
          // More candidates than asked for: several videos may share a title.
          TopFieldDocs top =
              searcher.search(lucene, limit * 4, new Sort(MOST_VIEWED, NEWEST, ID_ORDER));
          StoredFields stored = searcher.storedFields();
          Map<String, String> titles = new LinkedHashMap<>();
          for (ScoreDoc hit : top.scoreDocs) {
            String title = stored.document(hit.doc).get(IndexFields.TITLE);
            titles.putIfAbsent(title.toLowerCase(Locale.ROOT), title);
            if (titles.size() == limit) {
              break;
            }
          }
          return List.copyOf(titles.values());
        });
  }

  @Override
  public int size() {
    return withSearcher(searcher -> searcher.getIndexReader().numDocs());
  }

  /** The indexed view count of a video, or -1 if the index does not hold it. */
  public long indexedViewCount(String videoId) {
    return withSearcher(
        searcher -> {
          var top =
              searcher.search(
                  new org.apache.lucene.search.TermQuery(new Term(IndexFields.ID, videoId)), 1);
          if (top.scoreDocs.length == 0) {
            return -1L;
          }
          var field =
              searcher
                  .storedFields()
                  .document(top.scoreDocs[0].doc)
                  .getField(IndexFields.VIEW_COUNT);
          return field.numericValue().longValue();
        });
  }

  /** The last commit as one zip of its files (what a generation in S3 holds). */
  public void writeSnapshot(OutputStream out) {
    try {
      // One segment: readers search it fastest, and the whole index is shipped anyway.
      writer.forceMerge(1);
      writer.commit();
      SegmentInfos commit = SegmentInfos.readLatestCommit(directory);
      var zip = new ZipOutputStream(out);
      byte[] buffer = new byte[64 * 1024];
      for (String file : commit.files(true)) {
        zip.putNextEntry(new ZipEntry(file));
        try (IndexInput input = directory.openInput(file, IOContext.READONCE)) {
          long remaining = input.length();
          while (remaining > 0) {
            int chunk = (int) Math.min(buffer.length, remaining);
            input.readBytes(buffer, 0, chunk);
            zip.write(buffer, 0, chunk);
            remaining -= chunk;
          }
        }
        zip.closeEntry();
      }
      zip.finish();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      searchers.close();
      writer.close();
      directory.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface SearcherWork<T> {
    T run(IndexSearcher searcher) throws IOException;
  }

  private <T> T withSearcher(SearcherWork<T> work) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return work.run(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Sort sortOf(SearchSort sort) {
    return switch (sort) {
      case RELEVANCE -> new Sort(SortField.FIELD_SCORE, NEWEST, ID_ORDER);
      case DATE -> new Sort(NEWEST, ID_ORDER);
      case VIEWS -> new Sort(MOST_VIEWED, NEWEST, ID_ORDER);
    };
  }

  /**
   * The previous page's last hit as Lucene's "search after" position. Its doc id is the last one of
   * the index: the id tiebreaker already orders every hit, and Lucene only uses the doc id to break
   * ties, which here only the very hit the cursor names could produce (and must not, or it would be
   * repeated).
   */
  private static FieldDoc after(SearchQuery query, IndexSearcher searcher) {
    SearchCursor.Position position = query.after();
    BytesRef id = new BytesRef(position.videoId());
    Object[] fields =
        switch (query.sort()) {
          case RELEVANCE -> new Object[] {position.score(), position.publishedAtMillis(), id};
          case DATE -> new Object[] {position.publishedAtMillis(), id};
          case VIEWS -> new Object[] {position.viewCount(), position.publishedAtMillis(), id};
        };
    int lastDoc = Math.max(0, searcher.getIndexReader().maxDoc() - 1);
    return new FieldDoc(lastDoc, Float.NaN, fields);
  }

  private static SearchCursor.Position positionOf(SearchSort sort, FieldDoc hit) {
    Object[] fields = hit.fields;
    return switch (sort) {
      case RELEVANCE ->
          new SearchCursor.Position(
              Float.floatToIntBits((Float) fields[0]), (Long) fields[1], 0, text(fields[2]));
      case DATE -> new SearchCursor.Position(0, (Long) fields[0], 0, text(fields[1]));
      case VIEWS ->
          new SearchCursor.Position(0, (Long) fields[1], (Long) fields[0], text(fields[2]));
    };
  }

  private static String text(Object bytesRef) {
    return ((BytesRef) bytesRef).utf8ToString();
  }

  private static Document toLucene(SearchDocument video) {
    var doc = new Document();
    doc.add(new StringField(IndexFields.ID, video.id(), Field.Store.YES));
    doc.add(new SortedDocValuesField(IndexFields.ID, new BytesRef(video.id())));
    doc.add(new TextField(IndexFields.TITLE, video.title(), Field.Store.YES));
    for (String tag : video.tags()) {
      doc.add(new TextField(IndexFields.TAGS, tag, Field.Store.NO));
    }
    doc.add(new TextField(IndexFields.DESCRIPTION, video.description(), Field.Store.NO));
    doc.add(
        new TextField(
            IndexFields.ALL,
            String.join(" ", video.title(), String.join(" ", video.tags()), video.description()),
            Field.Store.NO));
    for (String category : video.categories()) {
      doc.add(
          new StringField(
              IndexFields.CATEGORY, QueryBuilder.normalizeCategory(category), Field.Store.NO));
    }
    long published = video.publishedAt().toEpochMilli();
    doc.add(new LongPoint(IndexFields.PUBLISHED_AT, published));
    doc.add(new NumericDocValuesField(IndexFields.PUBLISHED_AT, published));
    doc.add(new DoublePoint(IndexFields.DURATION, video.durationSeconds()));
    doc.add(new NumericDocValuesField(IndexFields.VIEW_COUNT, video.viewCount()));
    doc.add(new StoredField(IndexFields.VIEW_COUNT, video.viewCount()));
    return doc;
  }
}
