'use client';
// What the composer is working on besides a new message: a reply that quotes a message, or
// an edit of one's own message. Shown above the box with a way out (the × or Esc).
import type { Message } from '@/lib/contracts/dto';

export type ComposerTarget =
  | { kind: 'quote'; message: Message; author: string }
  | { kind: 'edit'; message: Message };

export function TargetBar({ target, onCancel }: { target: ComposerTarget; onCancel(): void }) {
  const quoting = target.kind === 'quote';
  const excerpt =
    target.message.text || target.message.attachments.map((file) => `📎 ${file.name}`).join(', ');
  return (
    <div
      role="status"
      aria-label={quoting ? 'Replying to a message' : 'Editing your message'}
      className="mb-2 flex items-start gap-2 rounded-md border-l-4 border-indigo-500 bg-indigo-50 px-3 py-2 text-sm dark:bg-indigo-950"
    >
      <div className="min-w-0 flex-1">
        <p className="text-xs font-semibold text-indigo-800 dark:text-indigo-200">
          {quoting ? `Replying to ${target.author}` : 'Editing your message'}
          <span className="font-normal text-slate-600 dark:text-slate-300"> · Esc to cancel</span>
        </p>
        {quoting ? (
          <p className="line-clamp-2 break-words text-slate-700 dark:text-slate-200">{excerpt}</p>
        ) : null}
      </div>
      <button
        type="button"
        onClick={onCancel}
        aria-label={quoting ? 'Cancel the reply to this message' : 'Cancel the edit'}
        className="rounded px-1.5 text-lg leading-none text-slate-500 hover:bg-indigo-100 hover:text-slate-800 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 dark:text-slate-300 dark:hover:bg-indigo-900"
      >
        ×
      </button>
    </div>
  );
}
