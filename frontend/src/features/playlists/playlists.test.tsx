import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useParams } from 'react-router';
import type { Playlist, PlaylistDetail, PlaylistItem } from '../../contract/generated/types.gen';
import { fakeApi, json, signedInApi } from '../../test/fakeApi';
import { deferred } from '../engagement/testing';
import { renderApp } from '../../test/renderApp';
import { moveTarget, reorder } from './api/items';
import { PlaylistPanel } from './PlaylistPanel';
import { SaveToPlaylist } from './SaveToPlaylist';
import { usePlaylistPlayback } from './usePlaylistPlayback';

const channel = { id: 'ch_00000000001', handle: 'ada', name: 'Ada Lovelace', subscriberCount: 1 };
const T = '2026-12-01T10:00:00Z';

function item(id: string, title: string): PlaylistItem {
  return {
    video: {
      id,
      channelId: channel.id,
      title,
      description: '',
      tags: [],
      categories: [],
      visibility: 'public',
      status: 'ready',
      resolutions: ['360p'],
      viewCount: 0,
      likeCount: 0,
      dislikeCount: 0,
      commentCount: 0,
      createdAt: T,
      durationSeconds: 12,
    },
    channel,
    addedAt: T,
  };
}

function playlist(id: string, title: string, extra: Partial<Playlist> = {}): Playlist {
  return {
    id,
    kind: 'regular',
    channelId: channel.id,
    title,
    description: '',
    visibility: 'public',
    itemCount: 0,
    createdAt: T,
    updatedAt: T,
    ...extra,
  };
}

const first = item('vid_first01', 'First cut');
const second = item('vid_second1', 'Second cut');
const third = item('vid_third01', 'Third cut');

function detail(isOwner: boolean): PlaylistDetail {
  return { ...playlist('pl_lathe', 'Lathe work', { itemCount: 3 }), channel, isOwner };
}

test('moveTargetNamesTheItemToPlaceAfterAndReorderMovesOneStep', () => {
  const items = [first, second, third];
  expect(moveTarget(items, 0, -1)).toBeUndefined();
  expect(moveTarget(items, 1, -1)).toBeNull();
  expect(moveTarget(items, 2, -1)).toBe('vid_first01');
  expect(moveTarget(items, 0, 1)).toBe('vid_second1');
  expect(moveTarget(items, 2, 1)).toBeUndefined();
  expect(reorder(items, 0, 1).map((i) => i.video.id)).toEqual(['vid_second1', 'vid_first01', 'vid_third01']);
});

test('theSaveMenuTicksAPlaylistAtOnceAndSendsTheAdd', async () => {
  const saved = new Set(['pl_lathe']);
  const answer = deferred<Response>();
  const fetchMock = fakeApi({
    ...signedInApi,
    'GET /api/v1/me/playlists': () =>
      json({
        data: [
          playlist('WLusr_1', 'Watch later', {
            kind: 'watchLater',
            visibility: 'private',
            containsVideo: saved.has('WLusr_1'),
          }),
          playlist('pl_lathe', 'Lathe work', { containsVideo: saved.has('pl_lathe'), itemCount: 1 }),
        ],
        meta: {},
      }),
    'POST /api/v1/playlists/WLusr_1/items': async (request) => {
      expect(await request.json()).toEqual({ videoId: 'vid_first01' });
      await answer.promise;
      saved.add('WLusr_1');
      return json({ data: first }, 201);
    },
  });
  await renderApp('/', {
    routes: [{ path: '/', element: <SaveToPlaylist videoId="vid_first01" signedIn /> }],
  });

  await userEvent.click(screen.getByRole('button', { name: 'Save to playlist' }));
  const dialog = await screen.findByRole('dialog', { name: 'Save to…' });
  const watchLater = await within(dialog).findByRole('checkbox', { name: /Watch later/ });
  expect(watchLater).not.toBeChecked();
  expect(within(dialog).getByRole('checkbox', { name: /Lathe work/ })).toBeChecked();

  // Ticked in the click's own event, not a timer tick later (the cache's optimistic write is notified on a timeout,
  // and a controlled checkbox would flick back until then).
  fireEvent.click(watchLater);
  expect(screen.getByRole('checkbox', { name: /Watch later/ })).toBeChecked();
  await act(async () => {
    answer.resolve(json({}));
    await answer.promise;
  });
  await waitFor(() => {
    expect(saved.has('WLusr_1')).toBe(true);
  });
  expect(screen.getByRole('checkbox', { name: /Watch later/ })).toBeChecked();
  const listed = fetchMock.mock.calls
    .map(([url]) => (typeof url === 'string' ? url : ''))
    .find((url) => url.includes('/me/playlists'));
  expect(listed).toContain('videoId=vid_first01');

  await userEvent.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(screen.getByRole('button', { name: 'Save to playlist' })).toHaveFocus();
});

