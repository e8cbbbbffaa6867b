package dev.kinora.search;

import java.io.InputStream;
import java.util.Optional;

/**
 * Where the Lucene index lives between the indexer, its only writer, and the search functions that
 * read it: immutable generations (one zip each) and a manifest naming the current one. A generation
 * is written before the manifest points at it, so a reader never sees a half-written index; older
 * generations are deleted a few publishes later ({@code search.index.retainedGenerations}), after
 * any reader that saw them in the manifest has loaded them.
 */
public interface IndexGenerations {

  /** The current manifest, or empty before the first publish. */
  Optional<IndexManifest> manifest();

  /** The bytes of a generation the manifest named. */
  InputStream open(IndexManifest manifest);

  /** Writes {@code snapshot} as generation {@code generation}, then points the manifest at it. */
  IndexManifest publish(long generation, byte[] snapshot, int documents);

  /** Removes a generation nobody reads any more; a missing one is fine. */
  void discard(long generation);
}
