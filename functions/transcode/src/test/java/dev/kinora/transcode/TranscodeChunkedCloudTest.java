package dev.kinora.transcode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.runtime.InvocationResult;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.shared.json.Json;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The long-video path in the local cloud (template {@code transcode-chunked}: every video is
 * "long", chunks are 2 s): an upload lands → TranscodeFunction plans 3 chunks and queues them on
 * TranscodeChunkQueue → the test takes the real messages off the queue and delivers them to
 * TranscodeChunkFunction, with redeliveries → the last distinct chunk assembles the playlists and
 * the video becomes ready, once.
 */
@KinoraCloud(template = "classpath:transcode-chunked/template.yaml")
class TranscodeChunkedCloudTest {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  private static final int SECONDS = 6;

  @Test
  void aLongVideoIsEncodedChunkByChunkAndAssembledIntoOneContinuousLadder(
      LocalCloud cloud, @TempDir Path tmp) throws Exception {
    String videoId =
        ("Long" + Long.toString(System.nanoTime() % 10_000_000, 36) + "xxxxxxxxxxx")
            .substring(0, 11);
    processingVideo(cloud, videoId);
    Path srt = tmp.resolve("en.srt");
    Files.writeString(srt, "1\n00:00:04,000 --> 00:00:05,500\nLate in the last chunk\n");
    Path clip =
        Clips.withMovText(
            Clips.withKeyframeEverySecond(tmp, "long.mp4", 854, 480, SECONDS),
            srt,
            "eng",
            tmp.resolve("long-with-subs.mp4"));
    cloud
        .s3()
        .putObject(
            r -> r.bucket(cloud.physicalName("RawBucket")).key("raw/" + videoId + "/source"),
            RequestBody.fromFile(clip));

    var planned = eventually(() -> row(cloud, videoId).containsKey("chunksTotal") ? true : null);
    assertThat(planned).isTrue();
    int total = Integer.parseInt(row(cloud, videoId).get("chunksTotal").n());
    assertThat(total).as("6 s in 2 s chunks").isEqualTo(3);
    Map<Integer, String> bodies = receiveChunkMessages(cloud, total);
    assertThat(bodies.keySet()).containsExactly(0, 1, 2);

    deliver(cloud, bodies.get(0));
    deliver(cloud, bodies.get(0)); // SQS delivers at least once
    assertThat(done(cloud, videoId)).containsExactly("0");
    deliver(cloud, bodies.get(1));
    deliver(cloud, bodies.get(0));
    deliver(cloud, bodies.get(1));
    var beforeLast = row(cloud, videoId);
    assertThat(beforeLast.get("status").s())
        .as("redelivered chunks never complete the set")
        .isEqualTo("processing");
    assertThat(done(cloud, videoId)).containsExactlyInAnyOrder("0", "1");

    deliver(cloud, bodies.get(2));
    var ready = row(cloud, videoId);
    assertThat(ready.get("status").s()).as("%s", ready).isEqualTo("ready");
    assertThat(done(cloud, videoId)).containsExactlyInAnyOrder("0", "1", "2");
    assertThat(ready.get("resolutions").l())
        .extracting(AttributeValue::s)
        .containsExactly("480p", "360p");
    assertThat(Double.parseDouble(ready.get("durationSeconds").n()))
        .isCloseTo(SECONDS, within(0.3));
    assertThat(ready.get("playlistUrl").s()).isEqualTo("/media/" + videoId + "/master.m3u8");
    assertThat(ready.get("thumbnailUrl").s())
        .matches("/media/" + videoId + "/poster-[A-Za-z0-9_-]{22}\\.jpg");
    assertThat(contentType(cloud, ready.get("thumbnailUrl").s().substring(1)))
        .isEqualTo("image/jpeg");
    assertThat(ready.get("storyboardUrl").s()).isEqualTo("/media/" + videoId + "/storyboard.jpg");

    deliver(cloud, bodies.get(2)); // the last chunk again, after the video is ready
    assertThat(row(cloud, videoId).get("updatedAt")).isEqualTo(ready.get("updatedAt"));

    String prefix = "media/" + videoId + "/";
    String master = media(cloud, prefix + "master.m3u8");
    assertThat(master).startsWith("#EXTM3U").contains("BANDWIDTH=", "RESOLUTION=854x480");
    // the source's text subtitles survive the long-video path too
    assertThat(ready.get("captions").m().get("en").m().get("source").s()).isEqualTo("embedded");
    assertThat(media(cloud, prefix + "captions/en.vtt"))
        .isEqualTo("WEBVTT\n\n00:00:04.000 --> 00:00:05.500\nLate in the last chunk\n");
    assertThat(master)
        .contains("TYPE=SUBTITLES,GROUP-ID=\"subs\"", "URI=\"captions/en.m3u8\"")
        .contains(",SUBTITLES=\"subs\"\n480p/index.m3u8");
    List<String> variants = uris(master);
    assertThat(variants).containsExactly("480p/index.m3u8", "360p/index.m3u8");
    for (String variant : variants) {
      String rung = variant.substring(0, variant.indexOf('/'));
      String playlist = media(cloud, prefix + variant);
      assertThat(playlist).startsWith("#EXTM3U").contains("#EXT-X-PLAYLIST-TYPE:VOD");
      assertThat(playlist.lines().filter(l -> l.equals("#EXT-X-ENDLIST")).count()).isEqualTo(1);
      List<String> maps = maps(playlist);
      assertThat(maps)
          .containsExactly(
              "c00000-init-" + rung + ".mp4",
              "c00001-init-" + rung + ".mp4",
              "c00002-init-" + rung + ".mp4");
      List<String> segments = uris(playlist);
      assertThat(segments).isSortedAccordingTo(String::compareTo).hasSizeGreaterThanOrEqualTo(3);
      assertThat(segments.getFirst()).startsWith("c00000-");
      assertThat(segments.getLast()).startsWith("c00002-");
      for (String key : concat(maps, segments)) {
        assertThat(contentType(cloud, prefix + rung + "/" + key))
            .as(key)
            .isIn("video/mp4", "video/iso.segment");
      }
      double extinf =
          playlist
              .lines()
              .filter(l -> l.startsWith("#EXTINF:"))
              .mapToDouble(l -> Double.parseDouble(l.substring(8, l.indexOf(','))))
              .sum();
      assertThat(extinf).as("EXTINF sum of %s", rung).isCloseTo(SECONDS, within(0.3));

      // The rung as one file: the first chunk's init, then every segment in playlist order.
      Path joined = tmp.resolve(rung + ".mp4");
      try (OutputStream out = Files.newOutputStream(joined)) {
        out.write(bytes(cloud, prefix + rung + "/" + maps.getFirst()));
        for (String segment : segments) {
          out.write(bytes(cloud, prefix + rung + "/" + segment));
        }
      }
      List<double[]> frames = videoFrames(joined);
      assertThat(frames)
          .as("frames of %s", rung)
          .hasSizeBetween(SECONDS * 15 - 2, SECONDS * 15 + 2);
      double frame = 1.0 / 15;
      assertThat(frames.getFirst()[0]).as("first frame of %s", rung).isCloseTo(0, within(0.2));
      for (int i = 1; i < frames.size(); i++) {
        double gap = frames.get(i)[0] - frames.get(i - 1)[0];
        assertThat(gap)
            .as(
                "%s: frame %d at %.3f s follows %.3f s",
                rung, i, frames.get(i)[0], frames.get(i - 1)[0])
            .isCloseTo(frame, within(frame / 2));
      }
      double end = frames.getLast()[0] + frame;
      assertThat(end).as("end of %s", rung).isCloseTo(SECONDS, within(0.3));
    }
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** Presentation times of the video frames, sorted (B-frames come out of order). */
  private static List<double[]> videoFrames(Path file) throws Exception {
    Process process =
        new ProcessBuilder(
                Clips.ffprobe().toString(),
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "packet=pts_time",
                "-of",
                "csv=p=0",
                file.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    List<double[]> frames = new ArrayList<>();
    for (String line : output.split("\n")) {
      String value = line.strip().replace(",", "");
      if (!value.isEmpty() && !value.equals("N/A")) {
        frames.add(new double[] {Double.parseDouble(value)});
      }
    }
    frames.sort((x, y) -> Double.compare(x[0], y[0]));
    return frames;
  }

  private static void processingVideo(LocalCloud cloud, String videoId) {
    String now = Instant.now().toString();
    Map<String, AttributeValue> item = new HashMap<>();
    item.put("id", AttributeValue.fromS(videoId));
    item.put("ownerId", AttributeValue.fromS("owner-" + videoId));
    item.put("title", AttributeValue.fromS("A long test pattern"));
    item.put("status", AttributeValue.fromS("processing"));
    item.put("createdAt", AttributeValue.fromS(now));
    item.put("updatedAt", AttributeValue.fromS(now));
    cloud.dynamoDb().putItem(r -> r.tableName(cloud.physicalName("VideosTable")).item(item));
  }

  private static Map<String, AttributeValue> row(LocalCloud cloud, String videoId) {
    return cloud
        .dynamoDb()
        .getItem(
            r ->
                r.tableName(cloud.physicalName("VideosTable"))
                    .key(Map.of("id", AttributeValue.fromS(videoId)))
                    .consistentRead(true))
        .item();
  }

  private static List<String> done(LocalCloud cloud, String videoId) {
    var set = row(cloud, videoId).get("chunksDone");
    return set == null ? List.of() : set.ns();
  }

  /** The planner's messages, by chunk index, taken off the queue for good. */
  private static Map<Integer, String> receiveChunkMessages(LocalCloud cloud, int expected)
      throws InterruptedException {
    String queue = cloud.queueUrl("TranscodeChunkQueue");
    Map<Integer, String> bodies = new TreeMap<>();
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (bodies.size() < expected && System.nanoTime() < deadline) {
      var messages =
          cloud
              .sqs()
              .receiveMessage(r -> r.queueUrl(queue).maxNumberOfMessages(10).waitTimeSeconds(1))
              .messages();
      for (var message : messages) {
        JsonNode body;
        try {
          body = Json.mapper().readTree(message.body());
        } catch (java.io.IOException e) {
          throw new AssertionError("not JSON: " + message.body(), e);
        }
        bodies.put(body.get("index").asInt(), message.body());
        cloud.sqs().deleteMessage(r -> r.queueUrl(queue).receiptHandle(message.receiptHandle()));
      }
    }
    return bodies;
  }

  /** One SQS delivery of {@code body} to TranscodeChunkFunction, as its event source would. */
  private static void deliver(LocalCloud cloud, String body) {
    String event =
        Json.write(
            Map.of(
                "Records",
                List.of(
                    Map.of(
                        "messageId",
                        "m-" + System.nanoTime(),
                        "receiptHandle",
                        "r",
                        "body",
                        body,
                        "eventSource",
                        "aws:sqs",
                        "eventSourceARN",
                        "arn:aws:sqs:us-east-1:000000000000:chunks"))));
    InvocationResult result = cloud.invoke("TranscodeChunkFunction", event);
    assertThat(result).as(result.payload()).isInstanceOf(InvocationResult.Success.class);
    assertThat(result.payload()).as("no batch item failures").doesNotContain("itemIdentifier");
  }

  private static String media(LocalCloud cloud, String key) {
    return new String(bytes(cloud, key), StandardCharsets.UTF_8);
  }

  private static byte[] bytes(LocalCloud cloud, String key) {
    return cloud
        .s3()
        .getObjectAsBytes(r -> r.bucket(cloud.physicalName("MediaBucket")).key(key))
        .asByteArray();
  }

  private static String contentType(LocalCloud cloud, String key) {
    return cloud
        .s3()
        .headObject(r -> r.bucket(cloud.physicalName("MediaBucket")).key(key))
        .contentType();
  }

  private static List<String> uris(String playlist) {
    return playlist
        .lines()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .toList();
  }

  private static List<String> maps(String playlist) {
    return playlist
        .lines()
        .filter(l -> l.startsWith("#EXT-X-MAP:"))
        .map(l -> l.substring(l.indexOf("URI=\"") + 5, l.lastIndexOf('"')))
        .toList();
  }

  private static <T> T eventually(java.util.function.Supplier<T> probe)
      throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      T value = probe.get();
      if (value != null) {
        return value;
      }
      Thread.sleep(250);
    }
    throw new AssertionError("nothing happened within " + PATIENCE);
  }
}
