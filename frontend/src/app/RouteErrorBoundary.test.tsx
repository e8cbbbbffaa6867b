import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReactNode } from 'react';
import { ApiError } from '../lib/api/client';
import { renderApp } from '../test/renderApp';
import { Layout } from './Layout';
import { RouteErrorBoundary } from './RouteErrorBoundary';

function routesWith(page: () => ReactNode) {
  function Page() {
    return page();
  }
  return [
    {
      path: '/',
      element: <Layout />,
      children: [{ index: true, element: <RouteErrorBoundary>{<Page />}</RouteErrorBoundary> }],
    },
  ];
}

beforeEach(() => {
  vi.spyOn(console, 'error').mockImplementation(() => undefined);
  vi.spyOn(console, 'warn').mockImplementation(() => undefined);
});

test('routeErrorShowsRetry', async () => {
  const user = userEvent.setup();
  let broken = true;
  await renderApp('/', {
    routes: routesWith(() => {
      if (broken) throw new Error('render failed');
      return <p>Page content</p>;
    }),
  });

  expect(screen.getByRole('alert')).toHaveTextContent('This page could not be shown');
  broken = false;
  await user.click(screen.getByRole('button', { name: 'Try again' }));

  expect(screen.getByText('Page content')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
});

test('aFailingPageKeepsHeaderAndFooterWorking', async () => {
  await renderApp('/', {
    routes: routesWith(() => {
      throw new Error('render failed');
    }),
  });

  expect(screen.getByRole('alert')).toBeInTheDocument();
  expect(screen.getByRole('banner')).toHaveTextContent('Kinora');
  expect(await screen.findByText('API online')).toBeInTheDocument();
});

test('apiErrorsShowTheirMessageAndRequestId', async () => {
  await renderApp('/', {
    routes: routesWith(() => {
      throw new ApiError({ code: 'INTERNAL_ERROR', status: 500, message: 'Kinora had a problem.', requestId: 'r-42' });
    }),
  });

  expect(screen.getByRole('alert')).toHaveTextContent('Kinora had a problem.');
  expect(screen.getByRole('alert')).toHaveTextContent('Request id: r-42');
});
