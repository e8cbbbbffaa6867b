import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Video, VideoCard } from '../../contract/generated/types.gen';
import { fakeApi, healthyApi, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

function card(id: string, title: string, categories: string[] = []): VideoCard {
  const video: Video = {
    id,
    channelId: 'ch_1',
    title,
    description: '',
    tags: [],
    categories,
    visibility: 'public',
    status: 'ready',
    resolutions: ['720p'],
    viewCount: 10,
    likeCount: 0,
    dislikeCount: 0,
    commentCount: 0,
    createdAt: '2026-11-25T15:00:00Z',
    publishedAt: '2026-11-25T15:05:00Z',
    durationSeconds: 65,
  };
  return { video, channel: { id: 'ch_1', handle: 'maker', name: 'Maker', subscriberCount: 1 } };
}

/** A fake search route answering from a table of query strings; records every query it was asked. */
function fakeSearch(pages: Record<string, { data: VideoCard[]; meta: { nextCursor?: string } }>) {
  const asked: URLSearchParams[] = [];
  fakeApi({
    ...healthyApi,
    'GET /api/v1/search': (request) => {
      const params = new URL(request.url).searchParams;
      asked.push(params);
      // Filters narrow nothing here: a filtered search answers its query's page unless the table says otherwise.
      const page = pages[params.toString()] ?? (params.has('cursor') ? undefined : pages[`q=${params.get('q') ?? ''}`]);
      return page ? json(page) : json({ data: [], meta: {} });
    },
    'GET /api/v1/search/suggestions': () => json({ data: [] }),
  });
  return asked;
}

test('searchPageShowsTheResultsOfTheQueryInTheUrl', async () => {
  fakeSearch({ 'q=origami': { data: [card('aaaaaaaaaaa', 'Origami crane', ['Crafts'])], meta: {} } });

  await renderApp('/search?q=origami');

  expect(await screen.findByRole('heading', { name: 'Origami crane' })).toBeInTheDocument();
  expect(screen.getByRole('heading', { level: 1, name: 'Results for “origami”' })).toBeInTheDocument();
  expect(screen.getByRole('group', { name: 'Category' })).toHaveTextContent('Crafts');
});

test('filterChipsAndTheSortMenuLiveInTheUrl', async () => {
  const user = userEvent.setup();
  const asked = fakeSearch({ 'q=origami': { data: [card('aaaaaaaaaaa', 'Origami crane', ['Crafts'])], meta: {} } });
  const { router } = await renderApp('/search?q=origami');
  await screen.findByRole('heading', { name: 'Origami crane' });

  await user.click(
    within(screen.getByRole('group', { name: 'Upload date' })).getByRole('button', { name: 'This week' }),
  );
  await user.click(
    within(screen.getByRole('group', { name: 'Duration' })).getByRole('button', { name: 'Under 4 minutes' }),
  );
  await user.click(within(screen.getByRole('group', { name: 'Category' })).getByRole('button', { name: 'Crafts' }));
  await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'View count');

  const params = new URLSearchParams(router.state.location.search);
  expect(Object.fromEntries(params)).toEqual({
    q: 'origami',
    uploadDate: 'week',
    duration: 'short',
    category: 'Crafts',
    sort: 'views',
  });
  expect(
    within(screen.getByRole('group', { name: 'Duration' })).getByRole('button', { name: 'Under 4 minutes' }),
  ).toHaveAttribute('aria-pressed', 'true');
  expect(asked.at(-1)?.toString()).toBe('q=origami&uploadDate=week&duration=short&category=Crafts&sort=views');

  await user.click(within(screen.getByRole('group', { name: 'Duration' })).getByRole('button', { name: 'Any' }));
  expect(new URLSearchParams(router.state.location.search).has('duration')).toBe(false);
});

test('valuesTheContractRefusesAreDroppedFromTheRequest', async () => {
  const asked = fakeSearch({});

  await renderApp('/search?q=cats&uploadDate=decade&sort=loudest');

  expect(await screen.findByText('No videos match “cats”')).toBeInTheDocument();
  expect(asked.at(-1)?.toString()).toBe('q=cats');
});

test('theNextPageIsAskedForWithTheCursor', async () => {
  const user = userEvent.setup();
  const asked = fakeSearch({
    'q=juggling': { data: [card('aaaaaaaaaaa', 'Juggling one')], meta: { nextCursor: 'c1' } },
    'q=juggling&cursor=c1': { data: [card('bbbbbbbbbbb', 'Juggling two')], meta: {} },
  });
  await renderApp('/search?q=juggling');
  await screen.findByRole('heading', { name: 'Juggling one' });

  await user.click(screen.getByRole('button', { name: 'Load more' }));

  expect(await screen.findByRole('heading', { name: 'Juggling two' })).toBeInTheDocument();
  expect(asked.at(-1)?.get('cursor')).toBe('c1');
  expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
});

test('aFailedSearchOffersARetry', async () => {
  fakeApi({
    ...healthyApi,
    'GET /api/v1/search': () =>
      json({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong.', details: { requestId: 'r1' } } }, 500),
  });

  await renderApp('/search?q=cats');

  expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong.');
  expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
});

test('withoutAQueryThePageAsksForOne', async () => {
  await renderApp('/search');

  expect(screen.getByRole('heading', { level: 1, name: 'Search' })).toBeInTheDocument();
  expect(screen.getByText(/Type what you are looking for/)).toBeInTheDocument();
});
