/** @jsxImportSource preact */
// A person's (or the team's) face: their photo when there is one and it loads, else their
// initials on the brand colour. Decorative: the name is always written next to it.
import { useState } from 'preact/hooks';

export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  const letters = words.length > 1 ? [words[0], words.at(-1)] : [words[0] ?? '?'];
  return letters.map((word) => [...(word ?? '')][0]?.toUpperCase() ?? '').join('');
}

export function Avatar({
  name,
  url,
  small,
}: {
  name: string;
  url?: string | null;
  small?: boolean;
}) {
  const [broken, setBroken] = useState(false);
  const size = small ? 'avatar small' : 'avatar';
  return url && !broken ? (
    <img class={size} src={url} alt="" loading="lazy" onError={() => setBroken(true)} />
  ) : (
    <span class={size} aria-hidden="true">
      {initials(name)}
    </span>
  );
}

export interface Face {
  name: string;
  avatarUrl?: string | null;
}

/** A few overlapping faces, as in "these people answer here". */
export function Faces({ faces }: { faces: Face[] }) {
  return (
    <span class="faces" aria-hidden="true">
      {faces.slice(0, 3).map((face) => (
        <Avatar key={face.name} name={face.name} url={face.avatarUrl} />
      ))}
    </span>
  );
}
