// Signs in through next-auth's Credentials provider and says why when it fails.
import { signIn } from 'next-auth/react';

const REASONS: Record<string, string> = {
  invalid_credentials: 'Wrong email or password.',
  unavailable: 'Sign-in is unavailable right now. Try again in a moment.',
  rate_limited: 'Too many attempts. Wait a few minutes and try again.',
};

/** Resolves to an error message, or null once the session cookie is set. */
export async function signInWithPassword(email: string, password: string): Promise<string | null> {
  const result = await signIn('credentials', { email, password, redirect: false });
  if (result?.ok && !result.error) return null;
  return REASONS[result?.error ?? ''] ?? 'Could not sign in. Try again.';
}

/** After an account was created or given its password: into the inbox, or to the login page. */
export async function signInAndEnter(email: string, password: string): Promise<void> {
  const failure = await signInWithPassword(email, password);
  window.location.assign(failure ? '/login' : '/inbox');
}
