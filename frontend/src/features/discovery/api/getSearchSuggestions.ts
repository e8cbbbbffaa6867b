import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { zSearchSuggestionsResponse } from '../../../contract/generated/zod.gen';
import { apiRequest } from '../../../lib/api/client';

/** Completions of a prefix change slowly: a minute-old list is as good as a fresh one. */
const SUGGESTIONS_STALE_MS = 60_000;

/** Titles completing what is typed (at most `search.suggestions.max`, server-side). */
export async function getSearchSuggestions(typed: string, signal?: AbortSignal): Promise<string[]> {
  const envelope = await apiRequest({
    path: `/api/v1/search/suggestions?${new URLSearchParams({ q: typed }).toString()}`,
    responseSchema: zSearchSuggestionsResponse,
    signal,
  });
  return envelope.data;
}

export function useSearchSuggestions(typed: string) {
  const trimmed = typed.trim();
  return useQuery({
    queryKey: ['discovery', 'search-suggestions', trimmed] as const,
    queryFn: ({ signal }) => getSearchSuggestions(trimmed, signal),
    enabled: trimmed !== '',
    // The list stays while the next keystroke's answer is on its way, so it does not flicker.
    placeholderData: keepPreviousData,
    staleTime: SUGGESTIONS_STALE_MS,
  });
}
