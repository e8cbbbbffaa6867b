package dev.kinora.transcode;

import java.util.List;

/** Where a long video's chunks go to be encoded, one worker invocation each. */
public interface ChunkQueue {
  void send(List<ChunkMessage> chunks);
}
