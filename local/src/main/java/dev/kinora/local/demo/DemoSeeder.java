package dev.kinora.local.demo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kinora.local.demo.DemoCatalog.DemoChannel;
import dev.kinora.local.demo.DemoCatalog.DemoComment;
import dev.kinora.local.demo.DemoCatalog.DemoReply;
import dev.kinora.local.demo.DemoCatalog.DemoVideo;
import dev.kinora.local.demo.DemoCatalog.Subscription;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Seeds a running Kinora (the front door at {@code base}) with the {@link DemoCatalog} through the
 * public API only, the way browsers would: sign up (or sign in), edit the channel and upload its
 * avatar through the presigned PUT, upload each clip with the multipart flow (init → presigned part
 * PUTs → complete), wait until the transcode made it {@code ready}, then like, comment, reply,
 * watch and subscribe between the demo users.
 *
 * <p>Idempotent: demo users are found by their fixed emails (sign-in before sign-up), videos by
 * title per channel. The ids of uploaded videos are remembered in {@code seeded.json} under the
 * state directory, and every remembered id is checked against the API ({@code GET
 * /api/v1/videos/{id}} as its owner, which also sees private videos) before it counts as there; the
 * channel's public listing, when the deployment has it, is asked too. Likes are set, not toggled;
 * comments and replies are looked up by author and text before writing; views are topped up to the
 * catalog's number by anonymous viewers, so a second run adds nothing.
 */
public final class DemoSeeder {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final URI base;
  private final DemoCatalog catalog;
  private final DemoMedia media;
  private final Path seededFile;
  private final PrintStream out;
  private final Duration readyTimeout;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Integer> created = new LinkedHashMap<>();
  private final Map<String, Integer> present = new LinkedHashMap<>();

