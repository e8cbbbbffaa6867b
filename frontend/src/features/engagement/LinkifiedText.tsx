import { Fragment } from 'react';

/** http(s) URLs only: anything else (javascript:, data:) stays plain text. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/giu;
/** Punctuation that ends a sentence rather than the link ("see https://a.b/c."). */
const TRAILING_PUNCTUATION = /[.,;:!?)\]'"]+$/u;

export type Segment = { kind: 'text'; text: string } | { kind: 'link'; text: string; href: string };

/** Splits comment text into plain text and links; the text is never parsed as HTML. */
export function segments(text: string): Segment[] {
  const result: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const start = match.index;
    const raw = match[0];
    const url = raw.replace(TRAILING_PUNCTUATION, '');
    let href: string | undefined;
    try {
      const parsed = new URL(url);
      href = parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : undefined;
    } catch {
      href = undefined;
    }
    if (!href) continue;
    if (start > last) result.push({ kind: 'text', text: text.slice(last, start) });
    result.push({ kind: 'link', text: url, href });
    last = start + url.length;
  }
  if (last < text.length) result.push({ kind: 'text', text: text.slice(last) });
  return result;
}

/**
 * Comment text as React text nodes, with http(s) links made clickable. React escapes every text node, so
 * markup in a comment shows as typed; links open in a new tab without access to this page (noopener) and
 * pass no ranking (nofollow, ugc).
 */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {segments(text).map((segment, index) =>
        segment.kind === 'link' ? (
          <a key={index} href={segment.href} target="_blank" rel="noopener noreferrer nofollow ugc">
            {segment.text}
          </a>
        ) : (
          <Fragment key={index}>{segment.text}</Fragment>
        ),
      )}
    </>
  );
}
