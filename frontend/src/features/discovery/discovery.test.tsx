import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Video, VideoCard } from '../../contract/generated/types.gen';
import { fakeApi, healthyApi, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

function card(id: string, title: string): VideoCard {
  const video: Video = {
    id,
    channelId: 'ch_00000000001',
    title,
    description: '',
    tags: [],
    categories: ['music'],
    visibility: 'public',
    status: 'ready',
    resolutions: ['720p'],
    viewCount: 10,
    likeCount: 0,
    dislikeCount: 0,
    commentCount: 0,
    createdAt: '2026-11-25T15:00:00Z',
    durationSeconds: 30,
  };
  return { video, channel: { id: 'ch_00000000001', handle: 'ada', name: 'Ada Lovelace', subscriberCount: 1 } };
}

const channel = { id: 'ch_00000000001', handle: 'ada', name: 'Ada Lovelace', subscriberCount: 1 };

test('theHomeFeedPagesThroughTheFeedRouteWithItsCursor', async () => {
  const fetchMock = fakeApi({
    ...healthyApi,
    'GET /api/v1/feed': (request) =>
      new URL(request.url).searchParams.get('cursor') === 'page-2'
        ? json({ data: [card('vid_second1', 'Second page')], meta: {} })
        : json({ data: [card('vid_first01', 'First page')], meta: { nextCursor: 'page-2' } }),
  });
  await renderApp('/');

  expect(await screen.findByRole('heading', { name: 'Trending now' })).toBeInTheDocument();
  expect(await screen.findByRole('link', { name: 'First page' })).toBeInTheDocument();
  await userEvent.click(screen.getByRole('button', { name: 'Load more' }));
  expect(await screen.findByRole('link', { name: 'Second page' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  const feedCalls = fetchMock.mock.calls.filter(
    ([input]) => typeof input === 'string' && input.includes('/api/v1/feed'),
  );
  expect(feedCalls).toHaveLength(2);
});

test('trendingChipsFilterByCategory', async () => {
  const fetchMock = fakeApi({
    ...healthyApi,
    'GET /api/v1/trending/categories': () => json({ data: ['music', 'gaming'] }),
    'GET /api/v1/trending': (request) =>
      new URL(request.url).searchParams.get('category') === 'gaming'
        ? json({ data: [card('vid_gaming1', 'Speedrun')], meta: {} })
        : json({ data: [card('vid_overall', 'Everything')], meta: {} }),
  });
  await renderApp('/trending');

  expect(await screen.findByRole('link', { name: 'Everything' })).toBeInTheDocument();
  const chips = screen.getByRole('list', { name: 'Categories' });
  expect(within(chips).getByRole('button', { name: 'All' })).toHaveAttribute('aria-pressed', 'true');
  await userEvent.click(await within(chips).findByRole('button', { name: 'gaming' }));

  expect(await screen.findByRole('link', { name: 'Speedrun' })).toBeInTheDocument();
  expect(within(chips).getByRole('button', { name: 'gaming' })).toHaveAttribute('aria-pressed', 'true');
  expect(fetchMock.mock.calls.some(([input]) => typeof input === 'string' && input.includes('category=gaming'))).toBe(
    true,
  );
});

test('trendingSaysSoWhenACategoryHasNothing', async () => {
  fakeApi({
    ...healthyApi,
    'GET /api/v1/trending/categories': () => json({ data: [] }),
    'GET /api/v1/trending': () => json({ data: [], meta: {} }),
  });
  await renderApp('/trending?category=jazz');

  expect(await screen.findByText('Nothing is trending in jazz right now.')).toBeInTheDocument();
});

test('theChannelPageListsLatestAndPopularVideos', async () => {
  fakeApi({
    ...healthyApi,
    'GET /api/v1/channels/ada': () => json({ data: channel }),
    'GET /api/v1/channels/ch_00000000001/videos': (request) =>
      new URL(request.url).searchParams.get('sort') === 'popular'
        ? json({ data: [card('vid_popular', 'Most watched')], meta: {} })
        : json({ data: [card('vid_latest1', 'Newest upload')], meta: {} }),
  });
  await renderApp('/c/ada');

  expect(await screen.findByRole('link', { name: 'Newest upload' })).toBeInTheDocument();
  expect(screen.getByRole('tab', { name: 'Latest' })).toHaveAttribute('aria-selected', 'true');
  await userEvent.click(screen.getByRole('tab', { name: 'Popular' }));

  expect(await screen.findByRole('link', { name: 'Most watched' })).toBeInTheDocument();
  expect(screen.getByRole('tab', { name: 'Popular' })).toHaveAttribute('aria-selected', 'true');
});

test('aFailedListOffersARetry', async () => {
  let calls = 0;
  fakeApi({
    ...healthyApi,
    'GET /api/v1/channels/ada': () => json({ data: channel }),
    'GET /api/v1/channels/ch_00000000001/videos': () => {
      calls += 1;
      return calls === 1
        ? json(
            { error: { code: 'INTERNAL_ERROR', message: 'Something went wrong', details: { requestId: 'r1' } } },
            500,
          )
        : json({ data: [card('vid_latest1', 'Newest upload')], meta: {} });
    },
  });
  await renderApp('/c/ada');

  await userEvent.click(await screen.findByRole('button', { name: 'Try again' }));
  await waitFor(() => {
    expect(screen.getByRole('link', { name: 'Newest upload' })).toBeInTheDocument();
  });
});
