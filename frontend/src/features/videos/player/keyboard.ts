import { limits } from '../../../contract/generated/limits.gen';

export type PlayerAction =
  | { kind: 'togglePlay' }
  | { kind: 'seekBy'; seconds: number }
  | { kind: 'toggleFullscreen' }
  | { kind: 'toggleMute' }
  | { kind: 'toggleCaptions' }
  | { kind: 'changeSpeed'; steps: number };

const EDITABLE = new Set(['INPUT', 'TEXTAREA', 'SELECT']);

/**
 * The player's shortcuts (space/k play-pause, j/l back/forward `player.seekStepSeconds`, f fullscreen, m mute,
 * c captions on/off, < and > one step down/up `player.playbackRates`).
 * Keys typed into a form field, with a modifier, or space on a focused button (which activates the button)
 * are left alone.
 */
export function playerAction(event: Pick<KeyboardEvent, 'key' | 'altKey' | 'ctrlKey' | 'metaKey' | 'target'>) {
  if (event.altKey || event.ctrlKey || event.metaKey) return null;
  const target = event.target;
  if (target instanceof HTMLElement) {
    if (EDITABLE.has(target.tagName) || target.isContentEditable) return null;
    if (event.key === ' ' && target.tagName === 'BUTTON') return null;
  }
  const step = limits.player.seekStepSeconds;
  switch (event.key.toLowerCase()) {
    case ' ':
    case 'k':
      return { kind: 'togglePlay' } satisfies PlayerAction;
    case 'j':
      return { kind: 'seekBy', seconds: -step } satisfies PlayerAction;
    case 'l':
      return { kind: 'seekBy', seconds: step } satisfies PlayerAction;
    case 'f':
      return { kind: 'toggleFullscreen' } satisfies PlayerAction;
    case 'm':
      return { kind: 'toggleMute' } satisfies PlayerAction;
    case 'c':
      return { kind: 'toggleCaptions' } satisfies PlayerAction;
    case '<':
      return { kind: 'changeSpeed', steps: -1 } satisfies PlayerAction;
    case '>':
      return { kind: 'changeSpeed', steps: 1 } satisfies PlayerAction;
    default:
      return null;
  }
}
