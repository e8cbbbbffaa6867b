import { screen } from '@testing-library/react';
import type { Video } from '../../contract/generated/types.gen';
import { renderApp } from '../../test/renderApp';
import { homeFeedQueryOptions } from './api/getHomeFeed';

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
};

test('homeShowsAnHonestEmptyStateWhenTheFeedIsEmpty', async () => {
  await renderApp('/');

  expect(await screen.findByText('No videos yet — be the first to upload')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Upload a video' })).toHaveAttribute('href', '/upload');
});

test('homeListsTheVideosTheFeedQueryReturns', async () => {
  await renderApp('/', {
    seed: (queryClient) => {
      queryClient.setQueryData(homeFeedQueryOptions.queryKey, { videos: [video] });
    },
  });

  expect(await screen.findByRole('heading', { name: 'A walk in the park' })).toBeInTheDocument();
  expect(screen.queryByText('No videos yet — be the first to upload')).not.toBeInTheDocument();
});