test('aRefusedSaveUnticksTheBoxAndSaysSo', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/me/playlists': () =>
      json({ data: [playlist('pl_full', 'Full one', { containsVideo: false, itemCount: 500 })], meta: {} }),
    'POST /api/v1/playlists/pl_full/items': () =>
      json({ error: { code: 'CONFLICT', message: 'A playlist holds at most 500 videos' } }, 409),
  });
  await renderApp('/', { routes: [{ path: '/', element: <SaveToPlaylist videoId="vid_first01" signedIn /> }] });

  await userEvent.click(screen.getByRole('button', { name: 'Save to playlist' }));
  const box = await screen.findByRole('checkbox', { name: /Full one/ });
  await userEvent.click(box);

  expect(await screen.findByRole('alert')).toHaveTextContent('at most 500 videos');
  await waitFor(() => {
    expect(screen.getByRole('checkbox', { name: /Full one/ })).not.toBeChecked();
  });
});

test('theOwnerMovesAnItemDownWithTheKeyboardAndTheListFollowsAtOnce', async () => {
  let order = [first, second, third];
  let moved: unknown;
  const answer = deferred<Response>();
  fakeApi({
    ...signedInApi,
    'GET /api/v1/playlists/pl_lathe': () => json({ data: detail(true) }),
    'GET /api/v1/playlists/pl_lathe/items': () => json({ data: order, meta: {} }),
    'POST /api/v1/playlists/pl_lathe/items/vid_first01/move': async (request) => {
      moved = await request.json();
      await answer.promise;
      order = [second, first, third];
      return json({ data: first });
    },
  });
  await renderApp('/playlist/pl_lathe');

  expect(await screen.findByRole('heading', { name: 'Lathe work' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Play all' })).toHaveAttribute('href', '/watch/vid_first01?list=pl_lathe');
  const down = await screen.findByRole('button', { name: 'Move down: First cut' });
  down.focus();
  await userEvent.keyboard('{Enter}');

  const rows = () => within(screen.getByRole('list', { name: 'Videos of Lathe work' })).getAllByRole('listitem');
  await waitFor(() => {
    expect(rows()[1]).toHaveTextContent('First cut');
  });
  expect(moved).toEqual({ afterVideoId: 'vid_second1' });
  expect(screen.getByText('First cut moved to position 2 of 3')).toHaveAttribute('role', 'status');
  await act(async () => {
    answer.resolve(json({}));
    await answer.promise;
  });
  await waitFor(() => {
    expect(rows()[1]).toHaveTextContent('First cut');
  });
});

test('someoneElseSeesThePlaylistWithoutEditButtons', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/playlists/pl_lathe': () => json({ data: detail(false) }),
    'GET /api/v1/playlists/pl_lathe/items': () => json({ data: [first, second], meta: {} }),
  });
  await renderApp('/playlist/pl_lathe');

  expect(await screen.findByRole('link', { name: 'Second cut' })).toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Move (up|down)/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: /Remove/ })).not.toBeInTheDocument();
  expect(screen.queryByRole('button', { name: 'Delete playlist' })).not.toBeInTheDocument();
});

test('aPrivatePlaylistOfSomeoneElseReadsAsUnavailable', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/playlists/pl_secret': () => json({ error: { code: 'NOT_FOUND', message: 'No playlist' } }, 404),
    'GET /api/v1/playlists/pl_secret/items': () => json({ error: { code: 'NOT_FOUND', message: 'No playlist' } }, 404),
  });
  await renderApp('/playlist/pl_secret');
  expect(await screen.findByRole('heading', { name: "This playlist isn't available" })).toBeInTheDocument();
});

/** The watch page's use of the panel, without the player: the route's video and a button standing for `ended`. */
function ParamHarness() {
  const { videoId = '' } = useParams();
  const playback = usePlaylistPlayback('pl_lathe', videoId);
  return (
    <>
      <PlaylistPanel playback={playback} />
      <button type="button" onClick={playback.onEnded}>
        Pretend the video ended
      </button>
    </>
  );
}

