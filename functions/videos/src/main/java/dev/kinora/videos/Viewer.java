package dev.kinora.videos;

import java.util.Optional;

/**
 * Who is watching: the signed-in user (if any) and the key views are deduplicated by (the user id
 * for signed-in viewers; the anonymous viewer cookie or else the source IP otherwise, hashed by the
 * ledger).
 */
public record Viewer(Optional<String> userId, String viewKey) {

  public static Viewer signedIn(String userId) {
    return new Viewer(Optional.of(userId), "user:" + userId);
  }

  public static Viewer anonymous(String viewKey) {
    return new Viewer(Optional.empty(), viewKey);
  }
}
