import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: { absolute: 'Parley · Customer-support chat' } };

export default function Home() {
  return (
    <main className="mx-auto flex max-w-xl flex-col gap-4 p-10">
      <h1 className="text-3xl font-semibold">Parley</h1>
      <p className="text-slate-600 dark:text-slate-400">
        Self-hosted customer-support chat. Visitors write from the widget on your site; agents
        answer from the inbox or from Telegram.
      </p>
      <ul className="list-inside list-disc text-indigo-700 dark:text-indigo-300">
        <li>
          <Link href="/inbox">Agent inbox</Link>
        </li>
        <li>
          <Link href="/demo">Try the widget on the demo page</Link>
        </li>
        <li>
          <a href="/readyz">Service status</a>
        </li>
      </ul>
    </main>
  );
}
