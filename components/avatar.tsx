// An agent's face everywhere in the agent UI: the profile photo when there is one, their
// initials on a colour picked from the name otherwise (the same name, the same colour).

const SIZES = {
  xs: 'h-5 w-5 text-[9px]',
  sm: 'h-7 w-7 text-[11px]',
  md: 'h-9 w-9 text-sm',
  lg: 'h-20 w-20 text-2xl',
} as const;

// Dark enough for white text at WCAG AA in light and dark themes alike.
const COLOURS = [
  'bg-indigo-600',
  'bg-teal-700',
  'bg-rose-700',
  'bg-amber-700',
  'bg-sky-700',
  'bg-violet-700',
  'bg-emerald-700',
  'bg-fuchsia-700',
] as const;

export function initialsOf(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words[words.length - 1]] : words;
  return (
    letters
      .map((word) => Array.from(word ?? '')[0] ?? '')
      .join('')
      .toUpperCase() || '?'
  );
}

function colourOf(name: string): string {
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.codePointAt(0)!) >>> 0;
  return COLOURS[hash % COLOURS.length]!;
}

export function Avatar({
  name,
  url,
  size = 'md',
  label,
  className = '',
}: {
  name: string;
  url: string | null | undefined;
  size?: keyof typeof SIZES;
  /** Read out instead of being hidden, when no visible text beside it names the agent. */
  label?: string;
  className?: string;
}) {
  const shape = `inline-flex shrink-0 items-center justify-center overflow-hidden rounded-full ${SIZES[size]} ${className}`;
  const a11y = label ? { role: 'img', 'aria-label': label } : { 'aria-hidden': true };
  if (url) {
    return (
      <span className={`${shape} bg-slate-200 dark:bg-slate-700`} {...a11y}>
        {/* biome-ignore lint/performance/noImgElement: a small fixed-size photo, no optimiser needed */}
        <img src={url} alt="" className="h-full w-full object-cover" loading="lazy" />
      </span>
    );
  }
  return (
    <span className={`${shape} ${colourOf(name)} font-semibold text-white select-none`} {...a11y}>
      {initialsOf(name)}
    </span>
  );
}
