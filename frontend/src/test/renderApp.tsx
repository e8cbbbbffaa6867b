import type { QueryClient } from '@tanstack/react-query';
import { act, render } from '@testing-library/react';
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router';
import { AppProviders } from '../app/providers';
import { createQueryClient } from '../app/queryClient';
import { routes as appRoutes } from '../app/routes';

interface Options {
  /** The app's routes unless given. */
  routes?: RouteObject[];
  /** Seeds the query cache before the first render. */
  seed?: (queryClient: QueryClient) => void;
}

/**
 * Renders the app at `path` with fresh providers, as the browser entry does, and lets the first queries settle
 * inside act() so assertions see what a user would see.
 */
export async function renderApp(path = '/', { routes = appRoutes, seed }: Options = {}) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { ...queryClient.getDefaultOptions().queries, retry: false } });
  seed?.(queryClient);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const view = await act(async () => {
    const rendered = render(
      <AppProviders queryClient={queryClient}>
        <RouterProvider router={router} />
      </AppProviders>,
    );
    await Promise.resolve();
    return rendered;
  });
  return { ...view, router, queryClient };
}
