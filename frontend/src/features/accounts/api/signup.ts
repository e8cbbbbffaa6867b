import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SignupRequest } from '../../../contract/generated/types.gen';
import { zSignupBody, zSignupResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';
import { meQueryHash, meQueryKey } from './getMe';

export const signupSchema = zSignupBody;

export async function signup(body: SignupRequest): Promise<Me> {
  const envelope = await apiRequest({
    path: '/api/v1/auth/signup',
    method: 'POST',
    body,
    bodySchema: zSignupBody,
    responseSchema: zSignupResponse,
  });
  return envelope.data;
}

export function useSignup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: signup,
    onSuccess: (me) => {
      queryClient.setQueryData(meQueryKey, me);
      // Everything else cached so far was fetched as a visitor; refetched in the background, not awaited.
      void queryClient.invalidateQueries({ predicate: (query) => query.queryHash !== meQueryHash });
    },
  });
}
