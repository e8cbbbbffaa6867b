import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import type { Notification, NotificationListResponse } from '../../contract/generated/types.gen';
import { fakeApi, json } from '../../test/fakeApi';
import { fakeRealtime } from '../../test/fakeRealtime';
import { renderWithQueries } from '../engagement/testing';
import { NotificationBell } from './NotificationBell';

function notification(id: string, read: boolean): Notification {
  return {
    id,
    kind: 'upload',
    read,
    createdAt: '2026-11-25T12:00:00Z',
    video: {
      id,
      channelId: 'ch_00000000001',
      title: `Upload ${id}`,
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
      createdAt: '2026-11-25T12:00:00Z',
    },
    channel: { id: 'ch_00000000001', handle: 'sea', name: 'The Sea Channel', subscriberCount: 3 },
  };
}

const page: NotificationListResponse = {
  data: [notification('vid00000001', false), notification('vid00000002', true)],
  meta: { unreadCount: 1 },
};

async function renderBell() {
  const realtime = fakeRealtime();
  const view = await renderWithQueries(
    <MemoryRouter>
      <NotificationBell realtime={realtime.client} />
    </MemoryRouter>,
  );
  return { ...view, realtime };
}

test('theBadgeShowsTheUnreadCountAndThePanelOpensAndClosesWithTheKeyboard', async () => {
  fakeApi({ 'GET /api/v1/notifications': () => json(page) });
  const user = userEvent.setup();
  await renderBell();

  const bell = await screen.findByRole('button', { name: 'Notifications, 1 unread' });
  bell.focus();
  await user.keyboard('{Enter}');

  const panel = screen.getByRole('dialog', { name: 'Notifications' });
  expect(panel).toHaveFocus();
  expect(within(panel).getAllByRole('link', { name: /uploaded/ })).toHaveLength(2);
  await user.keyboard('{Escape}');
  expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  expect(bell).toHaveFocus();
});

test('notificationNewOverTheWebSocketLightsTheBellWithoutAReload', async () => {
  fakeApi({ 'GET /api/v1/notifications': () => json({ data: [], meta: { unreadCount: 0 } }) });
  const { realtime } = await renderBell();
  expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  // the connect re-reads the list over HTTP; let that settle so only the push can light the bell
  await act(async () => {
    realtime.latest().open();
    await new Promise((done) => setTimeout(done, 50));
  });

  act(() => {
    realtime
      .latest()
      .receive({ type: 'notification.new', notification: notification('vid00000003', false), unreadCount: 1 });
  });

  expect(await screen.findByRole('button', { name: 'Notifications, 1 unread' })).toBeInTheDocument();
  expect(screen.getByTestId('unread-badge')).toHaveTextContent('1');
});

test('markAllReadClearsTheBadgeAtOnce', async () => {
  let allRead = false;
  const fetchMock = fakeApi({
    'GET /api/v1/notifications': () =>
      json(allRead ? { data: page.data.map((n) => ({ ...n, read: true })), meta: { unreadCount: 0 } } : page),
    'POST /api/v1/notifications/read-all': () => {
      allRead = true;
      return json({ data: { unreadCount: 0 } });
    },
  });
  await renderBell();

  await userEvent.click(await screen.findByRole('button', { name: 'Notifications, 1 unread' }));
  await userEvent.click(screen.getByRole('button', { name: 'Mark all read' }));

  expect(await screen.findByRole('button', { name: 'Notifications' })).toBeInTheDocument();
  expect(fetchMock.mock.calls.some(([, init]) => init?.method === 'POST')).toBe(true);
});
