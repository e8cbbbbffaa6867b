import type { RealtimeServerMessage, Video } from '../../contract/generated/types.gen';

/** What the socket has told us about one video so far. */
export interface LiveTranscode {
  started: boolean;
  /** Percent per rendition, never moving backwards. */
  progress: Record<string, number>;
  completed?: { resolutions: string[]; thumbnailUrl?: string };
  failedReason?: string;
  /** The server refused to subscribe us (e.g. not our video): only HTTP can tell. */
  refused: boolean;
}

export const initialLiveTranscode: LiveTranscode = { started: false, progress: {}, refused: false };

export function liveTranscodeReducer(state: LiveTranscode, message: RealtimeServerMessage): LiveTranscode {
  switch (message.type) {
    case 'transcode.started':
      return { ...state, started: true };
    case 'transcode.progress': {
      const previous = state.progress[message.resolution] ?? 0;
      if (message.progress <= previous) return state;
      return { ...state, started: true, progress: { ...state.progress, [message.resolution]: message.progress } };
    }
    case 'transcode.completed':
      return {
        ...state,
        completed: {
          resolutions: message.resolutions,
          ...(message.thumbnailUrl === undefined ? {} : { thumbnailUrl: message.thumbnailUrl }),
        },
      };
    case 'transcode.failed':
      return { ...state, failedReason: message.reason };
    case 'error':
      return message.action === 'subscribe' ? { ...state, refused: true } : state;
    case 'subscribed':
    case 'unsubscribed':
    case 'notification.new':
      return state;
  }
}

export interface Rendition {
  resolution: string;
  progress: number;
}

export type TranscodeView =
  | { phase: 'processing'; started: boolean; renditions: Rendition[] }
  | { phase: 'ready'; thumbnailUrl?: string; resolutions: string[] }
  | { phase: 'failed'; reason: string }
  | { phase: 'unknown' };

const FAILED_WITHOUT_REASON = 'We could not process this video.';

/** Lowest first: the 360p rendition is encoded first and is the first one playable. */
function byHeight(a: string, b: string): number {
  return Number.parseInt(a, 10) - Number.parseInt(b, 10);
}

/**
 * One view from two sources: a terminal state wins from wherever it comes (the HTTP read catches a terminal event the
 * socket missed; the socket is faster than the next read), otherwise the live progress per rendition.
 */
export function transcodeView(live: LiveTranscode, video: Video | undefined): TranscodeView {
  if (video?.status === 'ready') {
    return {
      phase: 'ready',
      resolutions: video.resolutions,
      ...(video.thumbnailUrl === undefined ? {} : { thumbnailUrl: video.thumbnailUrl }),
    };
  }
  if (video?.status === 'failed' || video?.status === 'blocked') {
    return { phase: 'failed', reason: video.failureReason ?? FAILED_WITHOUT_REASON };
  }
  if (live.completed) return { phase: 'ready', ...live.completed };
  if (live.failedReason !== undefined) return { phase: 'failed', reason: live.failedReason };
  if (video === undefined && !live.started) return { phase: 'unknown' };
  const renditions = Object.keys(live.progress)
    .sort(byHeight)
    .map((resolution) => ({ resolution, progress: live.progress[resolution] ?? 0 }));
  return { phase: 'processing', started: live.started, renditions };
}

export function isTerminal(view: TranscodeView): boolean {
  return view.phase === 'ready' || view.phase === 'failed';
}
