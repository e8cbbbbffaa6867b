package dev.kinora.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.local.http.MediaAccess;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class MediaAccessTest {
  /** Nothing listens on port 1: every access check that is asked answers "no". */
  private final MediaAccess access =
      MediaAccess.checkedBy(
          "/api/v1/videos/{videoId}",
          List.of("/media/avatars/*", "/media/*/poster-*.jpg"),
          () -> URI.create("http://127.0.0.1:1"));

  @Test
  void pathsOfPublicCacheBehavioursNeedNoCheck() {
    assertThat(access.mayRead("media/avatars/ch_1/a1b2.png", null)).isTrue();
    assertThat(access.mayRead("media/Ab_-012345z/poster-Zm9vYmFyYmF6cXV4cXV1eA.jpg", null))
        .isTrue();
  }

  @Test
  void everyOtherMediaPathNeedsTheViewingPolicysYes() {
    assertThat(access.mayRead("media/Ab_-012345z/master.m3u8", "kinora_session=x")).isFalse();
    assertThat(access.mayRead("media/Ab_-012345z/poster-Zm9v.jpg.m3u8", null)).isFalse();
    assertThat(access.mayRead("media/Ab_-012345z/thumbnail.jpg", null))
        .as("the poster name of old, id-derived keys")
        .isFalse();
    assertThat(access.mayRead("raw/Ab_-012345z/source", null)).isFalse();
  }

  @Test
  void aTemplateWithoutAnAccessCheckServesEverything() {
    assertThat(MediaAccess.open().mayRead("media/Ab_-012345z/master.m3u8", null)).isTrue();
  }
}
