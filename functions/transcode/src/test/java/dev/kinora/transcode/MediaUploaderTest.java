package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kinora.shared.contract.Limits.MediaLimits;
import dev.kinora.shared.media.PosterKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaUploaderTest {
  private static final String TOKEN = "AAAAAAAAAAAAAAAAAAAAAA";

  @TempDir Path out;

  private final InMemoryObjectStorage storage = new InMemoryObjectStorage();
  private final MediaUploader uploader =
      new MediaUploader(storage, new MediaFiles(new MediaLimits(31536000, 60, 3600)), 4);

  private void file(String relative) throws Exception {
    Path path = out.resolve(relative);
    Files.createDirectories(path.getParent());
    Files.writeString(path, relative);
  }

  @Test
  void segmentsBeforeTheirPlaylistRungsBeforeImagesAndTheMasterLast() throws Exception {
    for (String rung : new String[] {"720p", "360p"}) {
      file(rung + "/index.m3u8");
      file(rung + "/init.mp4");
      for (int i = 0; i < 5; i++) {
        file(rung + "/segment" + i + ".m4s");
      }
    }
    file("master.m3u8");
    file("thumbnail.jpg");
    file("storyboard.jpg");

    var keys = uploader.upload(out, "media-bucket", "media/Vid0000001a/");

    assertThat(keys).hasSize(17).last().isEqualTo("media/Vid0000001a/master.m3u8");
    for (String rung : new String[] {"720p", "360p"}) {
      int playlist = keys.indexOf("media/Vid0000001a/" + rung + "/index.m3u8");
      assertThat(keys.subList(0, playlist))
          .contains("media/Vid0000001a/" + rung + "/init.mp4")
          .contains("media/Vid0000001a/" + rung + "/segment4.m4s");
      assertThat(playlist).isLessThan(keys.indexOf("media/Vid0000001a/thumbnail.jpg"));
    }
    assertThat(storage.uploadedKeys()).last().isEqualTo("media/Vid0000001a/master.m3u8");
  }

  @Test
  void eachKindGetsItsContentTypeAndCaching() throws Exception {
    file("360p/index.m3u8");
    file("360p/segment0.ts");
    file("360p/segment0.m4s");
    file("360p/init.mp4");
    file("master.m3u8");
    file("thumbnail.jpg");
    file(PosterKeys.fileName(TOKEN));
    file("notes.txt");

    uploader.upload(out, "media-bucket", "media/x/");

    assertThat(storage.uploads)
        .extracting(
            InMemoryObjectStorage.Stored::key,
            InMemoryObjectStorage.Stored::contentType,
            InMemoryObjectStorage.Stored::cacheControl)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "media/x/360p/index.m3u8", "application/vnd.apple.mpegurl", "public, max-age=60"),
            org.assertj.core.groups.Tuple.tuple(
                "media/x/360p/segment0.ts", "video/mp2t", "public, max-age=31536000, immutable"),
            org.assertj.core.groups.Tuple.tuple(
                "media/x/360p/segment0.m4s",
                "video/iso.segment",
                "public, max-age=31536000, immutable"),
            org.assertj.core.groups.Tuple.tuple(
                "media/x/360p/init.mp4", "video/mp4", "public, max-age=31536000, immutable"),
            org.assertj.core.groups.Tuple.tuple(
                "media/x/master.m3u8", "application/vnd.apple.mpegurl", "public, max-age=60"),
            org.assertj.core.groups.Tuple.tuple(
                "media/x/thumbnail.jpg", "image/jpeg", "public, max-age=31536000, immutable"),
            org.assertj.core.groups.Tuple.tuple(
                "media/x/" + PosterKeys.fileName(TOKEN), "image/jpeg", "public, max-age=3600"));
  }
}
