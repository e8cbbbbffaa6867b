import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Subscription } from '../../contract/generated/types.gen';
import { fakeApi, json } from '../../test/fakeApi';
import { applySubscription } from './api/subscription';
import { SubscribeButton } from './SubscribeButton';
import { deferred, renderWithQueries } from './testing';

const CHANNEL = 'ch_00000000001';
const PATH = `/api/v1/channels/${CHANNEL}/subscription`;
const notSubscribed: Subscription = { channelId: CHANNEL, subscribed: false, subscriberCount: 41 };

test('applySubscriptionCountsOnlyAChangeOfTheSubscribedState', () => {
  const all = applySubscription(notSubscribed, 'all');
  expect(all).toEqual({ channelId: CHANNEL, subscribed: true, notify: 'all', subscriberCount: 42 });
  expect(applySubscription(all, 'none')).toEqual({ ...all, notify: 'none' });
  expect(applySubscription(all, null)).toEqual(notSubscribed);
  expect(applySubscription(notSubscribed, null)).toEqual(notSubscribed);
});

test('subscribingShowsAtOnceThenTakesTheServersExactCount', async () => {
  const answer = deferred<Response>();
  const fetchMock = fakeApi({
    [`GET ${PATH}`]: () => json({ data: notSubscribed }),
    [`PUT ${PATH}`]: () => answer.promise,
  });
  await renderWithQueries(<SubscribeButton channelId={CHANNEL} initialCount={40} signedIn isOwn={false} />);

  await userEvent.click(await screen.findByRole('button', { name: 'Subscribe' }));

  expect(screen.getByRole('button', { name: /Subscribed, notifications: all/ })).toBeInTheDocument();
  expect(screen.getByText('42 subscribers')).toBeInTheDocument();
  const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
  expect(put?.[1]?.body).toBe('{"notify":"all"}');
  await act(async () => {
    answer.resolve(json({ data: { channelId: CHANNEL, subscribed: true, notify: 'all', subscriberCount: 50 } }));
    await answer.promise;
  });
  expect(await screen.findByText('50 subscribers')).toBeInTheDocument();
});

test('aFailedSubscribeRollsBackAndShowsAToast', async () => {
  fakeApi({
    [`GET ${PATH}`]: () => json({ data: notSubscribed }),
    [`PUT ${PATH}`]: () => json({ error: { code: 'INTERNAL_ERROR', message: 'Down', requestId: 'r1' } }, 500),
  });
  await renderWithQueries(<SubscribeButton channelId={CHANNEL} initialCount={41} signedIn isOwn={false} />);

  await userEvent.click(await screen.findByRole('button', { name: 'Subscribe' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('could not be saved');
  expect(screen.getByRole('button', { name: 'Subscribe' })).toBeInTheDocument();
  expect(screen.getByText('41 subscribers')).toBeInTheDocument();
});

test('theBellMenuChangesThePreferenceWithTheKeyboardAndKeepsTheCount', async () => {
  const subscribed: Subscription = { channelId: CHANNEL, subscribed: true, notify: 'all', subscriberCount: 7 };
  const fetchMock = fakeApi({
    [`GET ${PATH}`]: () => json({ data: subscribed }),
    [`PUT ${PATH}`]: (request) =>
      request.json().then((body: unknown) => json({ data: { ...subscribed, ...(body as object) } })),
  });
  const user = userEvent.setup();
  await renderWithQueries(<SubscribeButton channelId={CHANNEL} initialCount={7} signedIn isOwn={false} />);

  const bell = await screen.findByRole('button', { name: /Subscribed, notifications: all/ });
  bell.focus();
  await user.keyboard('{Enter}');
  const menu = screen.getByRole('menu', { name: 'Notifications from this channel' });
  expect(screen.getByRole('menuitemradio', { name: /All/ })).toHaveFocus();
  await user.keyboard('{ArrowDown}{ArrowDown}');
  expect(screen.getByRole('menuitemradio', { name: /None/ })).toHaveFocus();
  await user.keyboard('{Enter}');

  expect(menu).not.toBeInTheDocument();
  expect(await screen.findByRole('button', { name: /Subscribed, notifications: none/ })).toHaveFocus();
  expect(screen.getByText('7 subscribers')).toBeInTheDocument();
  expect(fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT')?.[1]?.body).toBe('{"notify":"none"}');
});

test('visitorsSeeTheCountAndAreAskedToSignIn', async () => {
  const fetchMock = fakeApi({});
  await renderWithQueries(<SubscribeButton channelId={CHANNEL} initialCount={1} signedIn={false} isOwn={false} />);

  await userEvent.click(screen.getByRole('button', { name: 'Subscribe' }));

  expect(screen.getByRole('alert')).toHaveTextContent('Sign in to subscribe');
  expect(screen.getByText('1 subscriber')).toBeInTheDocument();
  expect(fetchMock).not.toHaveBeenCalled();
});
