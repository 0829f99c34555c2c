/** @jsxImportSource preact */
// The emoji picker: category tabs over a grid of emoji buttons. Arrow keys move in the grid,
// Enter or a click inserts (the picker stays open for more), Escape closes it.
import { useEffect, useRef, useState } from 'preact/hooks';
import { useChat } from '../ui/context';
import { CATEGORIES, type Category, categoryName, emojiOf, iconOf } from './sets';

const COLUMNS = 8;

interface PickerProps {
  input: HTMLTextAreaElement | null;
  onClose(): void;
}

export function Picker({ input, onClose }: PickerProps) {
  const chat = useChat();

  // The emoji goes where the caret was, and the caret after it.
  const onPick = (emoji: string) => {
    const { draft } = chat.state;
    const start = input?.selectionStart ?? draft.length;
    const end = input?.selectionEnd ?? draft.length;
    chat.setDraft(draft.slice(0, start) + emoji + draft.slice(end));
    requestAnimationFrame(() =>
      input?.setSelectionRange(start + emoji.length, start + emoji.length),
    );
  };

  const [category, setCategory] = useState<Category>('smileys');
  const grid = useRef<HTMLDivElement>(null);
  const emoji = emojiOf(category);

  useEffect(() => {
    grid.current?.querySelector<HTMLButtonElement>('button')?.focus();
  }, []);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onClose();
      return;
    }
    const buttons = [...(grid.current?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
    const index = buttons.indexOf(chat.host.root.activeElement as HTMLButtonElement);
    if (index < 0) return;
    const step = { ArrowRight: 1, ArrowLeft: -1, ArrowDown: COLUMNS, ArrowUp: -COLUMNS }[event.key];
    if (!step) return;
    event.preventDefault();
    buttons[Math.max(0, Math.min(buttons.length - 1, index + step))]?.focus();
  };

  const label = chat.t('emoji');
  return (
    <fieldset class="emoji" onKeyDown={onKeyDown}>
      <legend class="sr-only">{label}</legend>
      <div class="emoji-tabs">
        {(Object.keys(CATEGORIES) as Category[]).map((name) => (
          <button
            key={name}
            type="button"
            aria-pressed={name === category}
            aria-label={categoryName(name, chat.locale)}
            title={categoryName(name, chat.locale)}
            onClick={() => setCategory(name)}
          >
            {iconOf(name)}
          </button>
        ))}
      </div>
      <div class="emoji-grid" ref={grid}>
        {emoji.map((symbol) => (
          <button key={symbol} type="button" onClick={() => onPick(symbol)}>
            {symbol}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
