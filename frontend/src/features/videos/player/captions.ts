/** One subtitle rendition of the master playlist as the captions menu lists it (`id`: hls.js's index). */
export interface CaptionOption {
  id: number;
  language: string;
  label: string;
}

export const CAPTIONS_OFF = -1;
const KEY = 'kinora.captions';

/** The language the viewer last chose on this browser, `null` for "off" (also the default). */
export function savedCaptionLanguage(): string | null {
  try {
    const saved = window.localStorage.getItem(KEY);
    return saved && saved !== 'off' ? saved : null;
  } catch {
    return null;
  }
}

export function saveCaptionLanguage(language: string | null) {
  try {
    window.localStorage.setItem(KEY, language ?? 'off');
  } catch {
    // Private mode or storage full: the choice just is not remembered.
  }
}

/**
 * The track to show for a remembered language: the same tag, else the same base language ("en" for "en-GB"),
 * else off.
 */
export function preferredTrack(options: readonly CaptionOption[], language: string | null): number {
  if (!language) return CAPTIONS_OFF;
  const exact = options.find((option) => option.language.toLowerCase() === language.toLowerCase());
  if (exact) return exact.id;
  const base = language.split('-')[0]?.toLowerCase();
  const sameBase = options.find((option) => option.language.split('-')[0]?.toLowerCase() === base);
  return sameBase ? sameBase.id : CAPTIONS_OFF;
}

/** What the `c` key switches to: off when captions show, else the remembered language or the first track. */
export function toggledTrack(options: readonly CaptionOption[], current: number, language: string | null): number {
  if (current !== CAPTIONS_OFF || options.length === 0) return CAPTIONS_OFF;
  const preferred = preferredTrack(options, language);
  return preferred === CAPTIONS_OFF ? (options[0]?.id ?? CAPTIONS_OFF) : preferred;
}
