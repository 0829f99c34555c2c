// The seam to the start chunk (start/): what it offers the panel.
import type { FunctionComponent } from 'preact';

export interface StartUi {
  /** The department choice or the pre-chat form. */
  Start: FunctionComponent<{ step: 'departments' | 'form' }>;
}
