import { useEffect, useState } from 'react';
import type { MouseEvent } from 'react';
import { limits } from '../../../contract/generated/limits.gen';
import styles from './HlsPlayer.module.css';
import { formatClock } from '../../../lib/format/time';

interface Props {
  url: string;
  durationSeconds: number;
  onSeek: (seconds: number) => void;
}

const { columns, rows, tileWidth } = limits.transcode.storyboard;
const TILES = columns * rows;

/** Which sprite tile shows `seconds`: the transcoder samples `columns × rows` frames evenly over the video. */
export function storyboardTile(seconds: number, durationSeconds: number): { column: number; row: number } {
  const index = Math.min(TILES - 1, Math.max(0, Math.floor((seconds / durationSeconds) * TILES)));
  return { column: index % columns, row: Math.floor(index / columns) };
}

/**
 * A scrub strip under the video: hovering shows the storyboard frame of that moment (a seek preview the native
 * controls cannot show), clicking seeks there. Mouse only; the native controls and j/l stay the keyboard way.
 */
export function StoryboardPreview({ url, durationSeconds, onSeek }: Props) {
  const [hover, setHover] = useState<{ seconds: number; x: number } | null>(null);
  const [tileHeight, setTileHeight] = useState<number | null>(null);

  // Loaded once, off the page, to learn the tile height (the sprite keeps the video's aspect ratio).
  useEffect(() => {
    const sprite = new Image();
    sprite.onload = () => {
      setTileHeight(sprite.naturalHeight / rows);
    };
    sprite.src = url;
    return () => {
      sprite.onload = null;
    };
  }, [url]);

  const at = (event: MouseEvent<HTMLDivElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const fraction = Math.min(1, Math.max(0, (event.clientX - box.left) / box.width));
    return { seconds: fraction * durationSeconds, x: event.clientX - box.left };
  };

  const tile = hover ? storyboardTile(hover.seconds, durationSeconds) : null;
  return (
    // eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-static-element-interactions
    <div
      className={styles.scrub}
      onMouseMove={(event) => {
        setHover(at(event));
      }}
      onMouseLeave={() => {
        setHover(null);
      }}
      onClick={(event) => {
        onSeek(at(event).seconds);
      }}
      data-testid="storyboard-scrub"
    >
      {hover && tile && tileHeight && (
        <div className={styles.preview} style={{ left: hover.x }} aria-hidden="true">
          <div
            className={styles.frame}
            style={{
              width: tileWidth,
              height: tileHeight,
              backgroundImage: `url(${url})`,
              backgroundPosition: `-${tile.column * tileWidth}px -${tile.row * tileHeight}px`,
            }}
          />
          <span>{formatClock(hover.seconds)}</span>
        </div>
      )}
    </div>
  );
}
