// The seam to the emoji chunk (emoji/): a picker, loaded the first time the visitor opens it.
import type { FunctionComponent } from 'preact';

export interface EmojiUi {
  /** A grid of emoji by category: each chosen goes into `input` at the caret; Escape closes. */
  Picker: FunctionComponent<{ input: HTMLTextAreaElement | null; onClose(): void }>;
}
