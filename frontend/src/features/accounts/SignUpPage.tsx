import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { limits } from '../../contract/generated/limits.gen';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { signupSchema, useSignup } from './api/signup';
import styles from './AuthPage.module.css';
import { returnPath } from './formErrors';
import { TextField } from './TextField';
import { useAuthForm } from './useAuthForm';

const EMAIL_HINT = 'Enter an email address like name@example.com.';
const HANDLE_HINT = 'Use lowercase letters, digits, _ and -, starting with a letter or digit.';

export function SignUpPage() {
  useDocumentTitle('Create your account');
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const destination = returnPath(search, location.state);
  const signup = useSignup();
  const form = useAuthForm(
    {
      displayName: { schema: signupSchema.shape.displayName, formatHint: '' },
      handle: { schema: signupSchema.shape.handle, formatHint: HANDLE_HINT },
      email: { schema: signupSchema.shape.email, formatHint: EMAIL_HINT },
      password: { schema: signupSchema.shape.password, formatHint: '' },
    },
    {
      EMAIL_TAKEN: { field: 'email', message: 'An account with this email already exists.' },
      HANDLE_TAKEN: { field: 'handle', message: 'This handle is taken. Try another one.' },
    },
  );

  const onSubmit = form.handleSubmit((values) => {
    signup.mutate(
      { ...values, email: values.email.trim() },
      {
        onSuccess: () => void navigate(destination, { replace: true }),
        onError: form.showServerError,
      },
    );
  });

  const signInLink = destination === '/' ? '/signin' : `/signin?next=${encodeURIComponent(destination)}`;
  return (
    <section className={styles.page} aria-labelledby="signup-heading">
      <h1 id="signup-heading">Create your account</h1>
      <p className={styles.lead}>Your channel gets a name and a handle; you can change the name later.</p>
      <form className={styles.form} noValidate onSubmit={onSubmit}>
        {form.formError && (
          <p role="alert" className={styles.formError}>
            {form.formError}
          </p>
        )}
        <TextField label="Channel name" autoComplete="nickname" {...form.inputProps('displayName')} />
        <TextField
          label="Handle"
          autoComplete="username"
          hint={`${String(limits.channel.handle.min)}–${String(limits.channel.handle.max)} characters; your channel is @handle.`}
          {...form.inputProps('handle')}
        />
        <TextField label="Email" type="email" autoComplete="email" {...form.inputProps('email')} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint={`At least ${String(limits.account.password.min)} characters.`}
          {...form.inputProps('password')}
        />
        <button type="submit" className="button button-primary" disabled={signup.isPending}>
          {signup.isPending ? 'Creating account…' : 'Create account'}
        </button>
      </form>
      <p className={styles.switch}>
        Already have an account? <Link to={signInLink}>Sign in</Link>
      </p>
    </section>
  );
}