  private DemoSeeder(Builder builder) {
    this.base = builder.base;
    this.catalog =
        builder.videoLimit == null
            ? DemoCatalog.standard()
            : DemoCatalog.standard().limitVideos(builder.videoLimit);
    this.media = new DemoMedia(builder.ffmpeg, builder.clipCache);
    this.seededFile = builder.stateDir.resolve("seeded.json");
    this.out = builder.out;
    this.readyTimeout = builder.readyTimeout;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** What one seed did: per kind (channels, videos, likes, …) how many it created and found. */
  public record Summary(
      Map<String, Integer> created,
      Map<String, Integer> alreadyThere,
      List<String> urls,
      boolean subscriptionsSkipped,
      Duration took) {
    public int created(String kind) {
      return created.getOrDefault(kind, 0);
    }

    public int alreadyThere(String kind) {
      return alreadyThere.getOrDefault(kind, 0);
    }
  }

  /** A signed-in demo user. */
  private record Account(DemoChannel channel, DemoClient client, String userId, String channelId) {}

  /** Runs the whole seed; throws when something the demo needs could not be made. */
  public Summary seed() throws IOException, InterruptedException {
    Instant start = Instant.now();
    created.clear();
    present.clear();
    say(
        "seeding "
            + catalog.channels().size()
            + " channels and "
            + catalog.videos().size()
            + " videos into "
            + base);
    var accounts = new LinkedHashMap<String, Account>();
    for (DemoChannel channel : catalog.channels()) {
      Account account = signIn(channel);
      accounts.put(channel.handle(), account);
      editChannel(account);
    }
    var videoIds = new LinkedHashMap<DemoVideo, String>();
    Map<String, String> seeded = readSeeded();
    for (DemoVideo video : catalog.videos()) {
      Account owner = accounts.get(video.channel());
      String id = findVideo(owner, video, seeded.get(key(video)));
      if (id == null) {
        id = upload(owner, video);
        seeded.put(key(video), id);
        writeSeeded(seeded);
        count(created, "videos");
      } else {
        count(present, "videos");
        if (!id.equals(seeded.put(key(video), id))) {
          writeSeeded(seeded); // found through the listing: remember it for the next run
        }
      }
      videoIds.put(video, id);
    }
    var durations = awaitReady(accounts, videoIds);
    for (var entry : videoIds.entrySet()) {
      DemoVideo video = entry.getKey();
      if (!"private".equals(video.visibility())) {
        engage(accounts, video, entry.getValue(), durations.get(entry.getValue()));
      }
    }
    boolean subscriptionsSkipped = subscribe(accounts);
    var urls = new ArrayList<String>();
    urls.add(base.resolve("/").toString());
    urls.add(base.resolve("/search?q=mandelbrot").toString());
    for (DemoChannel channel : catalog.channels()) {
      urls.add(base.resolve("/c/" + channel.handle()).toString());
    }
    videoIds.entrySet().stream()
        .filter(e -> "public".equals(e.getKey().visibility()))
        .findFirst()
        .ifPresent(e -> urls.add(base.resolve("/watch/" + e.getValue()).toString()));
    return new Summary(
        Map.copyOf(created),
        Map.copyOf(present),
        List.copyOf(urls),
        subscriptionsSkipped,
        Duration.between(start, Instant.now()));
  }

  /** Prints the summary the way {@code ./kinora up --demo} shows it. */
  public static void print(Summary summary, PrintStream out) {
    var kinds = new TreeMap<String, int[]>();
    summary.created().forEach((k, v) -> kinds.computeIfAbsent(k, x -> new int[2])[0] = v);
    summary.alreadyThere().forEach((k, v) -> kinds.computeIfAbsent(k, x -> new int[2])[1] = v);
    out.printf(Locale.ROOT, "%n[demo] seeded in %.1f s%n", summary.took().toMillis() / 1000.0);
    out.printf(Locale.ROOT, "  %-14s %8s %14s%n", "", "created", "already there");
    kinds.forEach((kind, n) -> out.printf(Locale.ROOT, "  %-14s %8d %14d%n", kind, n[0], n[1]));
    if (summary.subscriptionsSkipped()) {
      out.println("  subscriptions  skipped (this build has no subscription API yet)");
    }
    out.println(
        "  sign in as any demo user: <handle>@demo.kinora.dev / \""
            + DemoCatalog.PASSWORD
            + "\" (e.g. studio-ada@demo.kinora.dev)");
    out.println("  open:");
    summary.urls().forEach(url -> out.println("    " + url));
  }

  // ---------------------------------------------------------------- accounts and channels

  private Account signIn(DemoChannel channel) {
    DemoClient client = new DemoClient(http, base);
    DemoClient.Reply login =
        client.post(
            "/api/v1/auth/login",
            Map.of("email", channel.email(), "password", DemoCatalog.PASSWORD));
    DemoClient.Reply me = login;
    if (login.ok()) {
      count(present, "channels");
    } else if (login.status() == 401) {
      me =
          client.post(
              "/api/v1/auth/signup",
              Map.of(
                  "email", channel.email(),
                  "password", DemoCatalog.PASSWORD,
                  "displayName", channel.name(),
                  "handle", channel.handle()));
      if (!me.ok()) {
        throw me.failure("sign-up of " + channel.email());
      }
      count(created, "channels");
      say("signed up @" + channel.handle());
    } else {
      throw login.failure("sign-in of " + channel.email());
    }
    return new Account(
        channel, client, me.data().path("userId").asText(), me.data().at("/channel/id").asText());
  }

  private void editChannel(Account account) {
    DemoChannel channel = account.channel();
    JsonNode current = account.client().get("/api/v1/channels/" + account.channelId()).data();
    if (!channel.description().equals(current.path("description").asText())
        || !channel.name().equals(current.path("name").asText())) {
      DemoClient.Reply edit =
          account
              .client()
              .patch(
                  "/api/v1/channels/me",
                  Map.of("name", channel.name(), "description", channel.description()));
      if (!edit.ok()) {
        throw edit.failure("editing @" + channel.handle());
      }
    }
    if (current.hasNonNull("avatarUrl")) {
      count(present, "avatars");
      return;
    }
    byte[] png =
        DemoMedia.avatarPng(channel.name(), channel.avatarRgbFrom(), channel.avatarRgbTo());
    DemoClient.Reply presign =
        account
            .client()
            .post(
                "/api/v1/channels/me/avatar",
                Map.of("contentType", "image/png", "size", png.length));
    if (!presign.ok()) {
      throw presign.failure("avatar upload of @" + channel.handle());
    }
    var headers = new LinkedHashMap<String, String>();
    presign
        .data()
        .path("headers")
        .properties()
        .forEach(h -> headers.put(h.getKey(), h.getValue().asText()));
    account.client().putBytes(URI.create(presign.data().path("uploadUrl").asText()), png, headers);
    String avatarKey = presign.data().path("avatarKey").asText();
    DemoClient.Reply set =
        account.client().patch("/api/v1/channels/me", Map.of("avatarKey", avatarKey));
    if (!set.ok()) {
      throw set.failure("setting the avatar of @" + channel.handle());
    }
    count(created, "avatars");
  }

  // ---------------------------------------------------------------- videos

  /**
   * The id of the channel's video with this title, if the platform has it (and it has not failed).
   */
  private String findVideo(Account owner, DemoVideo video, String rememberedId) {
    if (rememberedId != null) {
      DemoClient.Reply reply = owner.client().get("/api/v1/videos/" + rememberedId);
      if (reply.ok() && video.title().equals(reply.data().path("title").asText())) {
        if (!"failed".equals(reply.data().path("status").asText())) {
          return rememberedId;
        }
        say(
            "'"
                + video.title()
                + "' failed before ("
                + reply.data().path("failureReason").asText()
                + "); uploading it again");
        owner.client().delete("/api/v1/videos/" + rememberedId);
      }
    }
    // the seeded.json file may be gone while the data stayed: the channel's public listing knows
    DemoClient.Reply listing =
        owner.client().get("/api/v1/channels/" + owner.channel().handle() + "/videos?sort=latest");
    if (listing.ok()) {
      for (JsonNode card : listing.data()) {
        JsonNode listed = card.has("video") ? card.path("video") : card;
        if (video.title().equals(listed.path("title").asText())) {
          return listed.path("id").asText();
        }
      }
    }
    return null;
  }

  private String upload(Account owner, DemoVideo video) throws IOException, InterruptedException {
    Path clip = media.clip(video.clip(), video.title());
    byte[] bytes = Files.readAllBytes(clip);
    DemoClient client = owner.client();
    DemoClient.Reply init =
        client.post(
            "/api/v1/uploads",
            Map.of(
                "filename",
                clip.getFileName().toString(),
                "fileSize",
                bytes.length,
                "mimeType",
                "video/mp4"));
    if (!init.ok()) {
      throw init.failure("upload init of '" + video.title() + "'");
    }
    String uploadId = init.data().path("id").asText();
    int chunkSize = init.data().path("chunkSize").asInt();
    int parts = init.data().path("totalChunks").asInt();
    var numbers = new ArrayList<Integer>();
    for (int part = 1; part <= parts; part++) {
      numbers.add(part);
    }
    DemoClient.Reply urls =
        client.post("/api/v1/uploads/" + uploadId + "/parts", Map.of("partNumbers", numbers));
    if (!urls.ok()) {
      throw urls.failure("part URLs of '" + video.title() + "'");
    }
    for (JsonNode part : urls.data().path("parts")) {
      int number = part.path("partNumber").asInt();
      int from = (number - 1) * chunkSize;
      int to = Math.min(bytes.length, from + chunkSize);
      client.putBytes(
          URI.create(part.path("url").asText()), Arrays.copyOfRange(bytes, from, to), Map.of());
    }
    var metadata = new LinkedHashMap<String, Object>();
    metadata.put("title", video.title());
    metadata.put("description", video.description());
    metadata.put("tags", video.tags());
    metadata.put("categories", video.categories());
    metadata.put("visibility", video.visibility());
    DemoClient.Reply complete = client.post("/api/v1/uploads/" + uploadId + "/complete", metadata);
    if (!complete.ok()) {
      throw complete.failure("completing '" + video.title() + "'");
    }
    String videoId = complete.data().path("id").asText();
    say(
        String.format(
            Locale.ROOT,
            "uploaded '%s' (%s, %d×%d, %d s, %d KB) as %s",
            video.title(),
            video.visibility(),
            video.clip().width(),
            video.clip().height(),
            video.clip().seconds(),
            bytes.length / 1024,
            videoId));
    return videoId;
  }

  /** Waits until every video is ready; answers each one's duration in seconds. */
  private Map<String, Double> awaitReady(
      Map<String, Account> accounts, Map<DemoVideo, String> ids) {
    var durations = new LinkedHashMap<String, Double>();
    var pending = new LinkedHashMap<>(ids);
    Instant deadline = Instant.now().plus(readyTimeout);
    Instant started = Instant.now();
    while (!pending.isEmpty()) {
      for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
        var entry = it.next();
        JsonNode video =
            accounts
                .get(entry.getKey().channel())
                .client()
                .get("/api/v1/videos/" + entry.getValue())
                .data();
        String status = video.path("status").asText();
        if ("ready".equals(status)) {
          durations.put(
              entry.getValue(),
              video.path("durationSeconds").asDouble(entry.getKey().clip().seconds()));
          it.remove();
        } else if ("failed".equals(status) || "blocked".equals(status)) {
          throw new IllegalStateException(
              "'"
                  + entry.getKey().title()
                  + "' "
                  + status
                  + ": "
                  + video.path("failureReason").asText());
        }
      }
      if (pending.isEmpty()) {
        break;
      }
      if (Instant.now().isAfter(deadline)) {
        throw new IllegalStateException(
            pending.size() + " videos were not ready within " + readyTimeout);
      }
      DemoClient.sleep(Duration.ofSeconds(1));
    }
    say(
        String.format(
            Locale.ROOT,
            "all %d videos ready (waited %.1f s for the transcode)",
            ids.size(),
            Duration.between(started, Instant.now()).toMillis() / 1000.0));
    return durations;
  }

