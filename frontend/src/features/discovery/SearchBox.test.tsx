import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, healthyApi, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

test('searchBoxNavigatesToResultsWithQuery', async () => {
  const user = userEvent.setup();
  const { router } = await renderApp('/');

  await user.type(screen.getByRole('combobox', { name: 'Search videos' }), '  cats & dogs {enter}');

  expect(router.state.location.pathname).toBe('/search');
  expect(new URLSearchParams(router.state.location.search).get('q')).toBe('cats & dogs');
  expect(await screen.findByRole('heading', { level: 1, name: 'Results for “cats & dogs”' })).toBeInTheDocument();
});

test('emptySearchStaysOnThePage', async () => {
  const user = userEvent.setup();
  const { router } = await renderApp('/');

  await user.click(screen.getByRole('button', { name: 'Submit search' }));

  expect(router.state.location.pathname).toBe('/');
  expect(screen.getByRole('combobox', { name: 'Search videos' })).toHaveFocus();
});

test('searchFieldShowsTheQueryOfTheResultsPage', async () => {
  await renderApp('/search?q=kittens');

  expect(screen.getByRole('combobox', { name: 'Search videos' })).toHaveValue('kittens');
});

test('foldedSearchOpensFromItsButtonAndClosesWithEscape', async () => {
  const user = userEvent.setup();
  await renderApp('/');
  const toggle = screen.getByRole('button', { name: 'Search' });

  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByRole('combobox', { name: 'Search videos' })).toHaveFocus();

  await user.keyboard('{Escape}');
  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(toggle).toHaveFocus();
});

test('foldedSearchClosesWithItsCloseButton', async () => {
  const user = userEvent.setup();
  await renderApp('/');
  const toggle = screen.getByRole('button', { name: 'Search' });

  await user.click(toggle);
  await user.click(screen.getByRole('button', { name: 'Close search' }));

  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  expect(toggle).toHaveFocus();
});

function fakeSuggestions(titles: string[]) {
  const asked: string[] = [];
  fakeApi({
    ...healthyApi,
    'GET /api/v1/search/suggestions': (request) => {
      asked.push(new URL(request.url).searchParams.get('q') ?? '');
      return json({ data: titles });
    },
    'GET /api/v1/search': () => json({ data: [], meta: {} }),
  });
  return asked;
}

test('typingShowsSuggestionsInAListbox', async () => {
  const user = userEvent.setup();
  const asked = fakeSuggestions(['Trending music', 'Trending movies']);
  await renderApp('/');
  const box = screen.getByRole('combobox', { name: 'Search videos' });

  await user.type(box, 'trend');

  const list = await screen.findByRole('listbox', { name: 'Suggestions' });
  expect(
    within(list)
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['Trending music', 'Trending movies']);
  expect(box).toHaveAttribute('aria-expanded', 'true');
  expect(asked.at(-1)).toBe('trend');
});

test('arrowKeysMoveThroughSuggestionsAndEnterPicksOne', async () => {
  const user = userEvent.setup();
  fakeSuggestions(['Trending music', 'Trending movies']);
  const { router } = await renderApp('/');
  const box = screen.getByRole('combobox', { name: 'Search videos' });
  await user.type(box, 'trend');
  await screen.findByRole('listbox', { name: 'Suggestions' });

  await user.keyboard('{ArrowDown}{ArrowDown}');
  const second = screen.getByRole('option', { name: 'Trending movies' });
  expect(second).toHaveAttribute('aria-selected', 'true');
  expect(box).toHaveAttribute('aria-activedescendant', second.id);

  await user.keyboard('{ArrowUp}{Enter}');

  expect(router.state.location.pathname).toBe('/search');
  expect(new URLSearchParams(router.state.location.search).get('q')).toBe('Trending music');
});

test('escapeClosesTheSuggestionsAndKeepsWhatWasTyped', async () => {
  const user = userEvent.setup();
  fakeSuggestions(['Trending music']);
  await renderApp('/');
  const box = screen.getByRole('combobox', { name: 'Search videos' });
  await user.type(box, 'trend');
  await screen.findByRole('listbox', { name: 'Suggestions' });

  await user.keyboard('{Escape}');

  expect(box).toHaveAttribute('aria-expanded', 'false');
  expect(box).toHaveValue('trend');
  expect(box).toHaveFocus();
});

test('clickingASuggestionSearchesForIt', async () => {
  const user = userEvent.setup();
  fakeSuggestions(['Trending music']);
  const { router } = await renderApp('/');
  await user.type(screen.getByRole('combobox', { name: 'Search videos' }), 'trend');

  await user.click(await screen.findByRole('option', { name: 'Trending music' }));

  expect(new URLSearchParams(router.state.location.search).get('q')).toBe('Trending music');
});
