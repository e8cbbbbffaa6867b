import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, signedInApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

test('shellHasLandmarksAndASkipLinkToMain', async () => {
  await renderApp('/');

  expect(screen.getByRole('banner')).toHaveTextContent('Kinora');
  expect(screen.getByRole('search')).toBeInTheDocument();
  expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  expect(screen.getByRole('contentinfo')).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveAttribute('href', '#main');
});

test('skipLinkIsTheFirstThingTheKeyboardReaches', async () => {
  const user = userEvent.setup();
  await renderApp('/');

  await user.tab();

  expect(screen.getByRole('link', { name: 'Skip to content' })).toHaveFocus();
});

test('headerLinksToUploadAndSignIn', async () => {
  await renderApp('/');

  expect(screen.getByRole('link', { name: 'Upload' })).toHaveAttribute('href', '/upload');
  expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
  expect(screen.getByRole('link', { name: 'Kinora' })).toHaveAttribute('href', '/');
});

test('uploadStudioQuotesTheSizeLimitFromLimitsJson', async () => {
  fakeApi(signedInApi);
  await renderApp('/upload');

  expect(await screen.findByText(/up to 5 GiB each/)).toBeInTheDocument();
});

test('unknownAddressShowsNotFound', async () => {
  await renderApp('/no/such/page');

  expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
  expect(screen.getByRole('link', { name: 'Go to the home page' })).toHaveAttribute('href', '/');
});
