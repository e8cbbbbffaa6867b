import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { onSessionExpired } from '../../lib/api/client';
import { meQueryKey } from './api/getMe';

/** DESIGN §8: any API call answering 401 SESSION_EXPIRED sends the user to /signin?next=<current path>. */
export function SessionExpiredRedirect() {
  const navigate = useNavigate();
  const location = useLocation();
  const queryClient = useQueryClient();
  const here = `${location.pathname}${location.search}${location.hash}`;

  useEffect(
    () =>
      onSessionExpired(() => {
        queryClient.setQueryData(meQueryKey, null);
        if (location.pathname === '/signin' || location.pathname === '/signup') return;
        void navigate(`/signin?next=${encodeURIComponent(here)}`, { replace: true, state: { from: here } });
      }),
    [navigate, queryClient, here, location.pathname],
  );
  return null;
}
