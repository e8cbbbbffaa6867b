import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { VideoDetail } from '../../contract/generated/types.gen';
import { fakeApi, healthyApi, json, signedInApi } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

/** A stand-in for hls.js (no MediaSource in jsdom): records its config and plays back a two-rung ladder. */
const hlsInstances: FakeHls[] = [];
class FakeHls {
  static isSupported = () => true;
  static Events = { MANIFEST_PARSED: 'manifestParsed', LEVEL_SWITCHED: 'levelSwitched', ERROR: 'error' };
  static ErrorTypes = { NETWORK_ERROR: 'networkError', MEDIA_ERROR: 'mediaError' };
  readonly config: Record<string, unknown>;
  readonly handlers = new Map<string, (event: string, data: unknown) => void>();
  source = '';
  currentLevel = -1;
  autoLevelEnabled = true;
  startLoad = vi.fn();
  recoverMediaError = vi.fn();
  destroy = vi.fn();
  constructor(config: Record<string, unknown>) {
    this.config = config;
    hlsInstances.push(this);
  }
  on(event: string, handler: (event: string, data: unknown) => void) {
    this.handlers.set(event, handler);
  }
  emit(event: string, data: unknown) {
    this.handlers.get(event)?.(event, data);
  }
  loadSource(url: string) {
    this.source = url;
  }
  attachMedia() {
    this.emit('manifestParsed', { levels: [{ height: 360 }, { height: 720 }] });
    this.emit('levelSwitched', { level: 1 });
  }
}
vi.mock('hls.js', () => ({ default: FakeHls }));

function video(overrides: Partial<VideoDetail> = {}): VideoDetail {
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
    channel: { id: 'ch_00000000001', handle: 'sea', name: 'The Sea Channel', subscriberCount: 1200 },
    viewer: { likeState: 'none', isOwner: false },
    ...overrides,
  };
}

function ready(overrides: Partial<VideoDetail> = {}): VideoDetail {
  return video({
    status: 'ready',
    resolutions: ['720p', '360p'],
    durationSeconds: 600,
    playlistUrl: '/media/vid_0000001/master.m3u8',
    thumbnailUrl: '/media/vid_0000001/poster-3q2-7wAAAQIDBAUGBwgJCg.jpg',
    viewCount: 1234,
    publishedAt: '2026-11-25T15:05:00Z',
    ...overrides,
  });
}

beforeEach(() => {
  hlsInstances.length = 0;
});

const noComments = () => json({ data: [], meta: {} });
const noRelated = () => json({ data: [], meta: {} });

function serve(answer: Response) {
  return fakeApi({
    ...healthyApi,
    'GET /api/v1/videos/vid_0000001': () => answer,
    'GET /api/v1/videos/vid_0000001/comments': noComments,
    'GET /api/v1/videos/vid_0000001/related': noRelated,
  });
}

test('aProcessingVideoSaysItWillBePlayableSoon', async () => {
  serve(json({ data: video() }));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('heading', { level: 1, name: 'Summer at the sea' })).toBeInTheDocument();
  expect(screen.getByText('Processing — your video will be playable soon.')).toBeInTheDocument();
  expect(screen.getByText('Processing', { selector: 'span' })).toBeInTheDocument();
  expect(screen.getByText('The Sea Channel')).toBeInTheDocument();
  expect(screen.getByText(/Waves\.\s+More waves\./)).toBeInTheDocument();
  expect(document.title).toBe('Summer at the sea · Kinora');
});

test('aFailedVideoShowsWhy', async () => {
  serve(json({ data: video({ status: 'failed', failureReason: 'The file is not a video.' }) }));
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('alert')).toHaveTextContent('Processing failed: The file is not a video.');
});

test('aReadyVideoPlaysFromTheResumePositionWithAdaptiveStartAndAQualityMenu', async () => {
  serve(json({ data: ready({ viewer: { likeState: 'none', isOwner: false, resumePosition: 61.5 } }) }));
  await renderApp('/watch/vid_0000001');

  const quality = await screen.findByRole('combobox', { name: 'Quality' });
  const [hls] = hlsInstances;
  expect(hls?.config).toMatchObject({ startLevel: -1, capLevelToPlayerSize: true, startPosition: 61.5 });
  expect(hls?.source).toBe('/media/vid_0000001/master.m3u8');
  expect(
    within(quality)
      .getAllByRole('option')
      .map((option) => option.textContent),
  ).toEqual(['Auto (720p)', '720p', '360p']);
  expect(document.querySelector('video')).toHaveAttribute(
    'poster',
    '/media/vid_0000001/poster-3q2-7wAAAQIDBAUGBwgJCg.jpg',
  );
  expect(screen.getByText(/1,234 views/)).toBeInTheDocument();
  expect(screen.getByText('@sea')).toBeInTheDocument();
  expect(screen.getByText('1,200 subscribers')).toBeInTheDocument();

  await userEvent.selectOptions(quality, '360p');
  expect(hls?.currentLevel).toBe(0);
});

