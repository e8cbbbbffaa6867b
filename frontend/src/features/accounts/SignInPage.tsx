import { Link, useLocation, useNavigate, useSearchParams } from 'react-router';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { loginSchema, useLogin } from './api/login';
import styles from './AuthPage.module.css';
import { returnPath } from './formErrors';
import { TextField } from './TextField';
import { useAuthForm } from './useAuthForm';

const EMAIL_HINT = 'Enter an email address like name@example.com.';

export function SignInPage() {
  useDocumentTitle('Sign in');
  const navigate = useNavigate();
  const location = useLocation();
  const [search] = useSearchParams();
  const destination = returnPath(search, location.state);
  const login = useLogin();
  const form = useAuthForm({
    email: { schema: loginSchema.shape.email, formatHint: EMAIL_HINT },
    password: { schema: loginSchema.shape.password.min(1), formatHint: '' },
  });

  const onSubmit = form.handleSubmit((values) => {
    login.mutate(
      { ...values, email: values.email.trim() },
      {
        onSuccess: () => void navigate(destination, { replace: true }),
        onError: form.showServerError,
      },
    );
  });

  const signUpLink = destination === '/' ? '/signup' : `/signup?next=${encodeURIComponent(destination)}`;
  return (
    <section className={styles.page} aria-labelledby="signin-heading">
      <h1 id="signin-heading">Sign in</h1>
      <p className={styles.lead}>Welcome back to Kinora.</p>
      <form className={styles.form} noValidate onSubmit={onSubmit}>
        {form.formError && (
          <p role="alert" className={styles.formError}>
            {form.formError}
          </p>
        )}
        <TextField label="Email" type="email" autoComplete="email" {...form.inputProps('email')} />
        <TextField label="Password" type="password" autoComplete="current-password" {...form.inputProps('password')} />
        <button type="submit" className="button button-primary" disabled={login.isPending}>
          {login.isPending ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
      <p className={styles.switch}>
        New to Kinora? <Link to={signUpLink}>Create an account</Link>
      </p>
    </section>
  );
}