  // ---------------------------------------------------------------- engagement

  private void engage(
      Map<String, Account> accounts, DemoVideo video, String videoId, double duration) {
    for (String handle : video.likedBy()) {
      DemoClient client = accounts.get(handle).client();
      JsonNode viewer = client.get("/api/v1/videos/" + videoId).data().path("viewer");
      if ("like".equals(viewer.path("likeState").asText())) {
        count(present, "likes");
        continue;
      }
      DemoClient.Reply like =
          client.put("/api/v1/videos/" + videoId + "/rating", Map.of("value", "like"));
      if (!like.ok()) {
        throw like.failure("@" + handle + " liking '" + video.title() + "'");
      }
      count(created, "likes");
      // watch history for the personalised feed: half-way, so the video is not "watched to the end"
      client.put(
          "/api/v1/videos/" + videoId + "/progress",
          Map.of("position", duration / 2, "duration", duration));
    }
    for (DemoComment comment : video.comments()) {
      String commentId = ensureComment(accounts, video, videoId, comment);
      for (DemoReply reply : comment.replies()) {
        ensureReply(accounts, videoId, commentId, reply);
      }
    }
    topUpViews(accounts.get(video.channel()).client(), video, videoId, duration);
  }

  private String ensureComment(
      Map<String, Account> accounts, DemoVideo video, String videoId, DemoComment comment) {
    DemoClient client = accounts.get(comment.author()).client();
    String existing =
        findComment(
            client,
            "/api/v1/videos/" + videoId + "/comments?sort=newest&limit=50",
            comment.author(),
            comment.text());
    if (existing != null) {
      count(present, "comments");
      return existing;
    }
    DemoClient.Reply reply =
        client.post("/api/v1/videos/" + videoId + "/comments", Map.of("text", comment.text()));
    if (!reply.ok()) {
      throw reply.failure("@" + comment.author() + " commenting on '" + video.title() + "'");
    }
    count(created, "comments");
    return reply.data().path("id").asText();
  }

