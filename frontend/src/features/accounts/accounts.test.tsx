import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { fakeApi, healthyApi, json, sampleMe, signedInApi, type FakeRoute } from '../../test/fakeApi';
import { renderApp } from '../../test/renderApp';
import { meQueryKey } from './api/getMe';
import { updateMyChannel } from './api/updateMyChannel';

function errorEnvelope(code: string, message: string, details?: unknown) {
  return { error: { code, message, requestId: 'req-1', ...(details === undefined ? {} : { details }) } };
}

function sentTo(fetchMock: ReturnType<typeof fakeApi>, fragment: string) {
  return fetchMock.mock.calls.find(([input]) => typeof input === 'string' && input.includes(fragment));
}

function withRoutes(routes: Record<string, FakeRoute>) {
  return fakeApi({ ...healthyApi, ...routes });
}

async function fillSignup(user: ReturnType<typeof userEvent.setup>, overrides: Partial<Record<string, string>> = {}) {
  const values = {
    name: 'Grace Hopper',
    handle: 'grace',
    email: 'grace@example.com',
    password: 'compilers-rule-1952',
    ...overrides,
  };
  await user.type(screen.getByLabelText('Channel name'), values.name);
  await user.type(screen.getByLabelText('Handle'), values.handle);
  await user.type(screen.getByLabelText('Email'), values.email);
  await user.type(screen.getByLabelText('Password'), values.password);
}

test('invalidEmailIsFlaggedOnBlur', async () => {
  const user = userEvent.setup();
  await renderApp('/signin');

  const email = screen.getByLabelText('Email');
  await user.type(email, 'not-an-email');
  await user.tab();

  expect(email).toHaveAttribute('aria-invalid', 'true');
  expect(email).toHaveAccessibleDescription('Enter an email address like name@example.com.');
  await user.clear(email);
  await user.type(email, 'ada@example.com');
  expect(email).not.toHaveAttribute('aria-invalid');
});

test('signupSubmitFlagsEveryInvalidFieldAndFocusesTheFirst', async () => {
  const fetchMock = withRoutes({});
  const user = userEvent.setup();
  await renderApp('/signup');

  await user.type(screen.getByLabelText('Handle'), 'No Spaces');
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  expect(screen.getByLabelText('Channel name')).toHaveFocus();
  expect(screen.getByLabelText('Channel name')).toHaveAccessibleDescription('This field is required.');
  expect(screen.getByLabelText('Handle')).toHaveAccessibleDescription(/Use lowercase letters/);
  expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/At least 10 characters\. Use at least 10/);
  expect(sentTo(fetchMock, '/auth/signup')).toBeUndefined();
});

test('signupShowsHandleTakenNextToTheHandleField', async () => {
  withRoutes({
    'POST /api/v1/auth/signup': () => json(errorEnvelope('HANDLE_TAKEN', 'That handle is taken.'), 409),
  });
  const user = userEvent.setup();
  await renderApp('/signup');

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  const handle = screen.getByLabelText('Handle');
  await waitFor(() => {
    expect(handle).toHaveAccessibleDescription(/This handle is taken/);
  });
  expect(handle).toHaveFocus();
  expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
});

test('signupShowsEmailTakenNextToTheEmailField', async () => {
  withRoutes({
    'POST /api/v1/auth/signup': () => json(errorEnvelope('EMAIL_TAKEN', 'Email taken.'), 409),
  });
  const user = userEvent.setup();
  await renderApp('/signup');

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  await waitFor(() => {
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('An account with this email already exists.');
  });
  expect(screen.getByLabelText('Email')).toHaveFocus();
});

test('signupMapsValidationIssuePathsToTheirFields', async () => {
  withRoutes({
    'POST /api/v1/auth/signup': () =>
      json(
        errorEnvelope('VALIDATION_ERROR', 'Invalid request.', {
          issues: [{ path: '/password', message: 'This password is too common.' }],
        }),
        400,
      ),
  });
  const user = userEvent.setup();
  await renderApp('/signup');

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  await waitFor(() => {
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/This password is too common\./);
  });
  expect(screen.getByLabelText('Password')).toHaveFocus();
});

