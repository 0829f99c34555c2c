// next-auth v4 configuration: email + password (Credentials), JWT sessions. The Next
// route handler in app/api/auth wraps it; the socket and route handlers verify the same
// cookie through lib/auth/session.ts. Each sign-in opens a session row whose id and the
// agent's session version ride in the cookie; signing out ends that row.
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { env } from '../env';
import { CLIENT_IP_HEADER } from '../http/client-ip';
import { logger } from '../log';
import { endAgentSession, getSessionAgent, startAgentSession } from './agent-sessions';
import { claimsOf, SESSION_MAX_AGE_SECONDS } from './session';
import { SIGN_IN_ERRORS, SignInError, verifySignIn } from './sign-in';

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function authOptions(): AuthOptions {
  const { authSecret, publicUrl } = env();
  return {
    secret: authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
    // Behind https the cookies are `Secure` (and `__Secure-` prefixed).
    useSecureCookies: publicUrl.startsWith('https://'),
    pages: { signIn: '/login', error: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: {
          email: { label: 'Email', type: 'email' },
          password: { label: 'Password', type: 'password' },
        },
        async authorize(credentials, request) {
          const ip = headerOf(request?.headers, CLIENT_IP_HEADER) ?? 'unknown';
          try {
            const agent = await verifySignIn(
              String(credentials?.email ?? '').slice(0, 254),
              String(credentials?.password ?? '').slice(0, 200),
              ip,
            );
            return { id: agent.id, name: agent.name, email: agent.email };
          } catch (error) {
            // next-auth hands the message to the sign-in page as `error`: only a code.
            if (error instanceof SignInError) throw new Error(error.code);
            logger().error({ err: error }, 'sign-in failed');
            throw new Error(SIGN_IN_ERRORS.unavailable);
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) {
          const session = await startAgentSession(user.id);
          return { ...token, sub: user.id, sid: session.sessionId, sv: session.version };
        }
        // Every session refresh re-checks it: an ended session loses the cookie.
        const claims = claimsOf(token);
        const agent = claims ? await getSessionAgent(claims) : undefined;
        if (!agent) throw new Error('This session has ended');
        return { ...token, name: agent.name, email: agent.email };
      },
      async session({ session, token }) {
        return { ...session, agentId: token.sub };
      },
    },
    events: {
      async signOut({ token }) {
        const claims = claimsOf(token);
        if (claims) await endAgentSession(claims);
      },
    },
  };
}
