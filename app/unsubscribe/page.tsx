// /unsubscribe: where the "Stop these emails" link of every email leads. The link itself
// changes nothing (mail scanners open links); the button posts the one-click unsubscribe.
import type { Metadata } from 'next';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Unsubscribe · Parley', robots: { index: false } };

interface UnsubscribePageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function UnsubscribePage({ searchParams }: UnsubscribePageProps) {
  const params = await searchParams;
  const token = typeof params.token === 'string' ? params.token : null;
  const done = params.done === '1';
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center gap-4 p-6">
        <h1 className="text-2xl font-semibold">
          {done ? 'You are unsubscribed' : 'Stop emails about your chats'}
        </h1>
        {done ? (
          <p role="status" className="text-slate-700 dark:text-slate-300">
            No more email will be sent to your address. Leave it again in the chat if you want
            replies by email later.
          </p>
        ) : token ? (
          <form
            method="post"
            action={`/api/v1/email/unsubscribe?token=${encodeURIComponent(token)}`}
          >
            <p className="mb-4 text-slate-700 dark:text-slate-300">
              You will get no more replies or transcripts by email. You can still chat on the site.
            </p>
            <button
              type="submit"
              className="rounded-md bg-indigo-600 px-4 py-2 font-medium text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-600"
            >
              Unsubscribe
            </button>
          </form>
        ) : (
          <p role="alert" className="text-red-700 dark:text-red-300">
            This link is incomplete. Use the link from the email.
          </p>
        )}
      </main>
    </div>
  );
}
