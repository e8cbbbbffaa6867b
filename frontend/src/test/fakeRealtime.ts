import { RealtimeClient, type ConnectionState, type RealtimeSocket } from '../lib/realtime/realtimeClient';

/** A WebSocket the test drives: open it, drop it, make it receive. */
export class FakeSocket implements RealtimeSocket {
  onopen: ((event: Event) => void) | null = null;
  onmessage: ((event: MessageEvent) => void) | null = null;
  onclose: ((event: CloseEvent) => void) | null = null;
  onerror: ((event: Event) => void) | null = null;
  readonly sent: unknown[] = [];
  closedByClient = false;
  readonly url: string;

  constructor(url: string) {
    this.url = url;
  }

  send(data: string) {
    this.sent.push(JSON.parse(data));
  }
  close() {
    this.closedByClient = true;
  }
  open() {
    this.onopen?.(new Event('open'));
  }
  drop() {
    this.onerror?.(new Event('error'));
    this.onclose?.(new CloseEvent('close', { code: 1006 }));
  }
  receive(data: unknown) {
    this.onmessage?.(new MessageEvent('message', { data: typeof data === 'string' ? data : JSON.stringify(data) }));
  }
}

/** A client over fake sockets and a fake timer queue, with jitter fixed by `random`. */
export function fakeRealtime(random = () => 0) {
  const sockets: FakeSocket[] = [];
  const timers: { callback: () => void; ms: number; cleared: boolean }[] = [];
  const states: ConnectionState[] = [];
  const client = new RealtimeClient({
    url: 'ws://kinora.test/ws',
    createSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    random,
    setTimer: (callback, ms) => {
      const timer = { callback, ms, cleared: false };
      timers.push(timer);
      return timer;
    },
    clearTimer: (timer) => {
      (timer as { cleared: boolean }).cleared = true;
    },
  });
  client.onStateChange((state) => states.push(state));
  const fire = () => {
    const timer = timers.at(-1);
    if (!timer || timer.cleared) throw new Error('no pending timer');
    timer.callback();
  };
  const latest = () => {
    const socket = sockets.at(-1);
    if (!socket) throw new Error('no socket');
    return socket;
  };
  return { client, sockets, timers, states, fire, latest };
}
