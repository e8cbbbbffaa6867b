import { limits } from '../../contract/generated/limits.gen';
import type { RealtimeServerMessage } from '../../contract/generated/types.gen';
import { fakeRealtime as harness } from '../../test/fakeRealtime';
import { RealtimeClient, reconnectDelayMs } from './realtimeClient';

const BASE = limits.realtime.reconnectDelaySeconds * 1000;
const MAX = limits.realtime.maxReconnectDelaySeconds * 1000;
const VIDEO = 'dQw4w9WgXcQ';

test('reconnectWaitsTheBaseDelayFirstThenDoublesUpToTheCap', () => {
  const none = () => 0;
  expect(reconnectDelayMs(0, undefined, none)).toBe(BASE);
  expect(reconnectDelayMs(1, undefined, none)).toBe(2 * BASE);
  expect(reconnectDelayMs(2, undefined, none)).toBe(4 * BASE);
  expect(reconnectDelayMs(20, undefined, none)).toBe(MAX);
});

test('jitterAddsLessThanOneBaseDelay', () => {
  expect(reconnectDelayMs(0, undefined, () => 0.999)).toBeLessThan(2 * BASE);
  expect(reconnectDelayMs(0, undefined, () => 0.5)).toBe(BASE + BASE / 2);
  expect(reconnectDelayMs(20, undefined, () => 0.5)).toBe(MAX + BASE / 2);
});

test('connectsOnFirstSubscriptionAndSubscribesWhenOpen', () => {
  const { client, sockets, latest } = harness();
  expect(sockets).toHaveLength(0);
  client.subscribe(VIDEO, () => undefined);
  expect(latest().url).toBe('ws://kinora.test/ws');
  expect(client.getState()).toBe('connecting');
  latest().open();
  expect(client.getState()).toBe('open');
  expect(latest().sent).toEqual([{ action: 'subscribe', videoId: VIDEO }]);
});

test('dropReconnectsAfterBackoffWithJitterAndResubscribesEverything', () => {
  const { client, sockets, timers, states, fire, latest } = harness(() => 0.5);
  client.subscribe(VIDEO, () => undefined);
  client.subscribe('AnotherVid1', () => undefined);
  latest().open();

  latest().drop();
  expect(client.getState()).toBe('closed');
  expect(timers.at(-1)?.ms).toBe(BASE + BASE / 2);
  expect(sockets).toHaveLength(1);

  fire();
  expect(sockets).toHaveLength(2);
  latest().open();
  expect(latest().sent).toEqual([
    { action: 'subscribe', videoId: VIDEO },
    { action: 'subscribe', videoId: 'AnotherVid1' },
  ]);
  expect(states).toEqual(['connecting', 'open', 'closed', 'connecting', 'open']);
});

test('failedReconnectsBackOffExponentiallyAndASuccessResetsTheBackoff', () => {
  const { client, timers, fire, latest } = harness();
  client.subscribe(VIDEO, () => undefined);
  latest().drop(); // the first connect never opened
  fire();
  latest().drop();
  fire();
  latest().drop();
  expect(timers.map((t) => t.ms)).toEqual([BASE, 2 * BASE, 4 * BASE]);

  fire();
  latest().open();
  latest().drop();
  expect(timers.at(-1)?.ms).toBe(BASE);
});

test('messagesReachOnlyTheirVideosListenersAndMustMatchTheContract', () => {
  const { client, latest } = harness();
  const heard: RealtimeServerMessage[] = [];
  const others: RealtimeServerMessage[] = [];
  client.subscribe(VIDEO, (message) => heard.push(message));
  client.subscribe('AnotherVid1', (message) => others.push(message));
  latest().open();

  latest().receive({ type: 'transcode.progress', videoId: VIDEO, resolution: '360p', progress: 40 });
  latest().receive({ type: 'transcode.progress', videoId: VIDEO, resolution: '360p', progress: 400 });
  latest().receive({ type: 'transcode.exploded', videoId: VIDEO });
  latest().receive('not json');
  latest().receive({ type: 'transcode.started', videoId: 'AnotherVid1' });

  expect(heard).toEqual([{ type: 'transcode.progress', videoId: VIDEO, resolution: '360p', progress: 40 }]);
  expect(others).toEqual([{ type: 'transcode.started', videoId: 'AnotherVid1' }]);
});

test('lastUnsubscribeClosesTheSocketAndCancelsAPendingReconnect', () => {
  const { client, timers, sockets, latest } = harness();
  const stop = client.subscribe(VIDEO, () => undefined);
  latest().open();
  latest().drop();
  stop();
  expect(timers.at(-1)?.cleared).toBe(true);
  expect(client.getState()).toBe('closed');
  expect(sockets).toHaveLength(1);
});

test('unsubscribingOneVideoTellsTheServerAndKeepsTheSocket', () => {
  const { client, latest } = harness();
  const stop = client.subscribe(VIDEO, () => undefined);
  client.subscribe('AnotherVid1', () => undefined);
  latest().open();
  stop();
  expect(latest().sent.at(-1)).toEqual({ action: 'unsubscribe', videoId: VIDEO });
  expect(latest().closedByClient).toBe(false);
});

test('withoutWebSocketsTheClientSaysUnavailableAndNeverConnects', () => {
  const client = new RealtimeClient({ url: 'ws://kinora.test/ws', createSocket: undefined });
  client.subscribe(VIDEO, () => undefined);
  expect(client.getState()).toBe('unavailable');
});

test('aSocketThatCannotBeCreatedIsRetriedLater', () => {
  const timers: number[] = [];
  const client = new RealtimeClient({
    url: 'ws://kinora.test/ws',
    createSocket: () => {
      throw new DOMException('blocked', 'SecurityError');
    },
    random: () => 0,
    setTimer: (_callback, ms) => timers.push(ms),
    clearTimer: () => undefined,
  });
  client.subscribe(VIDEO, () => undefined);
  expect(client.getState()).toBe('closed');
  expect(timers).toEqual([BASE]);
});
