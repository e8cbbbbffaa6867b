package dev.kinora.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kinora.local.LocalCloud;
import dev.kinora.local.testing.Uploader;
import dev.kinora.local.testing.Visitor;
import java.io.PrintStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One soak run against a started cloud: a warm-up (unmeasured: every route once, so cold starts
 * stay out of the numbers, and a first video to watch), then the measured window with the users'
 * journeys and the creators' uploads, then the checks. Think times between steps keep each person
 * inside the API's per-user rate limits (comments at most one per {@link #COMMENT_GAP}, upload
 * inits one per {@link #UPLOAD_GAP}), as a real person would be.
 */
final class Soak {
  static final Duration COMMENT_GAP = Duration.ofSeconds(7);
  static final Duration UPLOAD_GAP = Duration.ofSeconds(13);
  static final Duration TRANSCODE_WAIT = Duration.ofMinutes(4);
  private static final double CLIP_SECONDS = 3;
  private static final List<String> WORDS =
      List.of("soak", "clip", "river", "mountain", "city", "night", "music", "tour");

  /** What the run ended with. */
  record Outcome(
      int uploadsStarted,
      int uploadsReady,
      int uploadsFailed,
      int uploadsUnfinished,
      int videosChecked,
      long likes,
      long comments,
      long views,
      List<String> mismatches,
      List<String> failures) {}

  private final LocalCloud cloud;
  private final SoakRecorder recorder;
  private final byte[] clip;
  private final int users;
  private final int uploaders;
  private final Duration duration;
  private final long seed;
  private final PrintStream out;
  private final Ledger ledger = new Ledger();
  private final List<String> ready = new CopyOnWriteArrayList<>();
  private final AtomicInteger uploadsStarted = new AtomicInteger();
  private final AtomicInteger uploadsReady = new AtomicInteger();
  private final AtomicInteger uploadsFailed = new AtomicInteger();
  private final ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
  private volatile long deadline;

  Soak(
      LocalCloud cloud,
      SoakRecorder recorder,
      byte[] clip,
      int users,
      int uploaders,
      Duration duration,
      long seed,
      PrintStream out) {
    this.cloud = cloud;
    this.recorder = recorder;
    this.clip = clip;
    this.users = users;
    this.uploaders = uploaders;
    this.duration = duration;
    this.seed = seed;
    this.out = out;
  }

  Outcome run() throws Exception {
    warmUp();
    out.printf(Locale.ROOT, "measuring for %d s%n", duration.toSeconds());
    recorder.measuring(true);
    deadline = System.nanoTime() + duration.toNanos();
    ExecutorService people = Executors.newFixedThreadPool(users + uploaders);
    List<Future<List<String>>> creators = new ArrayList<>();
    for (int i = 0; i < uploaders; i++) {
      int n = i;
      creators.add(people.submit(() -> create(n)));
    }
    List<Future<?>> viewers = new ArrayList<>();
    SplittableRandom seeds = new SplittableRandom(seed);
    for (int i = 0; i < users; i++) {
      SplittableRandom random = seeds.split();
      viewers.add(people.submit(() -> watch(random)));
    }
    for (Future<?> viewer : viewers) {
      viewer.get(duration.toSeconds() + 300, TimeUnit.SECONDS);
    }
    recorder.measuring(false);
    List<String> pending = new ArrayList<>();
    for (Future<List<String>> creator : creators) {
      pending.addAll(creator.get(duration.toSeconds() + 300, TimeUnit.SECONDS));
    }
    people.shutdown();
    int unfinished = pending.size();
    out.printf(
        Locale.ROOT,
        "measured window over; %d uploads not finished within the transcode wait%n",
        unfinished);
    List<String> mismatches = verifyCounters();
    Ledger.Expected total = totals();
    return new Outcome(
        uploadsStarted.get(),
        uploadsReady.get(),
        uploadsFailed.get(),
        unfinished,
        ledger.all().size(),
        total.likes(),
        total.comments(),
        total.views(),
        mismatches,
        List.copyOf(failures));
  }

  /** Every route once (cold starts) and a first ready video; nothing here is measured. */
  private void warmUp() throws Exception {
    out.println("warm-up: a creator uploads the first clip, one viewer touches every route");
    Visitor creator = Visitor.signedUp(cloud, recorder);
    Upload first = uploadAndAwait(creator, "Soak warm-up clip", Duration.ofMinutes(5));
    if (!first.status().equals("ready")) {
      throw new IllegalStateException("the warm-up upload did not become ready: " + failures);
    }
    ready.add(first.videoId());
    Visitor viewer = Visitor.signedUp(cloud, recorder);
    journey(viewer, new SplittableRandom(seed - 1), new long[] {0});
  }

  /** One upload's end: {@code ready}, {@code failed} or {@code unfinished} (still processing). */
  private record Upload(String videoId, String status) {}

  /** A creator: upload, wait for the transcode, again, until the window closes. */
  private List<String> create(int n) {
    Visitor creator = Visitor.signedUp(cloud, recorder);
    List<String> unfinished = new ArrayList<>();
    int round = 0;
    while (System.nanoTime() < deadline) {
      long started = System.nanoTime();
      String title = String.format(Locale.ROOT, "Soak clip %d by creator %d", round++, n);
      uploadsStarted.incrementAndGet();
      Upload upload = uploadAndAwait(creator, title, TRANSCODE_WAIT);
      switch (upload.status()) {
        case "ready" -> {
          uploadsReady.incrementAndGet();
          ready.add(upload.videoId());
        }
        case "unfinished" -> unfinished.add(upload.videoId());
        default -> uploadsFailed.incrementAndGet();
      }
      pause(Duration.ofNanos(Math.max(0, UPLOAD_GAP.toNanos() - (System.nanoTime() - started))));
    }
    return unfinished;
  }

  /** Uploads the clip and polls like the studio until the video is ready or failed. */
  private Upload uploadAndAwait(Visitor creator, String title, Duration wait) {
    Uploader.Result result =
        Uploader.upload(
            creator,
            clip,
            "soak.mp4",
            Map.of(
                "title",
                title,
                "description",
                "A soak test clip about " + String.join(" ", WORDS),
                "visibility",
                "public"));
    if (!result.ok()) {
      failures.add("upload " + result.failedStep() + " answered " + result.status());
      return new Upload(null, "failed");
    }
    long until = System.nanoTime() + wait.toNanos();
    while (System.nanoTime() < until) {
      Visitor.Reply reply = creator.get("/api/v1/videos/" + result.videoId());
      String status = reply.data().path("status").asText();
      if (status.equals("ready")) {
        return new Upload(result.videoId(), status);
      }
      if (status.equals("failed")) {
        failures.add(
            "video "
                + result.videoId()
                + " failed: "
                + reply.data().path("failureReason").asText());
        return new Upload(result.videoId(), status);
      }
      pause(Duration.ofSeconds(1));
    }
    failures.add("video " + result.videoId() + " not finished after " + wait.toSeconds() + " s");
    return new Upload(result.videoId(), "unfinished");
  }

  private void watch(SplittableRandom random) {
    Visitor viewer = Visitor.signedUp(cloud, recorder);
    long[] lastComment = {0};
    while (System.nanoTime() < deadline) {
      journey(viewer, random, lastComment);
    }
  }

  /** One visit: browse, search, open a video, watch it with progress saves, view, rate, comment. */
  private void journey(Visitor viewer, SplittableRandom random, long[] lastComment) {
    viewer.get("/api/v1/feed");
    think(random);
    viewer.get("/api/v1/trending");
    think(random);
    String word = WORDS.get(random.nextInt(WORDS.size()));
    viewer.get("/api/v1/search/suggestions?q=" + encode(word.substring(0, 2)));
    Visitor.Reply search = viewer.get("/api/v1/search?q=" + encode(word));
    think(random);
    // a third of the visits open a search hit, the rest any ready clip (home, trending, a link)
    Optional<String> found =
        random.nextInt(3) == 0 ? firstReady(search.data(), random) : Optional.empty();
    String video = found.orElseGet(() -> ready.get(random.nextInt(ready.size())));
    String path = "/api/v1/videos/" + video;
    viewer.get(path);
    viewer.get(path + "/related");
    viewer.get(path + "/comments?sort=newest");
    for (int second = 1; second <= CLIP_SECONDS; second++) {
      think(random);
      viewer.send(
          "PUT",
          path + "/progress",
          String.format(Locale.ROOT, "{\"position\":%d,\"duration\":%.1f}", second, CLIP_SECONDS));
    }
    Visitor.Reply view =
        viewer.post(
            path + "/views", String.format(Locale.ROOT, "{\"watchedSeconds\":%.1f}", CLIP_SECONDS));
    if (view.status() / 100 == 2 && view.data().path("counted").asBoolean()) {
      ledger.viewCounted(video);
    }
    String rating = random.nextInt(3) == 0 ? "none" : "like";
    Visitor.Reply rated = viewer.send("PUT", path + "/rating", "{\"value\":\"" + rating + "\"}");
    if (rated.status() / 100 == 2) {
      ledger.rated(video, viewer.userId(), rating);
    }
    if (System.nanoTime() - lastComment[0] > COMMENT_GAP.toNanos()) {
      Visitor.Reply comment =
          viewer.post(path + "/comments", "{\"text\":\"soak comment " + random.nextInt() + "\"}");
      if (comment.status() / 100 == 2) {
        ledger.commented(video);
      }
      lastComment[0] = System.nanoTime();
    }
    think(random);
  }

  /** A random search hit that is one of the ready clips (none if the index lags behind). */
  private Optional<String> firstReady(JsonNode data, SplittableRandom random) {
    List<String> hits = new ArrayList<>();
    if (data.isArray()) {
      for (JsonNode hit : data) {
        String id = hit.path("video").path("id").asText(hit.path("id").asText());
        if (ready.contains(id)) {
          hits.add(id);
        }
      }
    }
    return hits.isEmpty() ? Optional.empty() : Optional.of(hits.get(random.nextInt(hits.size())));
  }

  private List<String> verifyCounters() {
    List<String> mismatches = new ArrayList<>();
    Visitor anonymous = new Visitor(cloud);
    ledger
        .all()
        .forEach(
            (video, expected) -> {
              JsonNode data = anonymous.get("/api/v1/videos/" + video).data();
              compare(mismatches, video, "likeCount", expected.likes(), data.path("likeCount"));
              compare(
                  mismatches,
                  video,
                  "commentCount",
                  expected.comments(),
                  data.path("commentCount"));
              compare(mismatches, video, "viewCount", expected.views(), data.path("viewCount"));
            });
    return mismatches;
  }

  private static void compare(
      List<String> mismatches, String video, String counter, long expected, JsonNode actual) {
    if (actual.asLong(-1) != expected) {
      mismatches.add(
          video + " " + counter + " " + actual.asText("?") + " (expected " + expected + ")");
    }
  }

  private Ledger.Expected totals() {
    long likes = 0;
    long comments = 0;
    long views = 0;
    for (Ledger.Expected e : ledger.all().values()) {
      likes += e.likes();
      comments += e.comments();
      views += e.views();
    }
    return new Ledger.Expected(likes, comments, views);
  }

  private static void think(SplittableRandom random) {
    pause(Duration.ofMillis(200 + random.nextInt(600)));
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }
}
