import { useCallback, useEffect, useRef, useState } from 'react';
import type HlsType from 'hls.js';
import { limits } from '../../../contract/generated/limits.gen';
import { CAPTIONS_OFF, saveCaptionLanguage, savedCaptionLanguage, toggledTrack, type CaptionOption } from './captions';
import { CaptionsMenu } from './CaptionsMenu';
import { playerAction } from './keyboard';
import { PlaybackTracker, type PlaybackPorts } from './playbackTracker';
import { nextPlaybackRate, startPosition } from './resume';
import { StoryboardPreview } from './StoryboardPreview';
import styles from './HlsPlayer.module.css';

interface Props {
  playlistUrl: string;
  posterUrl?: string | undefined;
  storyboardUrl?: string | undefined;
  durationSeconds?: number | undefined;
  resumeAt?: number | undefined;
  /** A shared link's `?t=`: wins over the resume position. */
  startAt?: number | undefined;
  /** Told the playback position as it moves (the share dialog offers "start at" from it). */
  onTime?: ((seconds: number) => void) | undefined;
  title: string;
  /** The embed page: the video fills the frame; no scrub strip, speed or quality row under it. */
  compact?: boolean;
  signedIn: boolean;
  ports: PlaybackPorts;
  /** Start playing as soon as it can (the next video of a playlist). */
  autoPlay?: boolean | undefined;
  /** Told when the video played to its end (a playlist goes on to the next one). */
  onEnded?: (() => void) | undefined;
}

/** One rung of the ladder as the quality menu lists it. */
interface Level {
  index: number;
  height: number;
}

const AUTO = -1;
const HLS_MIME = 'application/vnd.apple.mpegurl';

const RATE_KEY = 'kinora.playbackRate';

/** The viewer's last speed on this browser, if it is still one of `player.playbackRates`. */
function savedPlaybackRate(): number {
  try {
    const saved = Number(window.localStorage.getItem(RATE_KEY));
    return limits.player.playbackRates.some((rate) => rate === saved) ? saved : 1;
  } catch {
    return 1;
  }
}

function savePlaybackRate(rate: number) {
  try {
    window.localStorage.setItem(RATE_KEY, String(rate));
  } catch {
    // Private mode or storage full: the speed just is not remembered.
  }
}

/** Safari plays HLS itself (and better than MSE there); everyone else gets hls.js. */
function prefersNativeHls(video: HTMLVideoElement): boolean {
  return video.canPlayType(HLS_MIME) !== '' && /apple/i.test(navigator.vendor);
}

/**
 * The adaptive player. hls.js is imported only here, when a video is about to play, so it is its own chunk
 * loaded by the watch page alone. Starts at the resume position (unless the viewer had finished), lets ABR
 * choose the start level under the player's size, recovers from fatal network errors (`startLoad`) and media
 * errors (`recoverMediaError`) up to `player.maxErrorRecoveries` times, then shows an error with a retry.
 */
