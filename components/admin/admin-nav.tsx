'use client';
// The console's side navigation: every section, the current one marked; planned sections
// are listed but not links.
import { usePathname } from 'next/navigation';
import { ADMIN_SECTIONS } from './sections';

/** `/admin/api` is not within `/admin/api-tokens`: a section owns its path and what is below. */
const isWithin = (pathname: string, href: string) =>
  pathname === href || pathname.startsWith(`${href}/`);

export function AdminNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="md:w-56 md:shrink-0">
      <ul className="flex gap-1 overflow-x-auto pb-2 md:flex-col md:overflow-visible md:pb-0">
        {ADMIN_SECTIONS.map((section) => (
          <li key={section.label} className="shrink-0">
            {section.href ? (
              <a
                href={section.href}
                aria-current={isWithin(pathname, section.href) ? 'page' : undefined}
                className="block rounded-md px-3 py-1.5 text-sm text-slate-700 hover:bg-slate-100 aria-[current=page]:bg-indigo-50 aria-[current=page]:font-medium aria-[current=page]:text-indigo-800 dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-[current=page]:bg-indigo-950 dark:aria-[current=page]:text-indigo-200"
              >
                {section.label}
              </a>
            ) : (
              <span className="block px-3 py-1.5 text-sm text-slate-500 dark:text-slate-400">
                {section.label} <span className="text-xs">(soon)</span>
              </span>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
