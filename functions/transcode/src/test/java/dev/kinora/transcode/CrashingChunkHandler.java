package dev.kinora.transcode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.StandardOpenOption;

/**
 * The chunk handler over a worker that always crashes. Used only by the test template {@code
 * transcode-crash/template.yaml}; counts attempts in the same file as {@link
 * CrashingTranscodeHandler}.
 */
public final class CrashingChunkHandler extends TranscodeChunkHandler {
  public CrashingChunkHandler() {
    super(
        chunk -> {
          try {
            Files.writeString(
                CrashingTranscodeHandler.attemptsFile(chunk.videoId()),
                "crash chunk " + chunk.index() + "\n",
                StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
          throw new IllegalStateException("injected crash for chunk " + chunk.index());
        });
  }
}
