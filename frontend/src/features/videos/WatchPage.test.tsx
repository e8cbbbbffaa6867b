import { screen } from '@testing-library/react';
import type { Video } from '../../contract/generated/types.gen';
import { fakeApi, healthyApi, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

function video(overrides: Partial<Video> = {}): Video {
  return {
    id: 'vid_0000001',
    channelId: 'ch_00000000001',
    title: 'Summer at the sea',
    description: 'Waves.\nMore waves.',
    tags: ['sea'],
    categories: [],
    visibility: 'public',
    status: 'processing',
    resolutions: [],
    viewCount: 0,
    likeCount: 0,
    dislikeCount: 0,
    commentCount: 0,
    createdAt: '2026-11-25T15:00:00Z',
    ...overrides,
  };
}

function serve(answer: Response) {
  return fakeApi({ ...healthyApi, 'GET /api/v1/videos/vid_0000001': () => answer });
}

test('aProcessingVideoSaysItWillBePlayableSoon', async () => {
  serve(json({ data: video() }));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('heading', { level: 1, name: 'Summer at the sea' })).toBeInTheDocument();
  expect(screen.getByText('Processing — your video will be playable soon.')).toBeInTheDocument();
  expect(screen.getByText('Processing', { selector: 'span' })).toBeInTheDocument();
  expect(screen.getByText('ch_00000000001')).toBeInTheDocument();
  expect(screen.getByText(/Waves\.\s+More waves\./)).toBeInTheDocument();
  expect(document.title).toBe('Summer at the sea · Kinora');
});

test('aFailedVideoShowsWhy', async () => {
  serve(json({ data: video({ status: 'failed', failureReason: 'The file is not a video.' }) }));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('alert')).toHaveTextContent('Processing failed: The file is not a video.');
});

test('aReadyVideoShowsWhereThePlayerWillBe', async () => {
  serve(json({ data: video({ status: 'ready', resolutions: ['720p'] }) }));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('img', { name: 'Video player placeholder' })).toBeInTheDocument();
  expect(screen.getByText('Ready', { selector: 'span' })).toBeInTheDocument();
});

test('anUnknownVideoShowsAFriendlyNotFound', async () => {
  serve(json({ error: { code: 'VIDEO_NOT_FOUND', message: 'No such video.' } }, 404));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('heading', { level: 1, name: "This video isn't available" })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
});

test('aMalformedVideoIdIsNotFoundWithoutAsking', async () => {
  const fetchMock = fakeApi(healthyApi);
  await renderApp('/watch/not-an-id');

  expect(screen.getByRole('heading', { level: 1, name: "This video isn't available" })).toBeInTheDocument();
  expect(fetchMock.mock.calls.some(([input]) => typeof input === 'string' && input.includes('/videos/'))).toBe(false);
});

test('otherFailuresGoToTheRouteErrorBoundary', async () => {
  // React and the boundary log the caught error; expected here.
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
  serve(json({ error: { code: 'INTERNAL_ERROR', message: 'Kinora had a problem.', requestId: 'req-7' } }, 500));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('heading', { name: 'This page could not be shown' })).toBeInTheDocument();
  expect(screen.getByText('Request id: req-7')).toBeInTheDocument();
});
