package dev.kinora.local.demo;

import java.util.List;

/**
 * What {@code ./kinora up --demo} puts on the platform: channels, videos (each with the recipe of
 * its generated clip), who likes and comments on what, and how many anonymous views each gets.
 * Data, not code, so the seeder reads as the flow and this file as the content.
 */
record DemoCatalog(
    List<DemoChannel> channels, List<DemoVideo> videos, List<Subscription> subscriptions) {

  /** Every demo account signs in with this password (documented in the README). */
  static final String PASSWORD = "kinora demo password";

  /** A demo account and its channel; the email and handle identify it across runs. */
  record DemoChannel(
      String handle, String name, String description, int avatarRgbFrom, int avatarRgbTo) {
    String email() {
      return handle + "@demo.kinora.dev";
    }
  }

  /**
   * The clip ffmpeg generates: a lavfi source ({@code testsrc2}, {@code mandelbrot}, {@code
   * smptebars}, {@code color=c=…}, {@code life}, …) at a size and length, a tone, a title overlay.
   */
  record Clip(String source, int width, int height, int seconds, int toneHz) {
    String fileName() {
      String name = source.replaceAll("[^A-Za-z0-9]+", "-");
      return name + "-" + width + "x" + height + "-" + seconds + "s-" + toneHz + "hz.mp4";
    }
  }

  /** A comment by {@code author} (a channel handle) with replies (author, text) under it. */
  record DemoComment(String author, String text, List<DemoReply> replies) {}

  record DemoReply(String author, String text) {}

  record DemoVideo(
      String channel,
      String title,
      String description,
      List<String> tags,
      List<String> categories,
      String visibility,
      Clip clip,
      List<String> likedBy,
      List<DemoComment> comments,
      int anonymousViews) {}

  record Subscription(String subscriber, String channel) {}

  /** The first {@code count} videos only (the integration test seeds a small catalog). */
  DemoCatalog limitVideos(int count) {
    return new DemoCatalog(
        channels, videos.subList(0, Math.min(count, videos.size())), subscriptions);
  }

  static DemoCatalog standard() {
    var channels =
        List.of(
            new DemoChannel(
                "studio-ada",
                "Studio Ada",
                "Short films about colour, light and the patterns hiding in test signals.",
                0xff6b6b,
                0x5f27cd),
            new DemoChannel(
                "fractal-friday",
                "Fractal Friday",
                "Every Friday a new zoom into the Mandelbrot set, with the maths explained slowly.",
                0x10ac84,
                0x0abde3),
            new DemoChannel(
                "signal-school",
                "Signal School",
                "Video engineering for everyone: colour bars, codecs, frame rates and bitrates.",
                0xfeca57,
                0xff9f43),
            new DemoChannel(
                "tiny-worlds",
                "Tiny Worlds",
                "Cellular automata, game of life and other small universes that grow on their own.",
                0x48dbfb,
                0x1dd1a1));
    var videos =
        List.of(
            new DemoVideo(
                "studio-ada",
                "Tiny test card",
                "The smallest video on the channel: 320 by 240, five seconds.",
                List.of("test card", "tiny"),
                List.of("Film & Animation"),
                "public",
                new Clip("rgbtestsrc", 320, 240, 5, 660),
                List.of("fractal-friday"),
                List.of(
                    new DemoComment(
                        "signal-school",
                        "Small but perfectly formed.",
                        List.of(new DemoReply("studio-ada", "Every pixel hand-placed.")))),
                3),
            new DemoVideo(
                "tiny-worlds",
                "Draft: next week's world (private)",
                "Private: only the channel owner sees this video.",
                List.of("draft"),
                List.of("Science & Technology"),
                "private",
                new Clip("color=c=0x336699", 640, 360, 6, 392),
                List.of(),
                List.of(),
                0),
            new DemoVideo(
                "studio-ada",
                "A minute of calm colour",
                "A slow drift through a test pattern. Good for checking your screen, or just breathing.",
                List.of("calm", "colour", "test pattern"),
                List.of("Film & Animation"),
                "public",
                new Clip("testsrc2", 854, 480, 20, 330),
                List.of("fractal-friday", "signal-school", "tiny-worlds"),
                List.of(
                    new DemoComment(
                        "fractal-friday",
                        "The gradient at 0:12 is lovely.",
                        List.of(
                            new DemoReply("studio-ada", "Thank you! It took three tries."),
                            new DemoReply("tiny-worlds", "Agreed, very soothing."))),
                    new DemoComment(
                        "signal-school", "Which encoder settings did you use?", List.of())),
                24),
            new DemoVideo(
                "fractal-friday",
                "Mandelbrot zoom, episode 1",
                "We zoom into the seahorse valley and talk about why the edge never ends.",
                List.of("mandelbrot", "fractal", "maths", "zoom"),
                List.of("Education", "Science & Technology"),
                "public",
                new Clip("mandelbrot", 640, 360, 15, 220),
                List.of("studio-ada", "signal-school"),
                List.of(
                    new DemoComment(
                        "tiny-worlds",
                        "Could you do a longer zoom next week?",
                        List.of(new DemoReply("fractal-friday", "Episode 3 goes twice as deep!")))),
                31),
            new DemoVideo(
                "signal-school",
                "What are SMPTE colour bars?",
                "The bars every broadcaster knows, and how to use them to calibrate a monitor.",
                List.of("smpte", "colour bars", "calibration", "broadcast"),
                List.of("Education", "Science & Technology"),
                "public",
                new Clip("smptebars", 1280, 720, 12, 1000),
                List.of("studio-ada", "fractal-friday", "tiny-worlds"),
                List.of(
                    new DemoComment("studio-ada", "Finally understood the PLUGE bars.", List.of())),
                18),
            new DemoVideo(
                "tiny-worlds",
                "Game of Life: gliders everywhere",
                "Conway's Game of Life from a random start. Watch the gliders escape.",
                List.of("game of life", "cellular automata", "conway"),
                List.of("Science & Technology", "Gaming"),
                "public",
                new Clip(
                    "life=s=320x180:mold=10:ratio=0.5:death_color=#204060:life_color=#80ffd0",
                    640,
                    360,
                    25,
                    440),
                List.of("studio-ada", "fractal-friday"),
                List.of(
                    new DemoComment(
                        "signal-school",
                        "How many generations is this?",
                        List.of(new DemoReply("tiny-worlds", "About 375, at 15 per second.")))),
                12),
            new DemoVideo(
                "studio-ada",
                "Sunset in one colour",
                "An experiment: a whole sunset told with a single orange frame and a tone.",
                List.of("minimal", "colour", "sunset"),
                List.of("Film & Animation", "Music"),
                "public",
                new Clip("color=c=0xff7f50", 640, 360, 8, 262),
                List.of("tiny-worlds"),
                List.of(),
                7),
            new DemoVideo(
                "fractal-friday",
                "Mandelbrot zoom, episode 2: the long one",
                "Forty seconds deeper than last week. Headphones recommended for the tone.",
                List.of("mandelbrot", "fractal", "deep zoom"),
                List.of("Education"),
                "public",
                new Clip("mandelbrot=end_scale=0.01", 640, 360, 40, 196),
                List.of("signal-school", "tiny-worlds"),
                List.of(new DemoComment("studio-ada", "Hypnotic. Watched it twice.", List.of())),
                15),
            new DemoVideo(
                "signal-school",
                "Frame rates explained in 10 seconds",
                "24, 25, 30, 60: what changes and when it matters.",
                List.of("frame rate", "fps", "video basics"),
                List.of("Education"),
                "public",
                new Clip("testsrc", 640, 360, 10, 880),
                List.of("fractal-friday"),
                List.of(),
                9),
            new DemoVideo(
                "tiny-worlds",
                "Rule 110 in portrait",
                "A one-dimensional automaton that is Turing complete, filmed for phones.",
                List.of("rule 110", "cellular automata", "portrait"),
                List.of("Science & Technology"),
                "public",
                new Clip("cellauto=rule=110:s=180x320", 360, 640, 14, 523),
                List.of("signal-school"),
                List.of(
                    new DemoComment(
                        "fractal-friday", "Portrait works surprisingly well for this.", List.of())),
                6),
            new DemoVideo(
                "signal-school",
                "HD colour bars for the studio",
                "SMPTE HD bars for monitor line-up, with a 1 kHz reference tone.",
                List.of("smpte", "hd", "calibration"),
                List.of("Science & Technology"),
                "public",
                new Clip("smptehdbars", 854, 480, 18, 1000),
                List.of("tiny-worlds"),
                List.of(),
                4),
            new DemoVideo(
                "fractal-friday",
                "Behind the scenes (unlisted)",
                "Only people with the link can see this one: it is not in any listing or search.",
                List.of("behind the scenes"),
                List.of("Education"),
                "unlisted",
                new Clip("testsrc2", 640, 360, 6, 300),
                List.of(),
                List.of(),
                0));
    var subscriptions =
        List.of(
            new Subscription("studio-ada", "fractal-friday"),
            new Subscription("studio-ada", "signal-school"),
            new Subscription("fractal-friday", "studio-ada"),
            new Subscription("signal-school", "tiny-worlds"),
            new Subscription("tiny-worlds", "fractal-friday"),
            new Subscription("tiny-worlds", "studio-ada"));
    return new DemoCatalog(channels, videos, subscriptions);
  }
}
