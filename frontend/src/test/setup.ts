import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach, vi } from 'vitest';
import { fakeApi, healthyApi } from './fakeApi';

// Contract tests run in the node environment, without a DOM.
const hasDom = typeof window !== 'undefined';

beforeEach(() => {
  fakeApi(healthyApi);
  // jsdom would really dial ws://localhost/ws: the app's realtime client polls instead (tests of live status pass
  // their own client over fake sockets, src/test/fakeRealtime.ts).
  vi.stubGlobal('WebSocket', undefined);
});

afterEach(() => {
  if (!hasDom) return;
  cleanup();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});
