// /chat: a page of its own for the widget, where an email's "Open the chat" link leads when
// the conversation did not come from a page of an allowed site. The widget opens by itself
// on the link's `#parley-resume=` fragment.
import type { Metadata } from 'next';
import Script from 'next/script';
import { db } from '@/lib/db/client';
import { getSettings } from '@/lib/settings/settings';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: 'Chat · Parley', robots: { index: false } };

export default async function ChatPage() {
  const widget = await getSettings(db(), 'widget');
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <Script src="/widget.js" strategy="afterInteractive" />
      <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center gap-3 p-6">
        <h1 className="text-2xl font-semibold">{widget.teamName || widget.title}</h1>
        <p className="text-slate-700 dark:text-slate-300">{widget.subtitle}</p>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Your conversation opens in the chat window. Use the button in the corner to open it again.
        </p>
      </main>
    </div>
  );
}
