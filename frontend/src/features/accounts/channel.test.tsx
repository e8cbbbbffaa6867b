import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { limits } from '../../contract/generated/limits.gen';
import { fakeApi, healthyApi, json, sampleMe, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { checkAvatarFile } from './avatarFile';

const channel = { ...sampleMe.channel, description: 'Engines, mostly.', subscriberCount: 1204 };
const me = { ...sampleMe, channel };
const avatarKey = 'media/avatars/ch_00000000001/Zm9vYmFyYmF6cXV4cXV1eA.png';

function errorEnvelope(code: string, message: string, details?: unknown) {
  return { error: { code, message, requestId: 'req-1', ...(details === undefined ? {} : { details }) } };
}

function signedIn(routes: Record<string, FakeRoute>) {
  return fakeApi({ ...healthyApi, 'GET /api/v1/auth/me': () => json({ data: me }), ...routes });
}

function pngFile(size = 64): File {
  return new File([new Uint8Array(size)], 'me.png', { type: 'image/png' });
}

function urlOf(input: RequestInfo | URL): string {
  return typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
}

function jsonBody(init: RequestInit | undefined): unknown {
  return typeof init?.body === 'string' ? JSON.parse(init.body) : undefined;
}

function headerTrigger() {
  return screen.getByRole('button', { name: /account menu/ });
}

beforeEach(() => {
  // jsdom has no object URLs; the picker previews through one.
  let next = 0;
  URL.createObjectURL = vi.fn(() => `blob:preview-${String((next += 1))}`);
  URL.revokeObjectURL = vi.fn();
});

test('checkAvatarFileAppliesTheContractsTypeAndSizeLimits', () => {
  const max = limits.channel.avatar.maxFileSizeBytes;

  expect(checkAvatarFile({ type: 'image/webp', size: max })).toEqual({
    ok: true,
    request: { contentType: 'image/webp', size: max },
  });
  expect(checkAvatarFile({ type: 'image/png', size: max + 1 })).toEqual({
    ok: false,
    message: 'This image is too large: avatars can be at most 2 MiB.',
  });
  expect(checkAvatarFile({ type: 'image/gif', size: 10 })).toEqual({
    ok: false,
    message: 'Use a JPEG, PNG or WebP image.',
  });
  expect(checkAvatarFile({ type: 'image/png', size: 0 })).toEqual({ ok: false, message: 'This image is empty.' });
});

test('channelPageShowsAvatarNameHandleSubscribersAndAnEditLinkForItsOwner', async () => {
  signedIn({
    'GET /api/v1/channels/ada': () => json({ data: { ...channel, avatarUrl: `/${avatarKey}` } }),
  });
  await renderApp('/c/ada');

  const header = (await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).closest('header');
  if (!header) throw new Error('the channel name is not in a header');
  const inHeader = within(header);
  expect(inHeader.getByText('@ada')).toBeInTheDocument();
  expect(inHeader.getByText('1,204 subscribers')).toBeInTheDocument();
  expect(inHeader.getByText('Engines, mostly.')).toBeInTheDocument();
  expect(header.querySelector('img')).toHaveAttribute('src', `/${avatarKey}`);
  expect(inHeader.getByRole('link', { name: 'Edit channel' })).toHaveAttribute('href', '/channel/edit');
});

test('editingTheNameShowsAtOnceAndRollsBackWithTheServersErrorNextToTheField', async () => {
  let answer: (response: Response) => void = () => undefined;
  const fetchMock = signedIn({
    'PATCH /api/v1/channels/me': () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      }),
  });
  const user = userEvent.setup();
  await renderApp('/channel/edit');

  const name = await screen.findByLabelText('Channel name');
  expect(name).toHaveValue('Ada Lovelace');
  expect(screen.getByLabelText('Description')).toHaveValue('Engines, mostly.');
  await user.clear(name);
  await user.type(name, 'Ada at work');
  await user.click(screen.getByRole('button', { name: 'Save changes' }));

  await waitFor(() => {
    expect(headerTrigger()).toHaveTextContent('Ada at work');
  });
  const sent = fetchMock.mock.calls.find(([input]) => urlOf(input).includes('/channels/me'));
  expect(jsonBody(sent?.[1])).toEqual({ name: 'Ada at work', description: 'Engines, mostly.' });

  answer(
    json(
      errorEnvelope('VALIDATION_ERROR', 'The request does not match the contract', {
        issues: [{ path: '/name', message: 'This name is reserved.' }],
      }),
      400,
    ),
  );

  expect(await screen.findByText('This name is reserved.')).toBeInTheDocument();
  expect(headerTrigger()).toHaveTextContent('Ada Lovelace');
  expect(screen.getByLabelText('Channel name')).toHaveAttribute('aria-invalid', 'true');
});

