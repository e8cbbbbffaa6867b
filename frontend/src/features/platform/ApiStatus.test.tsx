import { screen } from '@testing-library/react';
import { fakeApi, json } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';

test('footerShowsApiOnlineWhenHealthAnswers', async () => {
  await renderApp('/');

  const footer = screen.getByRole('contentinfo');
  expect(await screen.findByText('API online')).toBeInTheDocument();
  expect(footer).toContainElement(screen.getByText('API online'));
});

test('footerShowsApiOfflineWhenHealthFails', async () => {
  fakeApi({ 'GET /api/v1/health': () => json({ error: { code: 'INTERNAL_ERROR', message: 'Down' } }, 500) });
  await renderApp('/');

  expect(await screen.findByText('API offline')).toBeInTheDocument();
});

test('footerShowsApiOfflineWhenTheApiIsUnreachable', async () => {
  fakeApi({});
  await renderApp('/');

  expect(await screen.findByText('API offline')).toBeInTheDocument();
});
