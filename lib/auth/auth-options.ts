// next-auth v4 configuration: email + password (Credentials), JWT sessions. The Next
// route handler in app/api/auth wraps it; the socket and route handlers verify the same
// cookie through lib/auth/session.ts.
import type { AuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getAgent } from '../agents/agents';
import { db } from '../db/client';
import { env } from '../env';
import { CLIENT_IP_HEADER } from '../http/client-ip';
import { SESSION_MAX_AGE_SECONDS } from './session';
import { SignInError, verifySignIn } from './sign-in';

function headerOf(headers: unknown, name: string): string | undefined {
  if (!headers) return undefined;
  if (headers instanceof Headers) return headers.get(name) ?? undefined;
  const value = (headers as Record<string, string | string[] | undefined>)[name];
  return Array.isArray(value) ? value[0] : value;
}

export function authOptions(): AuthOptions {
  const { authSecret } = env();
  return {
    secret: authSecret,
    session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
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
            // next-auth hands the message to the sign-in page as `error`.
            if (error instanceof SignInError) throw new Error(error.code);
            throw error;
          }
        },
      }),
    ],
    callbacks: {
      async jwt({ token, user }) {
        if (user) return { ...token, sub: user.id };
        // Every session refresh re-checks the agent: a disabled one loses the cookie.
        const agent = token.sub ? await getAgent(db(), token.sub) : undefined;
        if (!agent?.active) throw new Error('This agent is disabled');
        return { ...token, name: agent.name, email: agent.email };
      },
      async session({ session, token }) {
        return { ...session, agentId: token.sub };
      },
    },
  };
}