test('signupSendsTheCsrfHeaderDisablesSubmitWhilePendingAndGoesHome', async () => {
  let answer: (response: Response) => void = () => undefined;
  const fetchMock = withRoutes({
    'POST /api/v1/auth/signup': () =>
      new Promise<Response>((resolve) => {
        answer = resolve;
      }),
  });
  const user = userEvent.setup();
  const { router } = await renderApp('/signup');

  await fillSignup(user);
  await user.click(screen.getByRole('button', { name: 'Create account' }));

  expect(screen.getByRole('button', { name: 'Creating account…' })).toBeDisabled();
  const [, init] = sentTo(fetchMock, '/auth/signup') ?? [];
  expect(new Headers(init?.headers).get('X-Requested-With')).toBe('kinora');
  expect(typeof init?.body === 'string' ? JSON.parse(init.body) : undefined).toEqual({
    displayName: 'Grace Hopper',
    handle: 'grace',
    email: 'grace@example.com',
    password: 'compilers-rule-1952',
  });
  await act(async () => {
    answer(
      json({ data: { ...sampleMe, channel: { ...sampleMe.channel, name: 'Grace Hopper', handle: 'grace' } } }, 201),
    );
    await Promise.resolve();
  });

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/');
  });
  expect(await screen.findByRole('button', { name: /Grace Hopper/ })).toBeInTheDocument();
});

test('signinFailureIsAFormLevelMessage', async () => {
  withRoutes({
    'POST /api/v1/auth/login': () => json(errorEnvelope('UNAUTHORIZED', 'Wrong email or password.'), 401),
  });
  const user = userEvent.setup();
  await renderApp('/signin');

  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'wrong-password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
  expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
});

test('signinRateLimitedSaysWhenToRetry', async () => {
  withRoutes({
    'POST /api/v1/auth/login': () =>
      json(errorEnvelope('RATE_LIMITED', 'Too many requests.', { retryAfterSeconds: 42 }), 429, {
        'Retry-After': '42',
      }),
  });
  const user = userEvent.setup();
  await renderApp('/signin');

  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'some-password');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  expect(await screen.findByRole('alert')).toHaveTextContent('Please try again in 42 seconds.');
});

test('signinReturnsToTheProtectedPageItCameFrom', async () => {
  let signedIn = false;
  withRoutes({
    'GET /api/v1/auth/me': () =>
      signedIn ? json({ data: sampleMe }) : json(errorEnvelope('UNAUTHORIZED', 'Sign in.'), 401),
    'POST /api/v1/auth/login': () => {
      signedIn = true;
      return json({ data: sampleMe });
    },
  });
  const user = userEvent.setup();
  const { router } = await renderApp('/upload');

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/signin');
  });
  expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/upload')}`);

  await user.type(await screen.findByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct-horse-battery');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/upload');
  });
  expect(await screen.findByRole('heading', { level: 1, name: 'Upload' })).toBeInTheDocument();
});

test('signinIgnoresANextThatLeavesTheSite', async () => {
  withRoutes({ 'POST /api/v1/auth/login': () => json({ data: sampleMe }) });
  const user = userEvent.setup();
  const { router } = await renderApp('/signin?next=//evil.example/phish');

  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'correct-horse-battery');
  await user.click(screen.getByRole('button', { name: 'Sign in' }));

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/');
  });
});

test('signedOutMeIsNullNotAnError', async () => {
  const { queryClient } = await renderApp('/');

  await waitFor(() => {
    expect(queryClient.getQueryState(meQueryKey)?.status).toBe('success');
  });
  expect(queryClient.getQueryData(meQueryKey)).toBeNull();
  expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/signin');
});