test('aReadyVideoShowsTheViewersRatingAndTheComments', async () => {
  serve(json({ data: ready({ likeCount: 7, dislikeCount: 1, viewer: { likeState: 'like', isOwner: false } }) }));
  await renderApp('/watch/vid_0000001');

  const rating = await screen.findByRole('group', { name: 'Rate this video' });
  expect(within(rating).getByRole('button', { name: 'Like 7' })).toHaveAttribute('aria-pressed', 'true');
  expect(within(rating).getByRole('button', { name: 'Dislike 1' })).toHaveAttribute('aria-pressed', 'false');
  expect(screen.getByRole('region', { name: 'Comments' })).toBeInTheDocument();
});

test('aProcessingVideoWhoseFirstRungIsUpAlreadyPlays', async () => {
  serve(
    json({
      data: video({
        playableResolutions: ['360p'],
        playlistUrl: '/media/vid_0000001/master.m3u8',
        viewer: { likeState: 'none', isOwner: true },
      }),
    }),
  );
  await renderApp('/watch/vid_0000001');

  await screen.findByRole('combobox', { name: 'Quality' });
  expect(hlsInstances[0]?.source).toBe('/media/vid_0000001/master.m3u8');
  expect(screen.getByText('Processing — higher qualities soon')).toBeInTheDocument();
});

test('aViewerWhoFinishedStartsOver', async () => {
  serve(json({ data: ready({ viewer: { likeState: 'none', isOwner: false, resumePosition: 595 } }) }));
  await renderApp('/watch/vid_0000001');

  await screen.findByRole('combobox', { name: 'Quality' });
  expect(hlsInstances[0]?.config).toMatchObject({ startPosition: 0 });
});

test('fatalErrorsAreRecoveredAndThenShownWithARetry', async () => {
  serve(json({ data: ready() }));
  await renderApp('/watch/vid_0000001');
  await screen.findByRole('combobox', { name: 'Quality' });
  const hls = hlsInstances[0];
  if (!hls) throw new Error('no player');

  hls.emit('error', { fatal: true, type: 'networkError' });
  hls.emit('error', { fatal: true, type: 'mediaError' });
  expect(hls.startLoad).toHaveBeenCalledTimes(1);
  expect(hls.recoverMediaError).toHaveBeenCalledTimes(1);
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  hls.emit('error', { fatal: true, type: 'networkError' });
  hls.emit('error', { fatal: true, type: 'networkError' });

  expect(await screen.findByRole('alert')).toHaveTextContent("This video can't be played right now.");
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  await waitFor(() => {
    expect(hlsInstances).toHaveLength(2);
  });
});

test('theOwnerEditsTheTitleAndMayDelete', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/videos/vid_0000001': () => json({ data: ready({ viewer: { likeState: 'none', isOwner: true } }) }),
    'GET /api/v1/videos/vid_0000001/comments': noComments,
    'GET /api/v1/videos/vid_0000001/related': noRelated,
    'PATCH /api/v1/videos/vid_0000001': async (request) => {
      const body = (await request.json()) as { title: string };
      return json({ data: { ...ready(), title: body.title } });
    },
  });
  await renderApp('/watch/vid_0000001');

  await userEvent.click(await screen.findByRole('button', { name: 'Edit details' }));
  const title = screen.getByLabelText('Title');
  await userEvent.clear(title);
  await userEvent.type(title, 'Winter at the sea');
  await userEvent.click(screen.getByRole('button', { name: 'Save' }));
  await waitFor(() => {
    expect(screen.queryByLabelText('Title')).not.toBeInTheDocument();
  });
  expect(screen.getByRole('button', { name: 'Delete video' })).toBeInTheDocument();
});

