package dev.kinora.bench.coldstart;

import java.util.ArrayList;
import java.util.List;

/**
 * One way of starting the health function: which handler style, and which ahead-of-time archive
 * (none, an AppCDS archive, or a JDK 25 AOT cache) the JVM starts from.
 */
public enum Variant {
  PLAIN("plain", Style.PLAIN, Archive.NONE),
  PLAIN_APPCDS("plain-appcds", Style.PLAIN, Archive.APPCDS),
  PLAIN_AOT("plain-aot", Style.PLAIN, Archive.AOT),
  SPRING("spring", Style.SPRING, Archive.NONE),
  SPRING_APPCDS("spring-appcds", Style.SPRING, Archive.APPCDS),
  SPRING_AOT("spring-aot", Style.SPRING, Archive.AOT);

  /** How the Lambda runtime builds and calls the handler. */
  public enum Style {
    /**
     * aws-lambda-java-core {@code RequestHandler}: new instance, typed event in, typed response
     * out.
     */
    PLAIN,
    /** Spring's {@code FunctionInvoker}, a {@code RequestStreamHandler}: JSON bytes in and out. */
    SPRING
  }

  /** What the JVM maps in at start instead of loading and linking classes from the jar. */
  public enum Archive {
    NONE,
    /**
     * Dynamic AppCDS: {@code -XX:ArchiveClassesAtExit} once, then {@code -XX:SharedArchiveFile}.
     */
    APPCDS,
    /**
     * JDK 25 AOT cache (JEP 483/514): {@code -XX:AOTCacheOutput} once, then {@code -XX:AOTCache}.
     */
    AOT
  }

  /** Flags every measured JVM gets, as the Lambda Java runtime starts it. */
  public static final List<String> BASE_FLAGS = List.of("-XX:TieredStopAtLevel=1", "-Xshare:auto");

  /**
   * The AOT cache refuses any {@code -Xshare} option (the JVM exits: "cannot be used at the same
   * time with -Xshare:on, -Xshare:auto ..."); it maps the JDK's own classes itself.
   */
  static final List<String> AOT_BASE_FLAGS = List.of("-XX:TieredStopAtLevel=1");

  private final String id;
  private final Style style;
  private final Archive archive;

  Variant(String id, Style style, Archive archive) {
    this.id = id;
    this.style = style;
    this.archive = archive;
  }

  public String id() {
    return id;
  }

  public Style style() {
    return style;
  }

  public Archive archive() {
    return archive;
  }

  /** The variant without an archive that this one is trained from and compared against. */
  public Variant base() {
    return style == Style.PLAIN ? PLAIN : SPRING;
  }

  /** The archive file this variant writes in its training run and starts from afterwards. */
  public String archiveFileName() {
    return switch (archive) {
      case NONE -> "";
      case APPCDS -> id + ".jsa";
      case AOT -> id + ".aot";
    };
  }

  /** JVM flags for the one training run that writes the archive (empty: no training). */
  public List<String> trainingFlags(String archivePath) {
    return switch (archive) {
      case NONE -> List.of();
      case APPCDS -> with(BASE_FLAGS, "-XX:ArchiveClassesAtExit=" + archivePath);
      case AOT -> with(AOT_BASE_FLAGS, "-XX:AOTCacheOutput=" + archivePath);
    };
  }

  /** JVM flags for a measured run. */
  public List<String> measuredFlags(String archivePath) {
    return switch (archive) {
      case NONE -> BASE_FLAGS;
      case APPCDS -> with(BASE_FLAGS, "-XX:SharedArchiveFile=" + archivePath);
      case AOT -> with(AOT_BASE_FLAGS, "-XX:AOTCache=" + archivePath);
    };
  }

  /** Looks a variant up by its id ({@code plain}, {@code spring-appcds}, ...). */
  public static Variant byId(String id) {
    for (Variant variant : values()) {
      if (variant.id.equals(id)) {
        return variant;
      }
    }
    List<String> ids = new ArrayList<>();
    for (Variant variant : values()) {
      ids.add(variant.id);
    }
    throw new IllegalArgumentException(
        "unknown variant '" + id + "' (known: " + String.join(", ", ids) + ")");
  }

  private static List<String> with(List<String> base, String flag) {
    List<String> flags = new ArrayList<>(base);
    flags.add(flag);
    return List.copyOf(flags);
  }
}
