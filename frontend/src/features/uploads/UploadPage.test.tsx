import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { limits } from '../../contract/generated/limits.gen';
import type { UploadSession, Video } from '../../contract/generated/types.gen';
import { fakeApi, json, signedInApi, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { RESUME_STORAGE_KEY } from './engine/resumeStore';

const CHUNK = 10;

function session(overrides: Partial<UploadSession> = {}): UploadSession {
  return {
    id: 'up_1',
    ownerId: 'usr_0000000001',
    videoId: 'vid_0000001',
    filename: 'holiday.mp4',
    fileSize: 25,
    mimeType: 'video/mp4',
    chunkSize: CHUNK,
    totalChunks: 3,
    uploadedChunks: [],
    status: 'active',
    expiresAt: '2099-01-01T00:00:00Z',
    createdAt: '2026-11-25T15:00:00Z',
    ...overrides,
  };
}

function video(overrides: Partial<Video> = {}): Video {
  return {
    id: 'vid_0000001',
    channelId: 'ch_00000000001',
    title: 'Summer at the sea',
    description: '',
    tags: [],
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

/** Storage PUTs succeed at once; their URLs are recorded. */
class InstantXhr {
  static puts: string[] = [];
  url = '';
  status = 0;
  upload: { onprogress: ((event: { loaded: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  ontimeout: (() => void) | null = null;
  onabort: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  send(body: Blob) {
    InstantXhr.puts.push(this.url);
    queueMicrotask(() => {
      this.upload.onprogress?.({ loaded: body.size });
      this.status = 200;
      this.onload?.();
    });
  }
  abort() {
    this.onabort?.();
  }
  getResponseHeader() {
    return '"etag"';
  }
}

function uploadsApi(routes: Record<string, FakeRoute> = {}) {
  return fakeApi({
    ...signedInApi,
    'POST /api/v1/uploads': () => json({ data: session() }, 201),
    'POST /api/v1/uploads/up_1/parts': async (request) => {
      const { partNumbers } = (await request.json()) as { partNumbers: number[] };
      return json({
        data: {
          parts: partNumbers.map((partNumber) => ({
            partNumber,
            url: `https://storage.test/raw?partNumber=${partNumber}`,
          })),
          expiresAt: '2099-01-01T00:00:00Z',
        },
      });
    },
    'POST /api/v1/uploads/up_1/complete': async (request) =>
      json({ data: video((await request.json()) as Partial<Video>) }, 201),
    'DELETE /api/v1/uploads/up_1': () => new Response(null, { status: 204 }),
    'GET /api/v1/videos/vid_0000001': () =>
      json({
        data: {
          ...video(),
          channel: { id: 'ch_00000000001', handle: 'ada', name: 'Ada Lovelace', subscriberCount: 0 },
          viewer: { likeState: 'none', isOwner: true },
        },
      }),
    ...routes,
  });
}

function mp4(name = 'holiday.mp4', size = 25): File {
  return new File([new Uint8Array(size)], name, { type: 'video/mp4', lastModified: 1_700_000_000_000 });
}

function sentBodies(fetchMock: ReturnType<typeof fakeApi>, path: string): unknown[] {
  return fetchMock.mock.calls
    .filter(([input, init]) => input === path && init?.method === 'POST')
    .map(([, init]) => JSON.parse(typeof init?.body === 'string' ? init.body : 'null') as unknown);
}

beforeEach(() => {
  InstantXhr.puts = [];
  vi.stubGlobal('XMLHttpRequest', InstantXhr);
});

async function openStudio() {
  const user = userEvent.setup({ applyAccept: false });
  const view = await renderApp('/upload');
  await screen.findByRole('heading', { level: 1, name: 'Upload' });
  return { user, ...view };
}

test('theStudioOffersDragAndDropAndAPickerForSeveralVideoFiles', async () => {
  uploadsApi();
  await openStudio();

  const input = screen.getByLabelText('Select files');
  expect(input).toHaveAttribute('type', 'file');
  expect(input).toHaveAttribute('multiple');
  expect(input.getAttribute('accept')).toContain('video/mp4');
  expect(input.getAttribute('accept')).toContain('.mkv');
  expect(screen.getByText('Drag and drop video files here')).toBeInTheDocument();
  expect(screen.getByText(/MP4, WebM, MOV, AVI or MKV, up to 5 GiB each/)).toBeInTheDocument();
});

test('filesThatBreakTheContractAreRefusedBeforeAnythingIsSent', async () => {
  const fetchMock = uploadsApi();
  const { user } = await openStudio();
  const huge = mp4('huge.mp4');
  Object.defineProperty(huge, 'size', { value: limits.upload.maxFileSizeBytes + 1 });
  const longName = `${'a'.repeat(limits.upload.filename.max)}.mp4`;

  await user.upload(screen.getByLabelText('Select files'), [
    new File(['hello'], 'notes.txt', { type: 'text/plain' }),
    huge,
    new File([], 'empty.mp4', { type: 'video/mp4' }),
    new File(['x'], longName, { type: 'video/mp4' }),
  ]);

  const alert = screen.getByRole('alert');
  expect(alert).toHaveTextContent('These 4 files were not added:');
  const items = within(alert).getAllByRole('listitem');
  expect(items[0]).toHaveTextContent(
    'notes.txt — This is not a supported video file. Upload MP4, WebM, MOV, AVI or MKV.',
  );
  expect(items[1]).toHaveTextContent('huge.mp4 — This file is too large: videos can be at most 5 GiB.');
  expect(items[2]).toHaveTextContent('empty.mp4 — This file is empty.');
  expect(items[3]).toHaveTextContent(/The file name is longer than 255 characters/);
  expect(screen.queryByRole('list', { name: 'Uploads' })).not.toBeInTheDocument();
  expect(fetchMock.mock.calls.some(([input]) => input === '/api/v1/uploads')).toBe(false);
});

test('aFileWithoutAReportedTypeIsRecognisedByItsExtension', async () => {
  const fetchMock = uploadsApi();
  const { user } = await openStudio();

  await user.upload(screen.getByLabelText('Select files'), new File(['x'], 'film.mkv', { type: '' }));

  await waitFor(() => {
    expect(sentBodies(fetchMock, '/api/v1/uploads')).toEqual([
      { filename: 'film.mkv', fileSize: 1, mimeType: 'video/x-matroska' },
    ]);
  });
});

test('uploadThenPublishShowsTheTranscodeLiveInTheStudio', async () => {
  const fetchMock = uploadsApi();
  const { user, router } = await openStudio();

  await user.upload(screen.getByLabelText('Select files'), mp4());

  const card = await screen.findByRole('article', { name: 'holiday.mp4' });
  await waitFor(() => {
    expect(within(card).getByRole('status', { name: '' })).toHaveTextContent('Uploaded');
  });
  expect(within(card).getByRole('progressbar')).toHaveAttribute('aria-valuenow', '100');
  expect(InstantXhr.puts).toHaveLength(3);
  expect(JSON.parse(window.localStorage.getItem(RESUME_STORAGE_KEY) ?? '[]')).toMatchObject([
    { uploadId: 'up_1', name: 'holiday.mp4', size: 25 },
  ]);

  const title = within(card).getByLabelText('Title');
  expect(title).toHaveValue('holiday');
  await user.clear(title);
  await user.type(title, 'Summer at the sea');
  await user.type(within(card).getByLabelText('Tags'), 'sea, summer, sea');
  await user.click(within(card).getByRole('radio', { name: /Unlisted/ }));
  await user.click(within(card).getByRole('button', { name: 'Publish' }));

  // The studio stays: the card follows the transcode (WebSockets are stubbed away in tests, so it polls).
  expect(await within(card).findByText('Waiting for processing to start…')).toBeInTheDocument();
  expect(within(card).getByText('checking every few seconds')).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/upload');
  expect(fetchMock.mock.calls.some(([input]) => input === '/api/v1/videos/vid_0000001')).toBe(true);
  expect(sentBodies(fetchMock, '/api/v1/uploads/up_1/complete')).toEqual([
    { title: 'Summer at the sea', tags: ['sea', 'summer'], categories: [], visibility: 'unlisted' },
  ]);
  expect(within(card).getByRole('link', { name: 'Video page' })).toHaveAttribute('href', '/watch/vid_0000001');
  expect(window.localStorage.getItem(RESUME_STORAGE_KEY)).toBeNull();
});

test('detailsAreCheckedAgainstTheContractBeforePublishing', async () => {
  const fetchMock = uploadsApi();
  const { user } = await openStudio();
  await user.upload(screen.getByLabelText('Select files'), mp4());
  const card = await screen.findByRole('article', { name: 'holiday.mp4' });

  await user.clear(within(card).getByLabelText('Title'));
  await user.type(within(card).getByLabelText('Tags'), `ok, ${'t'.repeat(limits.video.tags.maxLength + 1)}`);
  await user.type(within(card).getByLabelText('Categories'), 'a, b, c, d, e, f');
  await user.click(within(card).getByRole('button', { name: /^Publish/ }));

  const title = within(card).getByLabelText('Title');
  expect(title).toHaveFocus();
  expect(title).toHaveAccessibleDescription('Give your video a title.');
  expect(within(card).getByLabelText('Tags')).toHaveAccessibleDescription(/Each tag can have at most 50 characters/);
  expect(within(card).getByLabelText('Categories')).toHaveAccessibleDescription(/Use at most 5 categories\./);
  expect(sentBodies(fetchMock, '/api/v1/uploads/up_1/complete')).toEqual([]);
});

test('serverValidationIssuesLandOnTheirFields', async () => {
  uploadsApi({
    'POST /api/v1/uploads/up_1/complete': () =>
      json(
        {
          error: {
            code: 'VALIDATION_ERROR',
            message: 'Invalid request.',
            details: { issues: [{ path: '/title', message: 'This title is not allowed.' }] },
          },
        },
        400,
      ),
  });
  const { user } = await openStudio();
  await user.upload(screen.getByLabelText('Select files'), mp4());
  const card = await screen.findByRole('article', { name: 'holiday.mp4' });
  await waitFor(() => {
    expect(within(card).getByRole('button', { name: 'Publish' })).toBeEnabled();
  });

  await user.click(within(card).getByRole('button', { name: 'Publish' }));

  await waitFor(() => {
    expect(within(card).getByLabelText('Title')).toHaveAccessibleDescription('This title is not allowed.');
  });
  expect(within(card).getByRole('button', { name: 'Publish' })).toBeEnabled();
});

test('pickingAFileThatIsAlreadyUploadingIsRefused', async () => {
  uploadsApi();
  const { user } = await openStudio();

  await user.upload(screen.getByLabelText('Select files'), mp4());
  await screen.findByRole('article', { name: 'holiday.mp4' });
  await user.upload(screen.getByLabelText('Select files'), mp4());

  expect(screen.getByRole('alert')).toHaveTextContent('holiday.mp4 — This file is already in the list below.');
  expect(screen.getAllByRole('article')).toHaveLength(1);
});

test('aRememberedFileResumesAndOnlyTheMissingPartsAreSent', async () => {
  window.localStorage.setItem(
    RESUME_STORAGE_KEY,
    JSON.stringify([
      { uploadId: 'up_1', name: 'holiday.mp4', size: 25, lastModified: 1_700_000_000_000, savedAt: Date.now() },
    ]),
  );
  const fetchMock = uploadsApi({
    'GET /api/v1/uploads/up_1': () => json({ data: session({ uploadedChunks: [1, 2] }) }),
  });
  const { user } = await openStudio();

  await user.upload(screen.getByLabelText('Select files'), mp4());

  const card = await screen.findByRole('article', { name: 'holiday.mp4' });
  await within(card).findByText('Resumed: 2 of 3 parts were already uploaded.');
  await waitFor(() => {
    expect(InstantXhr.puts).toEqual(['https://storage.test/raw?partNumber=3']);
  });
  expect(fetchMock.mock.calls.some(([input, init]) => input === '/api/v1/uploads' && init?.method === 'POST')).toBe(
    false,
  );
});

test('cancelAbortsTheUploadOnTheServer', async () => {
  const fetchMock = uploadsApi();
  const { user } = await openStudio();
  await user.upload(screen.getByLabelText('Select files'), mp4());
  const card = await screen.findByRole('article', { name: 'holiday.mp4' });

  await user.click(within(card).getByRole('button', { name: 'Cancel upload' }));

  await waitFor(() => {
    expect(
      fetchMock.mock.calls.some(([input, init]) => input === '/api/v1/uploads/up_1' && init?.method === 'DELETE'),
    ).toBe(true);
  });
  expect(within(card).getByRole('status', { name: '' })).toHaveTextContent('Cancelled');
  await user.click(within(card).getByRole('button', { name: 'Remove from list' }));
  expect(screen.queryByRole('article')).not.toBeInTheDocument();
});

test('rateLimitedInitSaysWhenItTriesAgain', async () => {
  uploadsApi({
    'POST /api/v1/uploads': () =>
      json({ error: { code: 'RATE_LIMITED', message: 'Slow down.', details: { retryAfterSeconds: 42 } } }, 429, {
        'Retry-After': '42',
      }),
  });
  const { user } = await openStudio();

  await user.upload(screen.getByLabelText('Select files'), mp4());

  const card = await screen.findByRole('article', { name: 'holiday.mp4' });
  expect(await within(card).findByRole('alert')).toHaveTextContent(
    'Too many requests right now. Try again in 42 seconds.',
  );
});

test('leavingTheStudioWhileBytesMoveAsksFirst', async () => {
  class HangingXhr extends InstantXhr {
    override send() {
      InstantXhr.puts.push(this.url);
    }
  }
  vi.stubGlobal('XMLHttpRequest', HangingXhr);
  uploadsApi();
  const { user, router } = await openStudio();
  await user.upload(screen.getByLabelText('Select files'), mp4());
  await waitFor(() => {
    expect(InstantXhr.puts).toHaveLength(3);
  });

  await user.click(screen.getByRole('link', { name: 'Kinora' }));
  const prompt = screen.getByRole('alertdialog', { name: /Uploads are still running/ });
  await user.click(within(prompt).getByRole('button', { name: 'Stay on this page' }));
  expect(router.state.location.pathname).toBe('/upload');
  expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument();

  await user.click(screen.getByRole('link', { name: 'Kinora' }));
  await user.click(screen.getByRole('button', { name: 'Leave' }));
  expect(router.state.location.pathname).toBe('/');
});
