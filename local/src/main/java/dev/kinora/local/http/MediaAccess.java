package dev.kinora.local.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who may read a media object, the local stand-in for the CDN's signed-cookie check. On AWS the
 * media behaviour trusts a key group, and the API hands a viewer CloudFront signed cookies for
 * {@code /media/{id}/*} only after its viewing policy allowed them; the local front door has no key
 * group, so it asks the same policy directly: it sends the request's Cookie header to the
 * template's access-check route (the distribution's {@code Metadata: kinora:local:
 * mediaAccessCheck}, e.g. {@code /api/v1/videos/{videoId}}) through its own HTTP API, and a 200
 * allows the read. Paths the distribution serves without signed cookies (its media cache behaviours
 * without trusted key groups, e.g. posters and avatars) are always allowed. Answers are remembered
 * per (cookies, video) for a few seconds, as the signed cookies' lifetime would, so a player's
 * segment requests do not each cost a lookup.
 */
public final class MediaAccess {
  private static final Pattern VIDEO_KEY = Pattern.compile("^media/([A-Za-z0-9_-]+)/(.+)$");
  private static final Duration REMEMBER = Duration.ofSeconds(5);

  private final String checkPath;
  private final Pattern publicPaths;
  private final Supplier<URI> frontDoor;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final Map<String, Instant> allowedUntil = new ConcurrentHashMap<>();
  private final Clock clock;

  private MediaAccess(String checkPath, Pattern publicPaths, Supplier<URI> frontDoor, Clock clock) {
    this.checkPath = checkPath;
    this.publicPaths = publicPaths;
    this.frontDoor = frontDoor;
    this.clock = clock;
  }

  /** Every read allowed (a template without an access check). */
  public static MediaAccess open() {
    return new MediaAccess(null, null, null, Clock.systemUTC());
  }

  /**
   * @param checkPath the route to ask, with {@code {videoId}} for the video's id
   * @param publicPathPatterns CloudFront path patterns served without signed cookies (e.g. {@code
   *     /media/*\/poster-*.jpg}, {@code /media/avatars/*}): {@code *} any characters, {@code ?} one
   */
  public static MediaAccess checkedBy(
      String checkPath, List<String> publicPathPatterns, Supplier<URI> frontDoor) {
    String any =
        publicPathPatterns.isEmpty()
            ? "(?!)"
            : String.join("|", publicPathPatterns.stream().map(MediaAccess::globRegex).toList());
    return new MediaAccess(
        checkPath, Pattern.compile("^(" + any + ")$"), frontDoor, Clock.systemUTC());
  }

  private static String globRegex(String pathPattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pathPattern.toCharArray()) {
      regex.append(
          switch (c) {
            case '*' -> ".*";
            case '?' -> ".";
            default -> Pattern.quote(String.valueOf(c));
          });
    }
    return regex.toString();
  }

  /** Whether the caller with this Cookie header (may be null) may read {@code key}. */
  public boolean mayRead(String key, String cookieHeader) {
    if (checkPath == null) {
      return true;
    }
    if (publicPaths.matcher("/" + key).matches()) {
      return true;
    }
    Matcher matcher = VIDEO_KEY.matcher(key);
    if (!matcher.matches()) {
      return false;
    }
    String videoId = matcher.group(1);
    String memo = videoId + "\n" + Optional.ofNullable(cookieHeader).orElse("");
    Instant now = clock.instant();
    Instant until = allowedUntil.get(memo);
    if (until != null && until.isAfter(now)) {
      return true;
    }
    boolean allowed = ask(videoId, cookieHeader);
    if (allowed) {
      allowedUntil.put(memo, now.plus(REMEMBER));
    }
    return allowed;
  }

  private boolean ask(String videoId, String cookieHeader) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(frontDoor.get().resolve(checkPath.replace("{videoId}", videoId)))
            .timeout(Duration.ofSeconds(30))
            .GET();
    if (cookieHeader != null && !cookieHeader.isBlank()) {
      request.header("Cookie", cookieHeader);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
