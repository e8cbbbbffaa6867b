import type { SearchDuration, SearchSort, SearchUploadDate } from '../../contract/generated/types.gen';
import { zSearchDuration, zSearchSort, zSearchUploadDate } from '../../contract/generated/zod.gen';

/** A search as the results page keeps it in the URL (`/search?q=…&uploadDate=…`). */
export interface SearchState {
  q: string;
  uploadDate?: SearchUploadDate;
  duration?: SearchDuration;
  category?: string;
  sort: SearchSort;
}

export const uploadDateOptions: readonly { value: SearchUploadDate; label: string }[] = [
  { value: 'hour', label: 'Last hour' },
  { value: 'today', label: 'Today' },
  { value: 'week', label: 'This week' },
  { value: 'month', label: 'This month' },
  { value: 'year', label: 'This year' },
];

export const durationOptions: readonly { value: SearchDuration; label: string }[] = [
  { value: 'short', label: 'Under 4 minutes' },
  { value: 'medium', label: '4–20 minutes' },
  { value: 'long', label: 'Over 20 minutes' },
];

export const sortOptions: readonly { value: SearchSort; label: string }[] = [
  { value: 'relevance', label: 'Relevance' },
  { value: 'date', label: 'Upload date' },
  { value: 'views', label: 'View count' },
];

/** Reads the URL; values the contract would refuse (a hand-edited link) are dropped, not sent. */
export function readSearchState(params: URLSearchParams): SearchState {
  const uploadDate = zSearchUploadDate.safeParse(params.get('uploadDate'));
  const duration = zSearchDuration.safeParse(params.get('duration'));
  const sort = zSearchSort.safeParse(params.get('sort'));
  const category = params.get('category')?.trim();
  return {
    q: params.get('q')?.trim() ?? '',
    ...(uploadDate.success ? { uploadDate: uploadDate.data } : {}),
    ...(duration.success ? { duration: duration.data } : {}),
    ...(category ? { category } : {}),
    sort: sort.success ? sort.data : 'relevance',
  };
}

/** The URL query of a search; the default sort is left out so shared links stay short. */
export function searchParamsOf(state: SearchState): URLSearchParams {
  const params = new URLSearchParams({ q: state.q });
  if (state.uploadDate) params.set('uploadDate', state.uploadDate);
  if (state.duration) params.set('duration', state.duration);
  if (state.category) params.set('category', state.category);
  if (state.sort !== 'relevance') params.set('sort', state.sort);
  return params;
}
