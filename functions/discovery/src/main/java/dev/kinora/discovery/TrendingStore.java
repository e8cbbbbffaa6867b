package dev.kinora.discovery;

import java.time.Instant;
import java.util.List;

/** Port: the trending lists the job writes and every list reads. */
interface TrendingStore {

  /** One ranked list, best first; empty before the job first ran. */
  record RankedList(List<String> videoIds, Instant computedAt) {
    static final RankedList EMPTY = new RankedList(List.of(), null);

    public RankedList {
      videoIds = List.copyOf(videoIds);
    }
  }

  /** The categories and tags that have a list, most trending first. */
  record Facets(List<String> categories, List<String> tags) {
    static final Facets NONE = new Facets(List.of(), List.of());

    public Facets {
      categories = List.copyOf(categories);
      tags = List.copyOf(tags);
    }
  }

  RankedList list(Facet facet);

  void save(Facet facet, RankedList list);

  Facets facets();

  void saveFacets(Facets facets, Instant computedAt);
}
