import { limits } from '../../contract/generated/limits.gen';
import type { RealtimeClientMessage, RealtimeServerMessage } from '../../contract/generated/types.gen';
import { zRealtimeServerMessage } from '../../contract/generated/zod.gen';

/** What the client needs of a WebSocket; the browser's satisfies it, tests pass a fake. */
export interface RealtimeSocket {
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(): void;
}

export type SocketFactory = (url: string) => RealtimeSocket;

/**
 * `unavailable`: this browser (or environment) has no WebSockets; callers then poll over HTTP.
 * `closed`: not connected right now (before the first connect, or waiting to reconnect).
 */
export type ConnectionState = 'connecting' | 'open' | 'closed' | 'unavailable';

export type MessageListener = (message: RealtimeServerMessage) => void;
/** A message for the signed-in user rather than one video (`notification.new`). */
export type UserMessage = Extract<RealtimeServerMessage, { type: 'notification.new' }>;
export type UserMessageListener = (message: UserMessage) => void;
export type StateListener = (state: ConnectionState) => void;

export interface ReconnectPolicy {
  /** The first reconnect waits this long (plus jitter)… */
  baseDelayMs: number;
  /** …doubling per failed attempt up to this cap. */
  maxDelayMs: number;
}

export const defaultReconnectPolicy: ReconnectPolicy = {
  baseDelayMs: limits.realtime.reconnectDelaySeconds * 1000,
  maxDelayMs: limits.realtime.maxReconnectDelaySeconds * 1000,
};

/**
 * The wait before reconnect attempt `attempt` (0 = the first after a drop): min(cap, base · 2^attempt) plus a jitter
 * uniform in [0, base). Never sooner than `base` (DESIGN §5: "reconnects after 5 s"), and the jitter keeps a
 * thousand studios that lost the same server from reconnecting in the same second.
 */
export function reconnectDelayMs(
  attempt: number,
  policy: ReconnectPolicy = defaultReconnectPolicy,
  random: () => number = Math.random,
): number {
  const backoff = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
  return backoff + Math.floor(random() * policy.baseDelayMs);
}

export interface RealtimeClientOptions {
  url: string;
  /** Undefined when WebSockets are unavailable. */
  createSocket: SocketFactory | undefined;
  policy?: ReconnectPolicy;
  random?: () => number;
  setTimer?: (callback: () => void, ms: number) => unknown;
  clearTimer?: (timer: unknown) => void;
}

/**
 * One WebSocket to the realtime API for the whole app (DESIGN §5 Realtime): it is open while anything is subscribed,
 * reconnects with backoff after a drop, and re-sends every subscription on each (re)connect. Messages are checked
 * against the contract (`RealtimeServerMessage`) and handed to the listeners of their video.
 */
export class RealtimeClient {
  private readonly options: Required<Omit<RealtimeClientOptions, 'createSocket'>> & {
    createSocket: SocketFactory | undefined;
  };
  private readonly listeners = new Map<string, Set<MessageListener>>();
  private readonly userListeners = new Set<UserMessageListener>();
  private readonly stateListeners = new Set<StateListener>();
  private socket: RealtimeSocket | undefined;
  private timer: unknown;
  private attempt = 0;
  private state: ConnectionState;

  constructor(options: RealtimeClientOptions) {
    this.options = {
      policy: defaultReconnectPolicy,
      random: Math.random,
      setTimer: (callback, ms) => setTimeout(callback, ms),
      clearTimer: (timer) => {
        clearTimeout(timer as ReturnType<typeof setTimeout>);
      },
      ...options,
    };
    this.state = options.createSocket ? 'closed' : 'unavailable';
  }

  getState(): ConnectionState {
    return this.state;
  }

  /** Listens to the connection's state; each change to `open` is a (re)connect. */
  onStateChange(listener: StateListener): () => void {
    this.stateListeners.add(listener);
    return () => {
      this.stateListeners.delete(listener);
    };
  }

