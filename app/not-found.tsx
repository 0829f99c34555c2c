import type { Metadata } from 'next';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-3 p-6">
      <h1 className="text-2xl font-semibold">Page not found</h1>
      <p className="text-sm text-slate-600 dark:text-slate-400">
        There is nothing at this address.
      </p>
      <a
        href="/inbox"
        className="text-sm font-medium text-indigo-700 underline dark:text-indigo-300"
      >
        Go to the inbox
      </a>
    </main>
  );
}
