import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginRequest, Me } from '../../../contract/generated/types.gen';
import { zLoginBody, zLoginResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { meQueryHash, meQueryKey } from './getMe';

export const loginSchema = zLoginBody;

export async function login(body: LoginRequest): Promise<Me> {
  const envelope = await apiRequest({
    path: '/api/v1/auth/login',
    method: 'POST',
    body,
    bodySchema: zLoginBody,
    responseSchema: zLoginResponse,
  });
  return envelope.data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // Everything else cached so far was fetched as a visitor; refetched in the background, not awaited.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryHash !== meQueryHash });
    },
  });
}
