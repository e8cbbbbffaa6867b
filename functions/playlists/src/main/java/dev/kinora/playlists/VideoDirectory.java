package dev.kinora.playlists;

import dev.kinora.shared.model.ChannelSummary;
import dev.kinora.shared.model.VideoCard;
import dev.kinora.shared.video.VideoAccessPolicy.VideoFacts;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** What playlists read of other contexts: videos (VideosTable) and channels (AccountsTable). */
interface VideoDirectory {

  Optional<VideoFacts> facts(String videoId);

  /** The facts of those of these videos that exist, keyed by video id. */
  Map<String, VideoFacts> facts(Collection<String> videoIds);

  /** Cards of those of these videos that {@code shown} lets through, keyed by video id. */
  Map<String, VideoCard> cards(List<String> videoIds, Predicate<VideoFacts> shown);

  Optional<ChannelSummary> channel(String channelId);

  /** The id of the channel a path names: its id, or its handle (with or without a leading @). */
  Optional<String> channelId(String idOrHandle);
}
