'use client';
// The agent pages' top bar: where you are, who you are, and sign-out.
import { signOut } from 'next-auth/react';
import type { SessionAgent } from '@/lib/contracts/agent';
import { Button } from './ui';

const LINKS = [
  { href: '/inbox', label: 'Inbox', admin: false },
  { href: '/profile', label: 'Profile', admin: false },
  { href: '/admin', label: 'Admin', admin: true },
];

export function AppNav({ me, current }: { me: SessionAgent; current: string }) {
  return (
    <header className="flex items-center gap-4 border-b border-slate-200 bg-white px-4 py-2 dark:border-slate-800 dark:bg-slate-900">
      <span className="font-semibold text-indigo-700 dark:text-indigo-300">Parley</span>
      <nav aria-label="Main" className="flex gap-1">
        {LINKS.filter((link) => !link.admin || me.role === 'admin').map((link) => (
          <a
            key={link.href}
            href={link.href}
            aria-current={current.startsWith(link.href) ? 'page' : undefined}
            className="rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:text-indigo-800 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200"
          >
            {link.label}
          </a>
        ))}
      </nav>
      <span className="ml-auto text-sm text-slate-600 dark:text-slate-400">
        {me.name} <span className="text-slate-400">({me.role})</span>
      </span>
      <Button variant="ghost" onClick={() => signOut({ callbackUrl: '/login' })}>
        Sign out
      </Button>
    </header>
  );
}
