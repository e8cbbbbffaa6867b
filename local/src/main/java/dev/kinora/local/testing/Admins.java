package dev.kinora.local.testing;

import dev.kinora.local.LocalCloud;
import dev.kinora.local.admin.AdminCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The operator's {@code ./kinora admin} tool against a test's local cloud. */
public final class Admins {
  private Admins() {}

  /**
   * Runs {@code ./kinora admin <verb> <who>} ({@code grant} or {@code revoke}; a handle or an
   * email) and answers what it printed.
   *
   * @throws IllegalStateException when the tool exits non-zero, with what it printed to stderr
   */
  public static String command(LocalCloud cloud, String verb, String who) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int code =
        AdminCommand.run(
            new String[] {verb, who, "--url", cloud.frontDoorUrl().toString()},
            Map.of(),
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    if (code != 0) {
      throw new IllegalStateException(
          "kinora admin " + verb + " exited " + code + ": " + err.toString(StandardCharsets.UTF_8));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** A fresh account made admin with the command-line tool, before its first API call. */
  public static Visitor signedUp(LocalCloud cloud) {
    Visitor admin = Visitor.signedUp(cloud);
    command(cloud, "grant", admin.handle());
    return admin;
  }
}
