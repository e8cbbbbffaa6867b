/** The languages the owner's captions form offers first; any BCP 47 tag can be typed with "Other". */
export const CAPTION_LANGUAGES: readonly { tag: string; name: string }[] = [
  { tag: 'en', name: 'English' },
  { tag: 'es', name: 'Español' },
  { tag: 'fr', name: 'Français' },
  { tag: 'de', name: 'Deutsch' },
  { tag: 'it', name: 'Italiano' },
  { tag: 'pt', name: 'Português' },
  { tag: 'pt-BR', name: 'Português (Brasil)' },
  { tag: 'nl', name: 'Nederlands' },
  { tag: 'sv', name: 'Svenska' },
  { tag: 'pl', name: 'Polski' },
  { tag: 'tr', name: 'Türkçe' },
  { tag: 'uk', name: 'Українська' },
  { tag: 'ru', name: 'Русский' },
  { tag: 'ar', name: 'العربية' },
  { tag: 'hi', name: 'हिन्दी' },
  { tag: 'ja', name: '日本語' },
  { tag: 'ko', name: '한국어' },
  { tag: 'zh-Hans', name: '中文（简体）' },
  { tag: 'zh-Hant', name: '中文（繁體）' },
];

/** The format of a picked file, from its name: `.srt` is SubRip, anything else is treated as WebVTT. */
export function captionFormat(fileName: string): 'srt' | 'vtt' {
  return fileName.toLowerCase().endsWith('.srt') ? 'srt' : 'vtt';
}
