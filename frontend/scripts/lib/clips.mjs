// Test clips for the browser journeys, made once with the ffmpeg the transcode layer ships (so what the journeys
// upload is what the pipeline really decodes) and kept in frontend/test-results/ between runs.
//   FFMPEG (default ../layers/ffmpeg/target/layer/bin/ffmpeg)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const ffmpeg = process.env.FFMPEG ?? path.resolve(here, '../../../layers/ffmpeg/target/layer/bin/ffmpeg');
const resultsDir = path.resolve(here, '../../test-results');

/**
 * An H.264/AAC MP4 of `seconds` of a moving test pattern with a tone, `width`×`height`, named `name` in
 * frontend/test-results/; made only if it is not there yet.
 */
export function testClip(name, { width, height, seconds, pattern = 'testsrc2', tone = 440 }) {
  const file = path.join(resultsDir, name);
  if (existsSync(file)) return file;
  if (!existsSync(ffmpeg)) throw new Error(`no ffmpeg at ${ffmpeg} (build layers/ffmpeg first)`);
  mkdirSync(resultsDir, { recursive: true });
  execFileSync(ffmpeg, [
    ...['-hide_banner', '-loglevel', 'error', '-y'],
    ...['-f', 'lavfi', '-i', `${pattern}=size=${String(width)}x${String(height)}:rate=30`],
    ...['-f', 'lavfi', '-i', `sine=frequency=${String(tone)}:sample_rate=48000`],
    ...['-t', String(seconds), '-c:v', 'libx264', '-preset', 'ultrafast', '-pix_fmt', 'yuv420p'],
    ...['-c:a', 'aac', '-b:a', '96k', '-shortest', '-movflags', '+faststart', file],
  ]);
  return file;
}
