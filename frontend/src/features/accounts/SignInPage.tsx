import { ComingSoon } from '../../components/ComingSoon';

export function SignInPage() {
  return <ComingSoon title="Sign in">Accounts are coming soon.</ComingSoon>;
}
