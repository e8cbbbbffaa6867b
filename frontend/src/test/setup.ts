import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { fakeApi, healthyApi } from './fakeApi';

// Contract tests run in the node environment, without a DOM.
const hasDom = typeof window !== 'undefined';

beforeEach(() => {
  fakeApi(healthyApi);
});

afterEach(() => {
  if (!hasDom) return;
  cleanup();
  window.localStorage.clear();
  delete document.documentElement.dataset.theme;
});
