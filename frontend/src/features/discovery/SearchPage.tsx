import { useSearchParams } from 'react-router';
import { ComingSoon } from '../../components/ComingSoon';

export function SearchPage() {
  const [params] = useSearchParams();
  const query = params.get('q')?.trim() ?? '';

  return (
    <ComingSoon title="Search">
      {query ? <>You searched for “{query}”. </> : null}Search results are coming soon.
    </ComingSoon>
  );
}
