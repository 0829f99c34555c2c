'use client';
// Buttons that drive the widget through its public JavaScript API, and a log of the events
// it reports back, so site owners can see what `window.Parley` offers.
import { useEffect, useState } from 'react';

type ParleyApi = ((command: string, ...args: unknown[]) => void) & { q?: unknown[][] };

/** Calls the widget's API; before the loader has arrived, queues the call like the snippet. */
function parley(command: string, ...args: unknown[]): void {
  const host = window as unknown as { Parley?: ParleyApi };
  if (!host.Parley) {
    const queue: ParleyApi = (...queued) => {
      queue.q = [...(queue.q ?? []), queued];
    };
    host.Parley = queue;
  }
  host.Parley(command, ...args);
}

export function DemoControls() {
  const [events, setEvents] = useState<string[]>([]);

  useEffect(() => {
    const log = (entry: string) => setEvents((previous) => [entry, ...previous].slice(0, 5));
    parley('on', 'open', () => log('open'));
    parley('on', 'close', () => log('close'));
    parley('on', 'message', (message: { agentName?: string; text: string }) =>
      log(`message from ${message.agentName ?? 'support'}: ${message.text}`),
    );
  }, []);

  const button = 'rounded-md border border-stone-300 bg-white px-4 py-2 text-sm hover:bg-stone-100';
  return (
    <section className="space-y-3" aria-labelledby="api-heading">
      <h2 id="api-heading" className="text-2xl font-semibold">
        JavaScript API
      </h2>
      <div className="flex flex-wrap gap-3">
        <button type="button" className={button} onClick={() => parley('open')}>
          Parley(&apos;open&apos;)
        </button>
        <button type="button" className={button} onClick={() => parley('close')}>
          Parley(&apos;close&apos;)
        </button>
        <button
          type="button"
          className={button}
          onClick={() => parley('identify', { name: 'Jane Walker', email: 'jane@example.com' })}
        >
          Parley(&apos;identify&apos;, {'{…}'})
        </button>
      </div>
      <ul className="text-sm text-stone-600" aria-live="polite">
        {events.map((entry, index) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a short rolling log, newest first
          <li key={index}>{entry}</li>
        ))}
      </ul>
    </section>
  );
}