  private void ensureReply(
      Map<String, Account> accounts, String videoId, String commentId, DemoReply demoReply) {
    DemoClient client = accounts.get(demoReply.author()).client();
    if (findComment(
            client,
            "/api/v1/comments/" + commentId + "/replies?limit=50",
            demoReply.author(),
            demoReply.text())
        != null) {
      count(present, "replies");
      return;
    }
    DemoClient.Reply reply =
        client.post(
            "/api/v1/videos/" + videoId + "/comments",
            Map.of("text", demoReply.text(), "parentId", commentId));
    if (!reply.ok()) {
      throw reply.failure("@" + demoReply.author() + " replying to " + commentId);
    }
    count(created, "replies");
  }

  /**
   * The id of the comment by {@code handle} with {@code text} on the first page at {@code path}.
   */
  private String findComment(DemoClient client, String path, String handle, String text) {
    DemoClient.Reply page = client.get(path);
    if (!page.ok()) {
      throw page.failure("GET " + path);
    }
    for (JsonNode comment : page.data()) {
      if (handle.equals(comment.at("/author/handle").asText())
          && text.equals(comment.path("text").asText())) {
        return comment.path("id").asText();
      }
    }
    return null;
  }

  /** Anonymous viewers (each its own {@code kinora_viewer} cookie) until the count is reached. */
  private void topUpViews(DemoClient owner, DemoVideo video, String videoId, double duration) {
    int have = owner.get("/api/v1/videos/" + videoId).data().path("viewCount").asInt();
    int want = video.anonymousViews();
    present.merge("views", Math.min(have, want), Integer::sum);
    for (int i = have; i < want; i++) {
      DemoClient.Reply view =
          owner.send(
              "POST",
              "/api/v1/videos/" + videoId + "/views",
              Map.of("watchedSeconds", duration),
              Map.of("kinora_viewer", randomViewerId()));
      if (!view.ok()) {
        throw view.failure("a view of '" + video.title() + "'");
      }
      if (view.data().path("counted").asBoolean()) {
        count(created, "views");
      }
    }
  }

