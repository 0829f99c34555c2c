// The seam to the settings chunk (settings/): the drawer the header's ⋯ button opens.
import type { FunctionComponent } from 'preact';

export interface SettingsUi {
  Settings: FunctionComponent;
}
