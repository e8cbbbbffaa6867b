package dev.kinora.shared.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PosterKeysTest {

  @Test
  void tokensAre128RandomBitsInUrlSafeCharacters() {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String token = PosterKeys.newToken();
      assertThat(token).matches("[A-Za-z0-9_-]{22}");
      seen.add(token);
    }
    assertThat(seen).hasSize(1000);
  }

  @Test
  void thePosterSitsInTheVideosMediaFolderUnderItsToken() {
    String token = PosterKeys.newToken();

    assertThat(PosterKeys.key("Ab_-012345z", token))
        .isEqualTo("media/Ab_-012345z/poster-" + token + ".jpg");
    assertThat(PosterKeys.url("Ab_-012345z", token))
        .isEqualTo("/media/Ab_-012345z/poster-" + token + ".jpg");
  }

  @Test
  void onlyAPostersOwnNameIsRecognisedAsAPosterFile() {
    assertThat(PosterKeys.isPosterFile(PosterKeys.fileName(PosterKeys.newToken()))).isTrue();
    assertThat(PosterKeys.isPosterFile("thumbnail.jpg")).isFalse();
    assertThat(PosterKeys.isPosterFile("poster-1.jpg")).isFalse();
    assertThat(PosterKeys.isPosterFile("poster-AAAAAAAAAAAAAAAAAAAAAA.m3u8")).isFalse();
  }

  @Test
  void aGuessableTokenIsRefused() {
    assertThatThrownBy(() -> PosterKeys.key("Ab_-012345z", "1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void onlyAJpegInTheVideosOwnFolderMapsBackToAKey() {
    String id = "Ab_-012345z";

    assertThat(PosterKeys.keyOf(id, "/media/" + id + "/poster-abc.jpg"))
        .contains("media/" + id + "/poster-abc.jpg");
    assertThat(PosterKeys.keyOf(id, "/media/" + id + "/thumbnail.jpg"))
        .contains("media/" + id + "/thumbnail.jpg");
    assertThat(PosterKeys.keyOf(id, "/media/other000001/poster-abc.jpg")).isEmpty();
    assertThat(PosterKeys.keyOf(id, "/media/" + id + "/360p/seg0.jpg")).isEmpty();
    assertThat(PosterKeys.keyOf(id, "/media/" + id + "/../x/poster.jpg")).isEmpty();
    assertThat(PosterKeys.keyOf(id, "/media/" + id + "/master.m3u8")).isEmpty();
    assertThat(PosterKeys.keyOf(id, null)).isEmpty();
  }
}
