// /demo: a pretend customer website embedding the widget exactly as the README tells site
// owners to, with `?department=&position=&color=&locale=` mapped to the script's data-*
// attributes, so the widget can be tried and shown without a second site.
import type { Metadata } from 'next';
import Script from 'next/script';
import { embedSnippet } from '@/components/admin/widget-snippet';
import { env } from '@/lib/env';
import { DemoControls } from './demo-controls';

export const metadata: Metadata = { title: { absolute: 'Acme Hiking Gear · Parley widget demo' } };

const ATTRIBUTES = ['department', 'position', 'color', 'locale'] as const;

interface DemoPageProps {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}

export default async function DemoPage({ searchParams }: DemoPageProps) {
  const params = await searchParams;
  const data: Record<string, string> = {};
  for (const name of ATTRIBUTES) {
    const value = params[name];
    if (typeof value === 'string' && value) data[`data-${name}`] = value;
  }
  const snippet = embedSnippet(env().publicUrl, data);

  return (
    <div className="min-h-screen bg-stone-50 font-serif text-stone-900">
      <Script src="/widget.js" strategy="afterInteractive" {...data} />
      <header className="border-b border-stone-200 bg-white">
        <div className="mx-auto flex max-w-4xl items-center justify-between px-6 py-4">
          <span className="text-xl font-bold">Acme Hiking Gear</span>
          <nav className="flex gap-6 text-sm" aria-label="Shop">
            <a href="#boots">Boots</a>
            <a href="#tents">Tents</a>
            <a href="#embed">Embed code</a>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-4xl space-y-10 px-6 py-10">
        <section>
          <h1 className="text-4xl font-bold">Gear for every trail</h1>
          <p className="mt-3 max-w-2xl text-lg text-stone-700">
            This page plays a customer&apos;s website. The chat button in the corner is the Parley
            widget, loaded by one script tag; messages you send here appear in the inbox and in
            Telegram.
          </p>
        </section>
        <section id="boots" className="grid gap-6 sm:grid-cols-3">
          {['Ridge boots', 'Summit tent', 'Storm jacket'].map((product) => (
            <article key={product} className="rounded-lg border border-stone-200 bg-white p-5">
              <h2 className="font-semibold">{product}</h2>
              <p className="mt-2 text-sm text-stone-600">Built to last, repaired for free.</p>
            </article>
          ))}
        </section>
        <DemoControls />
        <section id="embed" className="space-y-3">
          <h2 className="text-2xl font-semibold">Embed code</h2>
          <p className="text-stone-700">
            Paste this before <code>&lt;/body&gt;</code>. The first line lets the page call{' '}
            <code>Parley(…)</code> before the widget has loaded. Admins find it, with a copy button
            and the options explained, on the console&apos;s{' '}
            <a className="underline" href="/admin/widget">
              Widget
            </a>{' '}
            page.
          </p>
          <pre className="overflow-x-auto rounded-lg bg-stone-900 p-4 text-sm text-stone-100">
            <code>{snippet}</code>
          </pre>
        </section>
      </main>
    </div>
  );
}
