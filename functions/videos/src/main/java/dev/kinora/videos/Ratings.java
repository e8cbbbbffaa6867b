package dev.kinora.videos;

import dev.kinora.shared.model.RatingValue;

/** Port: the viewer's rating of a video, which the engagement context keeps. */
public interface Ratings {
  RatingValue find(String userId, String videoId);
}
