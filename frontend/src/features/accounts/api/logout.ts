import { useMutation, useQueryClient } from '@tanstack/react-query';
import { zLogoutResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { meQueryHash, meQueryKey } from './getMe';

export async function logout(): Promise<void> {
  await apiRequest({ path: '/api/v1/auth/logout', method: 'POST', responseSchema: zLogoutResponse });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: logout,
    onSettled: () => {
      // Nothing fetched with the session may outlive it; the server deleted it (or it was gone already).
      // `me` is set rather than removed so the header's observer sees the change at once.
      queryClient.setQueryData(meQueryKey, null);
      // Unused queries go; those on screen go back to their initial state and refetch as a visitor.
      const notMe = (query: { queryHash: string }) => query.queryHash !== meQueryHash;
      queryClient.removeQueries({ predicate: notMe, type: 'inactive' });
      void queryClient.resetQueries({ predicate: notMe, type: 'active' });
    },
  });
}
