'use client';
// The embed snippet with this server's address, a copy button, and the optional attributes.
import { Card, CopyButton } from './form';
import { EMBED_ATTRIBUTES, embedSnippet } from './widget-snippet';

export function WidgetEmbed({ publicUrl }: { publicUrl: string }) {
  const snippet = embedSnippet(publicUrl);
  return (
    <Card
      title="Embed on your site"
      description={
        <>
          Paste this before <code>&lt;/body&gt;</code> on every page that should show the chat. The
          first line is optional: it lets the page call <code>Parley(…)</code> before the script has
          loaded.
        </>
      }
    >
      <pre
        data-testid="embed-code"
        className="overflow-x-auto rounded-md bg-slate-900 p-3 text-xs text-slate-100 dark:bg-slate-950 dark:ring-1 dark:ring-slate-800"
      >
        <code>{snippet}</code>
      </pre>
      <div>
        <CopyButton text={snippet} label="Copy embed code" />
      </div>
      <div className="text-sm">
        <h3 className="font-medium">Optional attributes on the script tag</h3>
        <p className="mt-0.5 text-slate-600 dark:text-slate-400">
          They win over the settings on this page, per site or per page.
        </p>
        <dl className="mt-2 grid gap-x-3 gap-y-1.5 sm:grid-cols-[auto_1fr]">
          {EMBED_ATTRIBUTES.map((attribute) => (
            <div key={attribute.name} className="contents">
              <dt>
                <code className="text-indigo-800 dark:text-indigo-300">
                  {attribute.name}="{attribute.example}"
                </code>
              </dt>
              <dd className="text-slate-600 dark:text-slate-400">{attribute.text}</dd>
            </div>
          ))}
        </dl>
      </div>
    </Card>
  );
}
