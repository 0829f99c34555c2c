'use client';
// The Email screen: status and test email, then the settings.
import { errorMessage } from '../api';
import { Alert } from '../ui';
import { useEmailSettings, useEmailStatus } from './email-queries';
import { EmailSettingsForm } from './email-settings-form';
import { EmailStatusCard } from './email-status-card';

export function EmailSettings() {
  const status = useEmailStatus();
  const settings = useEmailSettings();
  const error = status.error ?? settings.error;
  if (error) return <Alert>Email settings could not be loaded: {errorMessage(error)}</Alert>;
  if (!status.data || !settings.data) {
    return <p className="text-sm text-slate-600 dark:text-slate-400">Loading…</p>;
  }
  return (
    <>
      <EmailStatusCard status={status.data} />
      <EmailSettingsForm settings={settings.data} />
    </>
  );
}