test('aLongDescriptionExpands', async () => {
  serve(json({ data: ready({ description: 'Waves.\n'.repeat(10) }) }));
  await renderApp('/watch/vid_0000001');

  const more = await screen.findByRole('button', { name: 'Show more' });
  expect(more).toHaveAttribute('aria-expanded', 'false');
  await userEvent.click(more);
  expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
  expect(screen.queryByRole('button', { name: 'Edit details' })).not.toBeInTheDocument(); // not the owner
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

test('aSharedLinksStartTimeWinsOverTheResumePosition', async () => {
  serve(json({ data: ready({ viewer: { likeState: 'none', isOwner: false, resumePosition: 61.5 } }) }));
  await renderApp('/watch/vid_0000001?t=1m30s');

  await screen.findByRole('combobox', { name: 'Quality' });
  expect(hlsInstances[0]?.config).toMatchObject({ startPosition: 90 });
  expect(screen.getByRole('combobox', { name: 'Speed' })).toHaveValue('1');
});

test('anEmbedPlaysAPublicVideoWithoutTheAppChromeAndLinksBackInANewTab', async () => {
  serve(json({ data: ready({ visibility: 'unlisted' }) }));
  await renderApp('/embed/vid_0000001?t=30');

  const back = await screen.findByRole('link', { name: /Summer at the sea/ });
  expect(back).toHaveAttribute('href', '/watch/vid_0000001');
  expect(back).toHaveAttribute('target', '_blank');
  expect(hlsInstances[0]?.config).toMatchObject({ startPosition: 30 });
  expect(screen.queryByRole('banner')).not.toBeInTheDocument();
  expect(screen.queryByRole('region', { name: 'Comments' })).not.toBeInTheDocument();
  expect(screen.queryByRole('combobox', { name: 'Quality' })).not.toBeInTheDocument();
});

test('anEmbedRefusesAPrivateVideoEvenToItsOwner', async () => {
  serve(json({ data: ready({ visibility: 'private', viewer: { likeState: 'none', isOwner: true } }) }));
  await renderApp('/embed/vid_0000001');

  expect(await screen.findByText("This video is private and can't be embedded.")).toBeInTheDocument();
  expect(hlsInstances).toHaveLength(0);
});

test('theWatchPageShowsRelatedVideosUpNext', async () => {
  const { channel: owner, ...detail } = ready();
  const nextVideo = { ...detail, id: 'vid_0000002', title: 'The next one' };
  fakeApi({
    ...healthyApi,
    'GET /api/v1/videos/vid_0000001': () => json({ data: ready() }),
    'GET /api/v1/videos/vid_0000001/comments': noComments,
    'GET /api/v1/videos/vid_0000001/related': () => json({ data: [{ video: nextVideo, channel: owner }], meta: {} }),
  });
  await renderApp('/watch/vid_0000001');

  const related = await screen.findByRole('complementary', { name: 'Up next' });
  expect(await within(related).findByRole('link', { name: 'The next one' })).toHaveAttribute(
    'href',
    '/watch/vid_0000002',
  );
});

test('aModeratorWatchesABlockedVideoWithItsReasonAndUnblocksItThere', async () => {
  const user = userEvent.setup();
  let blocked = true;
  const fetchMock = fakeApi({
    ...signedInApi,
    'GET /api/v1/videos/vid_0000001': () =>
      json({ data: blocked ? ready({ status: 'blocked', failureReason: 'Graphic violence' }) : ready() }),
    'GET /api/v1/videos/vid_0000001/comments': noComments,
    'GET /api/v1/videos/vid_0000001/related': noRelated,
    'POST /api/v1/admin/videos/vid_0000001/unblock': () => {
      blocked = false;
      return json({
        data: {
          id: 'a1',
          actor: { userId: 'usr_admin', handle: 'mod' },
          action: 'unblock',
          targetKind: 'video',
          targetId: 'vid_0000001',
          reason: 'Reviewed: fine',
          closedReports: 0,
          at: '2026-12-02T04:01:00Z',
        },
      });
    },
  });
  await renderApp('/watch/vid_0000001');

  const review = await screen.findByRole('region', { name: 'Blocked by moderation: Graphic violence' });
  // the moderator reviews the video itself (its player); nothing is listed next to it, nor can it be reported or saved
  expect(hlsInstances[0]?.source).toBe('/media/vid_0000001/master.m3u8');
  expect(screen.queryByRole('button', { name: 'Report' })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Save/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('heading', { name: 'Up next' })).not.toBeInTheDocument();
  await user.click(within(review).getByRole('button', { name: 'Unblock video' }));
  const dialog = screen.getByRole('dialog', { name: 'Unblock video' });
  await user.type(within(dialog).getByRole('textbox', { name: /Reason/ }), 'Reviewed: fine');
  await user.click(within(dialog).getByRole('button', { name: 'Unblock video' }));

  await waitFor(() => {
    expect(screen.queryByRole('region', { name: /Blocked by moderation/ })).not.toBeInTheDocument();
  });
  const unblock = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
  expect(JSON.parse(unblock?.[1]?.body as string)).toEqual({ reason: 'Reviewed: fine' });
});

test('theOwnerOfABlockedVideoReadsWhyAndIsOfferedNoUnblock', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/videos/vid_0000001': () =>
      json({
        data: ready({
          status: 'blocked',
          failureReason: 'Graphic violence',
          viewer: { likeState: 'none', isOwner: true },
        }),
      }),
    'GET /api/v1/videos/vid_0000001/related': noRelated,
  });
  await renderApp('/watch/vid_0000001');

  expect(await screen.findByRole('alert')).toHaveTextContent('This video is blocked: Graphic violence');
  expect(screen.queryByRole('button', { name: 'Unblock video' })).not.toBeInTheDocument();
  expect(hlsInstances).toHaveLength(0);
});
