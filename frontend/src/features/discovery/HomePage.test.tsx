import { screen } from '@testing-library/react';
import type { Video, VideoCardListResponse } from '../../contract/generated/types.gen';
import { fakeApi, healthyApi, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { homeFeedQueryKey } from './api/getHomeFeed';

const video: Video = {
  id: 'dQw4w9WgXcQ',
  channelId: 'ch_1',
  title: 'A walk in the park',
  description: '',
  tags: [],
  categories: [],
  visibility: 'public',
  status: 'ready',
  resolutions: ['720p'],
  viewCount: 1200,
  likeCount: 0,
  dislikeCount: 0,
  commentCount: 0,
  createdAt: '2026-11-25T15:00:00Z',
  durationSeconds: 65,
};

test('homeShowsAnHonestEmptyStateWhenTheFeedIsEmpty', async () => {
  fakeApi({ ...healthyApi, 'GET /api/v1/feed': () => json({ data: [], meta: {} }) });
  await renderApp('/');

  expect(await screen.findByText('No videos yet — be the first to upload')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Upload a video' })).toHaveAttribute('href', '/upload');
});

test('homeListsTheVideosTheFeedQueryReturns', async () => {
  await renderApp('/', {
    seed: (queryClient) => {
      const page: VideoCardListResponse = {
        data: [{ video, channel: { id: 'ch_1', handle: 'parkwalker', name: 'Park Walker', subscriberCount: 3 } }],
        meta: {},
      };
      queryClient.setQueryData(homeFeedQueryKey, { pages: [page], pageParams: [undefined] });
    },
  });

  expect(await screen.findByRole('heading', { name: 'A walk in the park' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'A walk in the park' })).toHaveAttribute('href', '/watch/dQw4w9WgXcQ');
  expect(screen.getAllByRole('link', { name: 'Park Walker' })[0]).toHaveAttribute('href', '/c/parkwalker');
  expect(screen.getByText(/1\.2K views/)).toBeInTheDocument();
  expect(screen.queryByText('No videos yet — be the first to upload')).not.toBeInTheDocument();
});
