import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderApp } from '../../test/renderApp';

test('searchBoxNavigatesToResultsWithQuery', async () => {
  const user = userEvent.setup();
  const { router } = await renderApp('/');

  await user.type(screen.getByRole('searchbox', { name: 'Search videos' }), '  cats & dogs {enter}');

  expect(router.state.location.pathname).toBe('/search');
  expect(new URLSearchParams(router.state.location.search).get('q')).toBe('cats & dogs');
  expect(await screen.findByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
  expect(screen.getByText(/You searched for “cats & dogs”/)).toBeInTheDocument();
});

test('emptySearchStaysOnThePage', async () => {
  const user = userEvent.setup();
  const { router } = await renderApp('/');

  await user.click(screen.getByRole('button', { name: 'Submit search' }));

  expect(router.state.location.pathname).toBe('/');
  expect(screen.getByRole('searchbox', { name: 'Search videos' })).toHaveFocus();
});

test('searchFieldShowsTheQueryOfTheResultsPage', async () => {
  await renderApp('/search?q=kittens');

  expect(screen.getByRole('searchbox', { name: 'Search videos' })).toHaveValue('kittens');
});

test('foldedSearchOpensFromItsButtonAndClosesWithEscape', async () => {
  const user = userEvent.setup();
  await renderApp('/');
  const toggle = screen.getByRole('button', { name: 'Search' });

  expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await user.click(toggle);
  expect(toggle).toHaveAttribute('aria-expanded', 'true');
  expect(screen.getByRole('searchbox', { name: 'Search videos' })).toHaveFocus();

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
