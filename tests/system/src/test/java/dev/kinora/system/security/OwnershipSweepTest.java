package dev.kinora.system.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.resources.PhysicalResource;
import dev.kinora.local.testing.KinoraCloud;
import dev.kinora.local.testing.VideoRows;
import dev.kinora.local.testing.Visitor;
import dev.kinora.shared.json.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;

/**
 * IDOR sweep: every operation of {@code openapi.yaml} that names a resource in its path is sent by
 * a stranger, with a <em>valid</em> body (the first valid case of the body schema's contract
 * vector), at resources another user owns: an upload, a private video, a comment on a public video,
 * a notification. The stranger must get 403 or 404 in the error envelope — not a 2xx, and not a 400
 * (validation answering first would prove nothing about ownership) — and no stored item or object
 * may change.
 *
 * <p>A new path parameter fails the sweep until it is classified in {@link #TARGETS}, so a route
 * merged tomorrow cannot skip the check by naming its id differently.
 */
@KinoraCloud
class OwnershipSweepTest {
  private static final Pattern PATH_PARAMETER = Pattern.compile("\\{(\\w+)}");
  private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");

  /** Which of the owner's resources a path parameter points the stranger at. */
  private enum Target {
    UPLOAD(true),
    PRIVATE_VIDEO(true),
    OWNERS_COMMENT(false),
    OWNERS_NOTIFICATION(false),
    PRIVATE_PLAYLIST(true),
    /** Channels are public; subscribing to someone else's is the feature. */
    PUBLIC_CHANNEL(false);

    /** Whether reading it (GET) must be refused too, not only changing it. */
    final boolean readsRefused;

    Target(boolean readsRefused) {
      this.readsRefused = readsRefused;
    }
  }

  private static final Map<String, Target> TARGETS =
      Map.of(
          "uploadId", Target.UPLOAD,
          "videoId", Target.PRIVATE_VIDEO,
          "targetId", Target.PRIVATE_VIDEO,
          "commentId", Target.OWNERS_COMMENT,
          "notificationId", Target.OWNERS_NOTIFICATION,
          "playlistId", Target.PRIVATE_PLAYLIST,
          "channelId", Target.PUBLIC_CHANNEL,
          "idOrHandle", Target.PUBLIC_CHANNEL);

  /** Path parameters that qualify a resource named before them; any well-formed value does. */
  private static final Map<String, String> QUALIFIERS =
      Map.of("language", "en", "targetKind", "video");

  /**
   * Rows the stranger's own requests legitimately change: their session slides, their attempts are
   * counted, and stores written on their own clock (trending, the search index) may move.
   */
  private static final Set<String> CHANGED_BY_THE_CALLER =
      Set.of("SessionsTable", "RateLimitsTable", "DiscoveryTable", "SearchIndexBucket");

  private record Operation(String method, String path, String bodySchema) {
    String key() {
      return method.toUpperCase() + " " + path;
    }
  }

  @Test
  void aStrangerCanNeitherReadNorChangeWhatAnotherUserOwns(LocalCloud cloud) throws IOException {
    Visitor owner = Visitor.signedUp(cloud);
    Visitor stranger = Visitor.signedUp(cloud);
    Map<Target, String> ids = ownedResources(cloud, owner);
    Map<String, String> validBodies = validBodiesBySchema();

    List<String> leaks = new ArrayList<>();
    Map<Target, Integer> probed = new TreeMap<>();
    for (Operation operation : operations()) {
      Target target = targetOf(operation);
      if (target == null
          || target == Target.PUBLIC_CHANNEL
          || (operation.method().equals("get") && !target.readsRefused)) {
        continue;
      }
      String path = concretePath(operation.path(), ids);
      String body = operation.bodySchema() == null ? null : validBodies.get(operation.bodySchema());
      assertThat(operation.bodySchema() == null || body != null)
          .as("%s needs a valid case in a vector of %s", operation.key(), operation.bodySchema())
          .isTrue();

      Set<String> before = contents(cloud);
      Visitor.Reply reply = stranger.send(operation.method().toUpperCase(), path, body);
      Set<String> after = contents(cloud);

      probed.merge(target, 1, Integer::sum);
      boolean refused = (reply.status() == 403 || reply.status() == 404) && !reply.code().isEmpty();
      if (!refused) {
        leaks.add(operation.key() + " → " + reply.status() + " " + reply.raw().body());
      }
      if (!before.equals(after)) {
        leaks.add(operation.key() + " changed " + difference(before, after));
      }
    }

    System.out.println("ownership sweep: operations probed per target " + probed);
    assertThat(probed)
        .containsKeys(
            Target.UPLOAD, Target.PRIVATE_VIDEO, Target.OWNERS_COMMENT, Target.PRIVATE_PLAYLIST);
    assertThat(leaks).as("stranger requests that were not refused cleanly").isEmpty();
  }

