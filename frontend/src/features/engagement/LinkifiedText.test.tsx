import { render, screen } from '@testing-library/react';
import { LinkifiedText, segments } from './LinkifiedText';

test('markupInACommentIsShownAsTypedNeverRendered', () => {
  const { container } = render(
    <p>
      <LinkifiedText text={'<img src=x onerror="alert(1)"><script>alert(2)</script> <b>bold</b>'} />
    </p>,
  );

  expect(container.querySelector('img, script, b')).toBeNull();
  expect(container.textContent).toBe('<img src=x onerror="alert(1)"><script>alert(2)</script> <b>bold</b>');
});

test('httpLinksBecomeSafeAnchorsAndTrailingPunctuationStaysText', () => {
  render(
    <p>
      <LinkifiedText text="Docs at https://kinora.dev/docs?a=1. Thanks!" />
    </p>,
  );

  const link = screen.getByRole('link', { name: 'https://kinora.dev/docs?a=1' });
  expect(link).toHaveAttribute('href', 'https://kinora.dev/docs?a=1');
  expect(link).toHaveAttribute('target', '_blank');
  expect(link.getAttribute('rel')).toContain('noopener');
  expect(link.getAttribute('rel')).toContain('nofollow');
});

test('otherSchemesAreNeverLinked', () => {
  render(
    <p>
      <LinkifiedText text="javascript:alert(1) data:text/html,hi ftp://example.com" />
    </p>,
  );

  expect(screen.queryByRole('link')).toBeNull();
});

test('segmentsKeepEveryCharacterInOrder', () => {
  const text = 'a http://x.io b https://y.io/z, c';
  expect(
    segments(text)
      .map((segment) => segment.text)
      .join(''),
  ).toBe(text);
  expect(segments(text).filter((segment) => segment.kind === 'link')).toHaveLength(2);
});