test('userMenuOpensWithTheKeyboardAndEscapeReturnsFocus', async () => {
  fakeApi(signedInApi);
  const user = userEvent.setup();
  await renderApp('/');

  const trigger = await screen.findByRole('button', { name: /Ada Lovelace/ });
  trigger.focus();
  await user.keyboard('{Enter}');

  const menu = screen.getByRole('menu', { name: 'Account' });
  const channel = within(menu).getByRole('menuitem', { name: 'Your channel' });
  expect(channel).toHaveFocus();
  expect(channel).toHaveAttribute('href', '/c/ada');
  await user.keyboard('{ArrowDown}');
  expect(within(menu).getByRole('menuitem', { name: 'Edit channel' })).toHaveFocus();
  await user.keyboard('{ArrowDown}');
  expect(within(menu).getByRole('menuitem', { name: 'Subscriptions' })).toHaveFocus();
  await user.keyboard('{ArrowDown}');
  expect(within(menu).getByRole('menuitem', { name: 'Playlists' })).toHaveAttribute('href', '/playlists');
  expect(within(menu).getByRole('menuitem', { name: 'Playlists' })).toHaveFocus();
  await user.keyboard('{ArrowDown}');
  expect(within(menu).getByRole('menuitem', { name: 'Sign out' })).toHaveFocus();

  await user.keyboard('{Escape}');
  expect(screen.queryByRole('menu')).not.toBeInTheDocument();
  expect(trigger).toHaveFocus();
  expect(trigger).toHaveAttribute('aria-expanded', 'false');
});

test('userMenuSignsOutAndClearsTheCache', async () => {
  let signedIn = true;
  const fetchMock = withRoutes({
    'GET /api/v1/auth/me': () => (signedIn ? json({ data: sampleMe }) : json({ message: 'Unauthorized' }, 401)),
    'POST /api/v1/auth/logout': () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
  });
  const user = userEvent.setup();
  const { router, queryClient } = await renderApp('/search?q=cats');
  queryClient.setQueryData(['private', 'thing'], 'secret');

  await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
  await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/');
  });
  expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  expect(queryClient.getQueryData(['private', 'thing'])).toBeUndefined();
  const logoutCall = sentTo(fetchMock, '/auth/logout');
  expect(new Headers(logoutCall?.[1]?.headers).get('X-Requested-With')).toBe('kinora');
});

test('sessionExpiredRedirectsToSignInWithNext', async () => {
  withRoutes({
    'GET /api/v1/auth/me': () => json({ data: sampleMe }),
    'PATCH /api/v1/channels/me': () => json(errorEnvelope('SESSION_EXPIRED', 'Your session has expired.'), 401),
  });
  const { router, queryClient } = await renderApp('/search?q=cats');
  await screen.findByRole('button', { name: /Ada Lovelace/ });

  await act(async () => {
    await updateMyChannel({ name: 'Countess of Lovelace' }).catch(() => undefined);
  });

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/signin');
  });
  expect(router.state.location.search).toBe(`?next=${encodeURIComponent('/search?q=cats')}`);
  expect(queryClient.getQueryData(meQueryKey)).toBeNull();
});

test('expiredSessionOnMeIsJustSignedOut', async () => {
  withRoutes({
    'GET /api/v1/auth/me': () => json(errorEnvelope('SESSION_EXPIRED', 'Your session has expired.'), 401),
  });
  const { router } = await renderApp('/search?q=cats');

  expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
  expect(router.state.location.pathname).toBe('/search');
});

test('signingOutOnAProtectedPageGoesHome', async () => {
  let signedIn = true;
  withRoutes({
    'GET /api/v1/auth/me': () => (signedIn ? json({ data: sampleMe }) : json({ message: 'Unauthorized' }, 401)),
    'POST /api/v1/auth/logout': () => {
      signedIn = false;
      return new Response(null, { status: 204 });
    },
  });
  const user = userEvent.setup();
  const { router } = await renderApp('/upload');

  await user.click(await screen.findByRole('button', { name: /Ada Lovelace/ }));
  await user.click(screen.getByRole('menuitem', { name: 'Sign out' }));

  await waitFor(() => {
    expect(router.state.location.pathname).toBe('/');
  });
  expect(await screen.findByRole('link', { name: 'Sign in' })).toBeInTheDocument();
});

test('channelPageNamesTheChannelFromTheApi', async () => {
  withRoutes({
    'GET /api/v1/channels/ada': () => json({ data: sampleMe.channel }),
  });
  await renderApp('/c/ada');

  expect(await screen.findByRole('heading', { level: 1, name: 'Ada Lovelace' })).toBeInTheDocument();
  expect(screen.getByText('@ada')).toBeInTheDocument();
  expect(screen.getByText('0 subscribers')).toBeInTheDocument();
});