test('theAvatarPickerRefusesAnImageTooLargeOrOfTheWrongTypeBeforeSendingIt', async () => {
  const fetchMock = signedIn({});
  const user = userEvent.setup({ applyAccept: false });
  await renderApp('/channel/edit');
  const input = await screen.findByLabelText('Choose an image');

  await user.upload(input, new File(['GIF89a'], 'me.gif', { type: 'image/gif' }));
  expect(await screen.findByRole('alert')).toHaveTextContent('Use a JPEG, PNG or WebP image.');
  await user.upload(input, pngFile(limits.channel.avatar.maxFileSizeBytes + 1));
  expect(screen.getByRole('alert')).toHaveTextContent('avatars can be at most 2 MiB');

  expect(screen.getByRole('button', { name: 'Upload avatar' })).toBeDisabled();
  expect(fetchMock.mock.calls.some(([input]) => urlOf(input).includes('/avatar'))).toBe(false);
});

test('uploadingAnAvatarPresignsPutsTheFileToStorageAndSetsTheIssuedKey', async () => {
  let avatarUrl: string | undefined;
  const fetchMock = signedIn({
    'GET /api/v1/auth/me': () => json({ data: { ...me, channel: { ...channel, avatarUrl } } }),
    'POST /api/v1/channels/me/avatar': () =>
      json(
        {
          data: {
            avatarKey,
            uploadUrl: `http://storage.test/media-bucket/${avatarKey}?X-Amz-Signature=abc`,
            method: 'PUT',
            headers: { 'Content-Type': 'image/png' },
            expiresAt: '2026-11-25T12:05:00Z',
          },
        },
        201,
      ),
    [`PUT /media-bucket/${avatarKey}`]: () => new Response(null, { status: 200 }),
    'PATCH /api/v1/channels/me': () => {
      avatarUrl = `/${avatarKey}`;
      return json({ data: { ...channel, avatarUrl } });
    },
  });
  const user = userEvent.setup();
  await renderApp('/channel/edit');
  const file = pngFile(128);

  await user.upload(await screen.findByLabelText('Choose an image'), file);
  expect(screen.getByRole('region', { name: 'Avatar' }).querySelector('img')).toHaveAttribute('src', 'blob:preview-1');
  await user.click(screen.getByRole('button', { name: 'Upload avatar' }));

  expect(await screen.findByText('Avatar updated.')).toBeInTheDocument();
  const calls = fetchMock.mock.calls.map(([input, init]) => ({ url: urlOf(input), init }));
  const presign = calls.find((call) => call.url.endsWith('/channels/me/avatar'));
  expect(jsonBody(presign?.init)).toEqual({ contentType: 'image/png', size: 128 });
  const put = calls.find((call) => call.url.startsWith('http://storage.test/'));
  expect(put?.init?.method).toBe('PUT');
  expect(put?.init?.headers).toEqual({ 'Content-Type': 'image/png' });
  expect(put?.init?.body).toBe(file);
  const patch = calls.find((call) => call.init?.method === 'PATCH');
  expect(jsonBody(patch?.init)).toEqual({ avatarKey });
  expect(headerTrigger().querySelector('img')).toHaveAttribute('src', `/${avatarKey}`);
});

test('anAvatarUploadTheServerRefusesRollsBackThePreviewAndSaysWhy', async () => {
  signedIn({
    'POST /api/v1/channels/me/avatar': () =>
      json(errorEnvelope('FILE_TOO_LARGE', 'The image is 3 MiB; avatars can be at most 2 MiB'), 413),
  });
  const user = userEvent.setup();
  await renderApp('/channel/edit');

  await user.upload(await screen.findByLabelText('Choose an image'), pngFile());
  await user.click(screen.getByRole('button', { name: 'Upload avatar' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('The image is 3 MiB; avatars can be at most 2 MiB');
  expect(headerTrigger().querySelector('img')).toBeNull();
});