  /**
   * The owner's upload, private video, comment on their public video, a notification and a private
   * playlist (holding the private video).
   */
  private static Map<Target, String> ownedResources(LocalCloud cloud, Visitor owner) {
    Visitor.Reply upload =
        owner.post(
            "/api/v1/uploads",
            "{\"filename\":\"clip.mp4\",\"fileSize\":20971520,\"mimeType\":\"video/mp4\"}");
    assertThat(upload.status()).as(upload.raw().body()).isEqualTo(201);
    String privateVideo = VideoRows.ready(cloud, owner).visibility("private").put();
    String publicVideo = VideoRows.ready(cloud, owner).put();
    Visitor.Reply comment =
        owner.post("/api/v1/videos/" + publicVideo + "/comments", "{\"text\":\"mine\"}");
    assertThat(comment.status()).as(comment.raw().body()).isEqualTo(201);
    cloud
        .dynamoDb()
        .putItem(
            r ->
                r.tableName(cloud.physicalName("NotificationsTable"))
                    .item(
                        Map.of(
                            "userId", AttributeValue.fromS(owner.userId()),
                            "videoId", AttributeValue.fromS(publicVideo),
                            "channelId", AttributeValue.fromS(owner.channelId()),
                            "createdAt", AttributeValue.fromS("2026-12-01T10:00:00Z"),
                            "unreadOf", AttributeValue.fromS(owner.userId()))));
    Visitor.Reply playlist =
        owner.post("/api/v1/playlists", "{\"title\":\"Mine\",\"visibility\":\"private\"}");
    assertThat(playlist.status()).as(playlist.raw().body()).isEqualTo(201);
    String playlistId = playlist.data().path("id").asText();
    Visitor.Reply item =
        owner.post(
            "/api/v1/playlists/" + playlistId + "/items", "{\"videoId\":\"" + privateVideo + "\"}");
    assertThat(item.status()).as(item.raw().body()).isEqualTo(201);
    return Map.of(
        Target.PRIVATE_PLAYLIST,
        playlistId,
        Target.UPLOAD,
        upload.data().path("id").asText(),
        Target.PRIVATE_VIDEO,
        privateVideo,
        Target.OWNERS_COMMENT,
        comment.data().path("id").asText(),
        Target.OWNERS_NOTIFICATION,
        publicVideo);
  }

  private static Target targetOf(Operation operation) {
    Matcher matcher = PATH_PARAMETER.matcher(operation.path());
    Target target = null;
    while (matcher.find()) {
      String name = matcher.group(1);
      if (QUALIFIERS.containsKey(name)) {
        continue;
      }
      assertThat(TARGETS)
          .as("path parameter {%s} of %s: classify it in TARGETS", name, operation.key())
          .containsKey(name);
      if (target == null) {
        target = TARGETS.get(name);
      }
    }
    return target;
  }

  private static String concretePath(String template, Map<Target, String> ids) {
    Matcher matcher = PATH_PARAMETER.matcher(template);
    StringBuilder path = new StringBuilder();
    while (matcher.find()) {
      String name = matcher.group(1);
      matcher.appendReplacement(
          path, QUALIFIERS.containsKey(name) ? QUALIFIERS.get(name) : ids.get(TARGETS.get(name)));
    }
    return matcher.appendTail(path).toString();
  }

  private static List<Operation> operations() throws IOException {
    JsonNode openApi = new YAMLMapper().readTree(contract().resolve("openapi.yaml").toFile());
    List<Operation> operations = new ArrayList<>();
    for (Map.Entry<String, JsonNode> path : openApi.path("paths").properties()) {
      for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
        if (METHODS.contains(entry.getKey())) {
          String ref =
              entry
                  .getValue()
                  .at("/requestBody/content/application~1json/schema/$ref")
                  .asText(null);
          operations.add(
              new Operation(
                  entry.getKey(),
                  path.getKey(),
                  ref == null ? null : ref.substring(ref.lastIndexOf('/') + 1)));
        }
      }
    }
    return operations;
  }

  /** Schema name → the payload of its vector's first valid case. */
  private static Map<String, String> validBodiesBySchema() throws IOException {
    Map<String, String> bodies = new TreeMap<>();
    try (Stream<Path> files = Files.list(contract().resolve("vectors"))) {
      for (Path file : files.toList()) {
        JsonNode vector = Json.mapper().readTree(file.toFile());
        for (JsonNode testCase : vector.path("cases")) {
          if (testCase.path("valid").asBoolean(false)) {
            bodies.putIfAbsent(vector.path("schema").asText(), testCase.path("payload").toString());
          }
        }
      }
    }
    return bodies;
  }

  private static Path contract() {
    Path root = Path.of(System.getProperty("kinora.root", "../..")).toAbsolutePath().normalize();
    return root.resolve("shared/contract");
  }

  /** Every stored item and object, but those the caller's own requests move. */
  private static Set<String> contents(LocalCloud cloud) {
    Set<String> contents = new TreeSet<>();
    for (PhysicalResource resource : cloud.resources().values()) {
      if (CHANGED_BY_THE_CALLER.contains(resource.logicalId())) {
        continue;
      }
      switch (resource.type()) {
        case "AWS::DynamoDB::Table" ->
            cloud
                .dynamoDb()
                .scanPaginator(ScanRequest.builder().tableName(resource.name()).build())
                .items()
                .forEach(item -> contents.add(resource.logicalId() + " " + new TreeMap<>(item)));
        case "AWS::S3::Bucket" ->
            cloud
                .s3()
                .listObjectsV2Paginator(
                    ListObjectsV2Request.builder().bucket(resource.name()).build())
                .contents()
                .forEach(
                    object ->
                        contents.add(
                            resource.logicalId() + " " + object.key() + " " + object.eTag()));
        default -> {
          // queues: a refused request never reaches one
        }
      }
    }
    return contents;
  }

  private static String difference(Set<String> before, Set<String> after) {
    Set<String> changed = new TreeSet<>();
    before.stream().filter(item -> !after.contains(item)).forEach(item -> changed.add("- " + item));
    after.stream().filter(item -> !before.contains(item)).forEach(item -> changed.add("+ " + item));
    return String.join("; ", changed);
  }
}