  /** Follows one video's status; the returned function stops (and closes the socket after the last one). */
  subscribe(videoId: string, listener: MessageListener): () => void {
    let videoListeners = this.listeners.get(videoId);
    const first = videoListeners === undefined;
    if (!videoListeners) {
      videoListeners = new Set();
      this.listeners.set(videoId, videoListeners);
    }
    videoListeners.add(listener);
    if (first && this.state === 'open') this.send({ action: 'subscribe', videoId });
    if (this.state === 'closed' && this.timer === undefined) this.connect();
    return () => {
      this.unsubscribe(videoId, listener);
    };
  }

  /**
   * Listens to the signed-in user's own messages (`notification.new`): the server sends them to every connection of
   * the user, no subscribe message needed, so this only keeps the socket open. The returned function stops.
   */
  onUserMessage(listener: UserMessageListener): () => void {
    this.userListeners.add(listener);
    if (this.state === 'closed' && this.timer === undefined) this.connect();
    return () => {
      this.userListeners.delete(listener);
      if (!this.listening()) this.stop();
    };
  }

  private listening(): boolean {
    return this.listeners.size > 0 || this.userListeners.size > 0;
  }

  private unsubscribe(videoId: string, listener: MessageListener) {
    const videoListeners = this.listeners.get(videoId);
    if (!videoListeners?.delete(listener) || videoListeners.size > 0) return;
    this.listeners.delete(videoId);
    if (this.state === 'open') this.send({ action: 'unsubscribe', videoId });
    if (!this.listening()) this.stop();
  }

  private connect() {
    const { createSocket, url } = this.options;
    if (!createSocket) return;
    this.timer = undefined;
    this.setState('connecting');
    let socket: RealtimeSocket;
    try {
      socket = createSocket(url);
    } catch {
      this.dropped();
      return;
    }
    this.socket = socket;
    socket.onopen = () => {
      if (this.socket !== socket) return;
      this.attempt = 0;
      this.setState('open');
      for (const videoId of this.listeners.keys()) this.send({ action: 'subscribe', videoId });
    };
    socket.onmessage = (event) => {
      if (this.socket === socket) this.receive(event.data);
    };
    socket.onclose = () => {
      if (this.socket === socket) this.dropped();
    };
    // A failed connect fires error, then close: close alone decides what happens next.
    socket.onerror = () => undefined;
  }

  /** The socket closed without us asking: try again later while anyone still listens. */
  private dropped() {
    this.socket = undefined;
    this.setState('closed');
    if (!this.listening()) return;
    const delay = reconnectDelayMs(this.attempt, this.options.policy, this.options.random);
    this.attempt += 1;
    this.timer = this.options.setTimer(() => {
      this.connect();
    }, delay);
  }

  private stop() {
    if (this.timer !== undefined) this.options.clearTimer(this.timer);
    this.timer = undefined;
    this.attempt = 0;
    const socket = this.socket;
    this.socket = undefined;
    socket?.close();
    if (this.state !== 'unavailable') this.setState('closed');
  }

  private receive(data: unknown) {
    if (typeof data !== 'string') return;
    let json: unknown;
    try {
      json = JSON.parse(data);
    } catch {
      return;
    }
    const parsed = zRealtimeServerMessage.safeParse(json);
    // Not in the contract: drop it rather than guess (the HTTP read on reconnect keeps the UI right).
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'notification.new') {
      for (const listener of [...this.userListeners]) listener(message);
      return;
    }
    const videoId = message.videoId;
    if (videoId === undefined) return;
    for (const listener of [...(this.listeners.get(videoId) ?? [])]) listener(message);
  }

  private send(message: RealtimeClientMessage) {
    this.socket?.send(JSON.stringify(message));
  }

  private setState(state: ConnectionState) {
    if (state === this.state) return;
    this.state = state;
    for (const listener of [...this.stateListeners]) listener(state);
  }
}

/** `ws(s)://<this origin>/ws`: the WebSocket API is served on the SPA's origin, so the session cookie goes along. */
export function realtimeUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/ws`;
}

let shared: RealtimeClient | undefined;

/** The app's one client, created on first use. */
export function realtimeClient(): RealtimeClient {
  shared ??= new RealtimeClient({
    url: realtimeUrl(window.location),
    createSocket: typeof WebSocket === 'undefined' ? undefined : (url) => new WebSocket(url),
  });
  return shared;
}
