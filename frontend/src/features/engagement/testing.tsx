import { QueryClientProvider } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import type { ReactNode } from 'react';
import { createQueryClient } from '../../app/queryClient';

/** Renders engagement components with a fresh query client (no retries), letting first queries settle. */
export async function renderWithQueries(ui: ReactNode) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  const view = await act(async () => {
    const rendered = render(<QueryClientProvider client={queryClient}>{ui}</QueryClientProvider>);
    await Promise.resolve();
    return rendered;
  });
  return { ...view, queryClient };
}

/** A promise the test resolves when it wants the fake server to answer. */
export function deferred<T>() {
  let resolve: (value: T) => void = () => undefined;
  const promise = new Promise<T>((done) => {
    resolve = done;
  });
  return { promise, resolve };
}
