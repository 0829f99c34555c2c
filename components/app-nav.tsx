'use client';
// The agent pages' top bar: where you are, and the account menu (who you are, sign out here
// or everywhere).
import { signOut } from 'next-auth/react';
import { useState } from 'react';
import type { SessionAgent } from '@/lib/contracts/agent';
import { apiFetch } from './api';

const LINKS = [
  { href: '/inbox', label: 'Inbox', admin: false },
  { href: '/profile', label: 'Profile', admin: false },
  { href: '/admin', label: 'Admin', admin: true },
];

export function AppNav({ me, current }: { me: SessionAgent; current: string }) {
  return (
    <header className="flex shrink-0 items-center gap-2 border-b border-slate-200 bg-white px-3 py-2 sm:gap-4 sm:px-4 dark:border-slate-800 dark:bg-slate-900">
      <span className="font-semibold text-indigo-700 dark:text-indigo-300">Parley</span>
      <nav aria-label="Main" className="flex min-w-0 gap-0.5 sm:gap-1">
        {LINKS.filter((link) => !link.admin || me.role === 'admin').map((link) => (
          <a
            key={link.href}
            href={link.href}
            aria-current={current.startsWith(link.href) ? 'page' : undefined}
            className="rounded-md px-2 py-1.5 text-sm text-slate-700 sm:px-3 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200"
          >
            {link.label}
          </a>
        ))}
      </nav>
      <AccountMenu me={me} />
    </header>
  );
}

const MENU_ITEM =
  'block w-full rounded px-3 py-2 text-left text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 disabled:opacity-60 dark:text-slate-200 dark:hover:bg-slate-800';

function AccountMenu({ me }: { me: SessionAgent }) {
  const [busy, setBusy] = useState(false);

  async function signOutEverywhere() {
    setBusy(true);
    // Ends every session on the server (this one too), then clears this browser's cookie.
    await apiFetch('/me/sessions', { method: 'DELETE' }).catch(() => undefined);
    await signOut({ callbackUrl: '/login' });
  }

  return (
    <details className="relative ml-auto min-w-0">
      <summary className="flex cursor-pointer list-none items-center whitespace-nowrap rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100 focus:outline-none focus-visible:ring-2 focus-visible:ring-indigo-500 sm:px-3 dark:text-slate-300 dark:hover:bg-slate-800">
        <span className="truncate">{me.name}</span>
        {/* On a phone the role makes room for the links; the menu still says who you are. */}
        <span className="ml-1 hidden text-slate-500 sm:inline dark:text-slate-400">
          ({me.role})
        </span>
        <span aria-hidden="true">&nbsp;▾</span>
      </summary>
      <div className="absolute right-0 z-20 mt-1 w-56 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <p className="truncate px-3 py-2 text-xs text-slate-600 dark:text-slate-400">
          {me.role === 'admin' ? 'Admin account' : 'Agent account'}
        </p>
        <button
          type="button"
          className={MENU_ITEM}
          onClick={() => signOut({ callbackUrl: '/login' })}
        >
          Sign out
        </button>
        <button type="button" className={MENU_ITEM} disabled={busy} onClick={signOutEverywhere}>
          {busy ? 'Signing out everywhere…' : 'Sign out everywhere'}
        </button>
      </div>
    </details>
  );
}
