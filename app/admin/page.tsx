import type { Metadata } from 'next';
import { PageHeader } from '@/components/admin/form';
import { ADMIN_SECTIONS } from '@/components/admin/sections';

export const metadata: Metadata = { title: 'Admin' };

export default function AdminHome() {
  return (
    <>
      <PageHeader title="Admin" description="Set Parley up for your team." />
      <ul className="grid gap-3 sm:grid-cols-2">
        {ADMIN_SECTIONS.filter((section) => section.href).map((section) => (
          <li key={section.label}>
            <a
              href={section.href}
              className="block rounded-lg border border-slate-200 bg-white p-4 hover:border-indigo-300 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-indigo-700"
            >
              <span className="font-medium">{section.label}</span>
              <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">
                {section.description}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </>
  );
}
