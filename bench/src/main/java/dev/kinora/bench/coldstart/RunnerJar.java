package dev.kinora.bench.coldstart;

import dev.kinora.bench.coldstart.child.ColdStartChild;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * Packs {@link ColdStartChild} alone into {@code runner.jar}, so the measured JVM's class path is
 * the JDK, the function jar and one class. (AppCDS and the AOT cache only accept jars on the class
 * path, not folders.) The jar is rewritten only when the class changed, so its timestamp, which the
 * archives check, stays put between runs.
 */
final class RunnerJar {

  static final String CLASS_ENTRY = ColdStartChild.class.getName().replace('.', '/') + ".class";

  private RunnerJar() {}

  static Path write(Path dir) throws IOException {
    byte[] jar = build();
    Path file = dir.resolve("runner.jar");
    if (!Files.exists(file) || !Arrays.equals(Files.readAllBytes(file), jar)) {
      Files.createDirectories(dir);
      Files.write(file, jar);
    }
    return file;
  }

  static byte[] build() throws IOException {
    byte[] classBytes;
    try (InputStream in = ColdStartChild.class.getResourceAsStream("/" + CLASS_ENTRY)) {
      if (in == null) {
        throw new IOException(CLASS_ENTRY + " is not on the bench's class path");
      }
      classBytes = in.readAllBytes();
    }
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (JarOutputStream jar = new JarOutputStream(bytes, manifest)) {
      JarEntry entry = new JarEntry(CLASS_ENTRY);
      entry.setTime(0);
      jar.putNextEntry(entry);
      jar.write(classBytes);
      jar.closeEntry();
    }
    return bytes.toByteArray();
  }
}