test('thePanelMarksTheCurrentVideoAndGoesOnToTheNextWhenItEnds', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/playlists/pl_lathe': () => json({ data: detail(false) }),
    'GET /api/v1/playlists/pl_lathe/items': () => json({ data: [first, second, third], meta: {} }),
  });
  await renderApp('/watch/vid_second1?list=pl_lathe', {
    routes: [{ path: '/watch/:videoId', element: <ParamHarness /> }],
  });

  const current = await screen.findByRole('link', { current: true });
  expect(current).toHaveTextContent('Second cut');
  expect(screen.getByText(/2 \/ 3/)).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Next' })).toHaveAttribute('href', '/watch/vid_third01?list=pl_lathe');
  expect(screen.getByRole('link', { name: 'Previous' })).toHaveAttribute('href', '/watch/vid_first01?list=pl_lathe');
  expect(screen.getByRole('switch', { name: 'Autoplay next' })).toBeChecked();

  await act(async () => {
    await userEvent.click(screen.getByRole('button', { name: 'Pretend the video ended' }));
  });
  await waitFor(() => {
    expect(screen.getByRole('link', { current: true })).toHaveTextContent('Third cut');
  });
  expect(screen.getByRole('button', { name: 'Next' })).toBeDisabled();
});

test('withAutoplayOffTheEndOfAVideoStaysPut', async () => {
  fakeApi({
    ...signedInApi,
    'GET /api/v1/playlists/pl_lathe': () => json({ data: detail(false) }),
    'GET /api/v1/playlists/pl_lathe/items': () => json({ data: [first, second, third], meta: {} }),
  });
  await renderApp('/watch/vid_first01?list=pl_lathe', {
    routes: [{ path: '/watch/:videoId', element: <ParamHarness /> }],
  });
  await userEvent.click(await screen.findByRole('switch', { name: 'Autoplay next' }));
  await userEvent.click(screen.getByRole('button', { name: 'Pretend the video ended' }));
  expect(screen.getByRole('link', { current: true })).toHaveTextContent('First cut');
  window.localStorage.clear();
});

function channelPage(playlists: () => Response) {
  return fakeApi({
    ...signedInApi,
    'GET /api/v1/channels/ada': () => json({ data: { ...channel, description: '' } }),
    'GET /api/v1/channels/ch_00000000001/videos': () => json({ data: [], meta: {} }),
    'GET /api/v1/channels/ch_00000000001/playlists': playlists,
  });
}

test('theChannelPagesPlaylistsTabListsItsPublicPlaylistsWithTheirCounts', async () => {
  channelPage(() =>
    json({
      data: [playlist('pl_lathe', 'Lathe work', { itemCount: 2 }), playlist('pl_one', 'One bowl', { itemCount: 1 })],
      meta: {},
    }),
  );
  await renderApp('/c/ada');
  const videosTab = await screen.findByRole('tab', { name: 'Videos' });
  expect(videosTab).toHaveAttribute('aria-selected', 'true');

  // Keyboard: the tabs are one tab stop and the arrow keys choose.
  videosTab.focus();
  await userEvent.keyboard('{ArrowRight}');
  const playlistsTab = screen.getByRole('tab', { name: 'Playlists' });
  expect(playlistsTab).toHaveAttribute('aria-selected', 'true');
  expect(playlistsTab).toHaveFocus();
  expect(videosTab).toHaveAttribute('tabindex', '-1');

  const panel = screen.getByRole('tabpanel', { name: 'Playlists' });
  const list = await within(panel).findByRole('list', { name: 'Playlists of Ada Lovelace' });
  expect(within(list).getByRole('link', { name: 'Lathe work' })).toHaveAttribute('href', '/playlist/pl_lathe');
  expect(within(list).getByText('2 videos')).toBeInTheDocument();
  expect(within(list).getByText('1 video')).toBeInTheDocument();
});

test('theChannelPagesPlaylistsTabSaysWhenThereAreNoneOrTheyCouldNotBeLoaded', async () => {
  let fail = true;
  channelPage(() =>
    fail
      ? json({ error: { code: 'INTERNAL_ERROR', message: 'Something went wrong', requestId: 'r' } }, 500)
      : json({ data: [], meta: {} }),
  );
  await renderApp('/c/ada?tab=playlists');
  expect(await screen.findByRole('tab', { name: 'Playlists' })).toHaveAttribute('aria-selected', 'true');
  expect(await screen.findByText('The playlists could not be loaded.', {}, { timeout: 5000 })).toBeInTheDocument();

  fail = false;
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('This channel has no public playlists yet.')).toBeInTheDocument();
});