  private static String randomViewerId() {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /**
   * Subscribes; answers true when the deployment has no subscription API (404) and it was skipped.
   */
  private boolean subscribe(Map<String, Account> accounts) {
    for (Subscription subscription : catalog.subscriptions()) {
      Account subscriber = accounts.get(subscription.subscriber());
      Account channel = accounts.get(subscription.channel());
      if (subscriber == null || channel == null) {
        continue;
      }
      String path = "/api/v1/channels/" + channel.channelId() + "/subscription";
      // Asked first: the PUT is an idempotent upsert and answers the same whether it created it.
      DemoClient.Reply before = subscriber.client().get(path);
      boolean already = before.ok() && before.data().path("subscribed").asBoolean(false);
      DemoClient.Reply reply = subscriber.client().put(path, Map.of("notify", "all"));
      if (reply.status() == 404) {
        say(
            "subscriptions skipped: PUT "
                + path.replace(channel.channelId(), "{channelId}")
                + " answers 404 (no subscription API in this build yet)");
        return true;
      }
      if (!reply.ok()) {
        throw reply.failure(
            "@" + subscription.subscriber() + " subscribing to @" + subscription.channel());
      }
      count(already ? present : created, "subscriptions");
    }
    return false;
  }

  // ---------------------------------------------------------------- plumbing

  private static String key(DemoVideo video) {
    return video.channel() + "/" + video.title();
  }

  private Map<String, String> readSeeded() throws IOException {
    var seeded = new LinkedHashMap<String, String>();
    if (Files.isRegularFile(seededFile)) {
      JSON.readTree(seededFile.toFile())
          .properties()
          .forEach(e -> seeded.put(e.getKey(), e.getValue().asText()));
    }
    return seeded;
  }

  private void writeSeeded(Map<String, String> seeded) throws IOException {
    Files.createDirectories(seededFile.getParent());
    ObjectNode node = JSON.createObjectNode();
    seeded.forEach(node::put);
    Path partial = seededFile.resolveSibling(seededFile.getFileName() + ".partial");
    JSON.writerWithDefaultPrettyPrinter().writeValue(partial.toFile(), node);
    Files.move(
        partial,
        seededFile,
        java.nio.file.StandardCopyOption.REPLACE_EXISTING,
        java.nio.file.StandardCopyOption.ATOMIC_MOVE);
  }

  private static void count(Map<String, Integer> counts, String kind) {
    counts.merge(kind, 1, Integer::sum);
  }

  private void say(String line) {
    out.println("[demo] " + line);
  }

  /** Where to seed and with what. */
  public static final class Builder {
    private URI base;
    private Path ffmpeg;
    private Path clipCache;
    private Path stateDir;
    private PrintStream out = System.out;
    private Integer videoLimit;
    private Duration readyTimeout = Duration.ofMinutes(15);

    /** The front door, e.g. {@code http://127.0.0.1:8080/}. */
    public Builder base(URI base) {
      this.base = base;
      return this;
    }

    /** The repository root: the ffmpeg layer's binary and the clip cache are found under it. */
    public Builder root(Path root) {
      this.ffmpeg = root.resolve("layers/ffmpeg/target/layer/bin/ffmpeg");
      this.clipCache = root.resolve(".kinora/demo-clips");
      return this;
    }

    /**
     * Where {@code seeded.json} lives (under the cloud's state, so {@code --fresh} forgets it too).
     */
    public Builder stateDir(Path stateDir) {
      this.stateDir = stateDir;
      return this;
    }

    public Builder out(PrintStream out) {
      this.out = out;
      return this;
    }

    /** Seeds only the first {@code count} videos of the catalog (tests keep CI time low). */
    public Builder videoLimit(int count) {
      this.videoLimit = count;
      return this;
    }

    public Builder readyTimeout(Duration timeout) {
      this.readyTimeout = timeout;
      return this;
    }

    public DemoSeeder build() {
      if (base == null || ffmpeg == null || stateDir == null) {
        throw new IllegalStateException("base, root and stateDir are needed");
      }
      return new DemoSeeder(this);
    }
  }
}
