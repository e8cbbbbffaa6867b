import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test/renderApp';

function preferDark(matches: boolean) {
  vi.stubGlobal(
    'matchMedia',
    vi.fn((query: string) => ({
      matches: query === '(prefers-color-scheme: dark)' && matches,
      media: query,
      addEventListener: vi.fn(),
      removeEventListener: vi.fn(),
    })),
  );
}

test('darkModeFollowsTheSystemUntilChosen', async () => {
  preferDark(true);
  await renderApp('/');

  expect(screen.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  expect(document.documentElement.dataset.theme).toBe('dark');
});

test('darkModeChoiceIsRemembered', async () => {
  preferDark(false);
  const user = userEvent.setup();
  const first = await renderApp('/');

  await user.click(screen.getByRole('button', { name: 'Dark mode' }));
  expect(document.documentElement.dataset.theme).toBe('dark');
  first.unmount();

  await renderApp('/');
  expect(screen.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'true');
  expect(document.documentElement.dataset.theme).toBe('dark');
});

test('lightChoiceWinsOverADarkSystem', async () => {
  preferDark(true);
  const user = userEvent.setup();
  await renderApp('/');

  await user.click(screen.getByRole('button', { name: 'Dark mode' }));

  expect(screen.getByRole('button', { name: 'Dark mode' })).toHaveAttribute('aria-pressed', 'false');
  expect(document.documentElement.dataset.theme).toBe('light');
});
