// The seam to the emoji chunk (emoji/): a picker, loaded the first time the visitor opens it.
import type { FunctionComponent } from 'preact';

export interface EmojiUi {
  /** A grid of emoji by category; `onPick` for each chosen, `onClose` on Escape or done. */
  Picker: FunctionComponent<{ onPick(emoji: string): void; onClose(): void }>;
}