export function HlsPlayer(props: Props) {
  const { playlistUrl, durationSeconds, resumeAt, startAt, onTime, signedIn, ports, onEnded } = props;
  const videoRef = useRef<HTMLVideoElement>(null);
  const shellRef = useRef<HTMLDivElement>(null);
  const hlsRef = useRef<HlsType | null>(null);
  const [levels, setLevels] = useState<Level[]>([]);
  const [currentLevel, setCurrentLevel] = useState<number>(AUTO);
  const [autoLevel, setAutoLevel] = useState(true);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [engine, setEngine] = useState<'hls.js' | 'native' | 'loading'>('loading');
  const [rate, setRate] = useState(savedPlaybackRate);
  // The master's subtitle renditions (hls.js `subtitleTracks`) and the one shown (`subtitleTrack`, -1 off).
  const [captionOptions, setCaptionOptions] = useState<CaptionOption[]>([]);
  const [captionTrack, setCaptionTrack] = useState(CAPTIONS_OFF);
  const captionsRef = useRef({ options: captionOptions, current: captionTrack });
  useEffect(() => {
    captionsRef.current = { options: captionOptions, current: captionTrack };
  }, [captionOptions, captionTrack]);

  // The speed survives a new source (hls.js re-attaching resets nothing, native src does) and the next video.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    video.defaultPlaybackRate = rate;
    video.playbackRate = rate;
    savePlaybackRate(rate);
  }, [rate, playlistUrl, attempt]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !onTime) return undefined;
    const tell = () => {
      onTime(video.currentTime);
    };
    video.addEventListener('timeupdate', tell);
    return () => {
      video.removeEventListener('timeupdate', tell);
    };
  }, [onTime]);

  useEffect(() => {
    const video = videoRef.current;
    if (!video || !onEnded) return undefined;
    video.addEventListener('ended', onEnded);
    return () => {
      video.removeEventListener('ended', onEnded);
    };
  }, [onEnded]);

  // Progress and views: one tracker per mounted player.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const tracker = new PlaybackTracker(
      ports,
      () =>
        Number.isFinite(video.duration) && video.duration > 0
          ? { position: video.currentTime, duration: video.duration }
          : null,
      signedIn,
      {
        setInterval: (f, ms) => window.setInterval(f, ms),
        clearInterval: (h) => {
          window.clearInterval(h as number);
        },
      },
    );
    const onPlay = () => {
      tracker.onPlay();
    };
    const onPause = () => {
      tracker.onPause();
    };
    const onSeeked = () => {
      tracker.onSeeked();
    };
    const onTime = () => {
      tracker.onTimeUpdate(!video.paused);
    };
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') tracker.onHidden();
    };
    const onPageHide = () => {
      tracker.onHidden();
    };
    video.addEventListener('play', onPlay);
    video.addEventListener('pause', onPause);
    video.addEventListener('seeked', onSeeked);
    video.addEventListener('timeupdate', onTime);
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    return () => {
      video.removeEventListener('play', onPlay);
      video.removeEventListener('pause', onPause);
      video.removeEventListener('seeked', onSeeked);
      video.removeEventListener('timeupdate', onTime);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      tracker.dispose();
    };
  }, [ports, signedIn]);

  // The stream: hls.js (or native HLS on Safari), rebuilt on retry.
  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    let cancelled = false;
    const start =
      startAt === undefined
        ? startPosition(resumeAt, durationSeconds)
        : Math.min(startAt, Math.max(0, (durationSeconds ?? Number.MAX_SAFE_INTEGER) - 1));
    setFailed(false);
    setLevels([]);
    setCaptionOptions([]);
    setCaptionTrack(CAPTIONS_OFF);

    if (prefersNativeHls(video)) {
      setEngine('native');
      const seekToStart = () => {
        if (start > 0) video.currentTime = start;
      };
      video.addEventListener('loadedmetadata', seekToStart, { once: true });
      video.src = playlistUrl;
      return () => {
        video.removeEventListener('loadedmetadata', seekToStart);
        video.removeAttribute('src');
        video.load();
      };
    }

    void import('hls.js').then(({ default: Hls }) => {
      if (cancelled) return;
      if (!Hls.isSupported()) {
        setEngine('native');
        video.src = playlistUrl;
        return;
      }
      setEngine('hls.js');
      // The remembered captions language is hls.js's own preference: it selects that rendition as the tracks
      // arrive (a subtitleTrack set from SUBTITLE_TRACKS_UPDATED would be overridden by its initial selection).
      const captionsLanguage = savedCaptionLanguage();
      const hls = new Hls({
        startLevel: AUTO,
        capLevelToPlayerSize: true,
        startPosition: start,
        ...(captionsLanguage ? { subtitlePreference: { lang: captionsLanguage } } : {}),
      });
      hlsRef.current = hls;
      let recoveries = 0;
      hls.on(Hls.Events.MANIFEST_PARSED, (_event, data) => {
        setLevels(
          data.levels.map((level, index) => ({ index, height: level.height })).sort((a, b) => b.height - a.height),
        );
      });
      hls.on(Hls.Events.SUBTITLE_TRACKS_UPDATED, (_event, data) => {
        const options = data.subtitleTracks.map((track, id) => ({
          id,
          language: track.lang ?? 'und',
          label: track.name,
        }));
        setCaptionOptions(options);
        hls.subtitleDisplay = captionsLanguage !== null;
      });
      hls.on(Hls.Events.SUBTITLE_TRACK_SWITCH, (_event, data) => {
        setCaptionTrack(data.id);
      });
      hls.on(Hls.Events.LEVEL_SWITCHED, (_event, data) => {
        setCurrentLevel(data.level);
        setAutoLevel(hls.autoLevelEnabled);
      });
      hls.on(Hls.Events.ERROR, (_event, data) => {
        if (!data.fatal) return;
        recoveries += 1;
        if (recoveries > limits.player.maxErrorRecoveries) {
          hls.destroy();
          hlsRef.current = null;
          setFailed(true);
          return;
        }
        if (data.type === Hls.ErrorTypes.NETWORK_ERROR) {
          hls.startLoad();
        } else if (data.type === Hls.ErrorTypes.MEDIA_ERROR) {
          hls.recoverMediaError();
        } else {
          hls.destroy();
          hlsRef.current = null;
          setFailed(true);
        }
      });
      hls.loadSource(playlistUrl);
      hls.attachMedia(video);
    });
    return () => {
      cancelled = true;
      hlsRef.current?.destroy();
      hlsRef.current = null;
    };
  }, [playlistUrl, resumeAt, startAt, durationSeconds, attempt]);

  const chooseLevel = (value: string) => {
    const hls = hlsRef.current;
    if (!hls) return;
    const level = Number(value);
    // currentLevel switches now (drops the buffer ahead); -1 hands the choice back to ABR.
    hls.currentLevel = level;
    setAutoLevel(level === AUTO);
  };

  const chooseCaptions = useCallback((id: number) => {
    const hls = hlsRef.current;
    if (!hls) return;
    hls.subtitleDisplay = id !== CAPTIONS_OFF;
    hls.subtitleTrack = id;
    setCaptionTrack(id);
    saveCaptionLanguage(captionsRef.current.options.find((option) => option.id === id)?.language ?? null);
  }, []);

  const act = useCallback(
    (event: KeyboardEvent) => {
      const video = videoRef.current;
      const action = playerAction(event);
      if (!video || !action) return;
      event.preventDefault();
      switch (action.kind) {
        case 'togglePlay':
          if (video.paused) void video.play().catch(() => undefined);
          else video.pause();
          break;
        case 'seekBy': {
          const end = Number.isFinite(video.duration) ? video.duration : Number.MAX_SAFE_INTEGER;
          video.currentTime = Math.min(Math.max(0, video.currentTime + action.seconds), end);
          break;
        }
        case 'toggleMute':
          video.muted = !video.muted;
          break;
        case 'changeSpeed':
          setRate((current) => nextPlaybackRate(current, action.steps));
          break;
        case 'toggleCaptions': {
          const { options, current } = captionsRef.current;
          chooseCaptions(toggledTrack(options, current, savedCaptionLanguage()));
          break;
        }
        case 'toggleFullscreen':
          if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
          else void shellRef.current?.requestFullscreen().catch(() => undefined);
          break;
      }
    },
    [chooseCaptions],
  );

  useEffect(() => {
    const shell = shellRef.current;
    shell?.addEventListener('keydown', act);
    return () => shell?.removeEventListener('keydown', act);
  }, [act]);

  const current = levels.find((level) => level.index === currentLevel);
  return (
    <div className={props.compact ? styles.compact : styles.wrapper}>
      {/* Shortcuts are heard on the shell (keydown bubbles from the focused video and its native controls). */}
      <div
        ref={shellRef}
        className={styles.shell}
        role="group"
        aria-label={`Video player: ${props.title}. Shortcuts: space or k play and pause, j and l seek, f fullscreen, m mute, c captions, < and > speed.`}
        data-engine={engine}
        data-current-level={currentLevel}
        data-level-count={levels.length}
      >
        {/* Captions come from the HLS master's subtitle group: hls.js adds the text tracks itself. */}
        {/* eslint-disable-next-line jsx-a11y/media-has-caption */}
        <video
          ref={videoRef}
          className={styles.video}
          controls
          playsInline
          preload="metadata"
          autoPlay={props.autoPlay}
          poster={props.posterUrl}
          aria-label={props.title}
        />
        {failed && (
          <div className={styles.error} role="alert">
            <p>This video can&apos;t be played right now.</p>
            <button
              type="button"
              onClick={() => {
                setAttempt((n) => n + 1);
              }}
            >
              Try again
            </button>
          </div>
        )}
      </div>
      {!props.compact && (
        <div className={styles.toolbar}>
          {props.storyboardUrl && durationSeconds ? (
            <StoryboardPreview
              url={props.storyboardUrl}
              durationSeconds={durationSeconds}
              onSeek={(seconds) => {
                if (videoRef.current) videoRef.current.currentTime = seconds;
              }}
            />
          ) : (
            <span />
          )}
          <label className={styles.quality}>
            <span>Speed</span>
            <select
              value={rate}
              onChange={(event) => {
                setRate(Number(event.target.value));
              }}
            >
              {limits.player.playbackRates.map((choice) => (
                <option key={choice} value={choice}>
                  {choice === 1 ? 'Normal' : `${String(choice)}×`}
                </option>
              ))}
            </select>
          </label>
          {captionOptions.length > 0 && (
            <CaptionsMenu options={captionOptions} current={captionTrack} onChoose={chooseCaptions} />
          )}
          {levels.length > 0 && (
            <label className={styles.quality}>
              <span>Quality</span>
              <select
                value={autoLevel ? AUTO : currentLevel}
                onChange={(event) => {
                  chooseLevel(event.target.value);
                }}
              >
                <option value={AUTO}>{autoLevel && current ? `Auto (${current.height}p)` : 'Auto'}</option>
                {levels.map((level) => (
                  <option key={level.index} value={level.index}>
                    {level.height}p
                  </option>
                ))}
              </select>
            </label>
          )}
        </div>
      )}
    </div>
  );
}
