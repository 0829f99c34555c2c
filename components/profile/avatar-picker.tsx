'use client';
// The profile photo: upload (the server re-encodes and crops it), replace or remove; the
// initials stand in while there is none.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import type { Profile } from '@/lib/contracts/agent';
import { apiFetch, errorMessage } from '../api';
import { Avatar } from '../avatar';
import { keys } from '../inbox/cache';
import { Alert, Button } from '../ui';

const ACCEPTED = 'image/png,image/jpeg,image/gif,image/webp';

export function AvatarPicker({ profile }: { profile: Profile }) {
  const client = useQueryClient();
  const input = useRef<HTMLInputElement>(null);
  const onSuccess = ({ profile: updated }: { profile: Profile }) => {
    client.setQueryData(keys.me, updated);
    // Conversations and the team show the face too.
    void client.invalidateQueries();
  };
  const upload = useMutation({
    mutationFn: (file: File) => {
      const body = new FormData();
      body.append('file', file);
      return apiFetch<{ profile: Profile }>('/me/avatar', { method: 'PUT', body });
    },
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: () => apiFetch<{ profile: Profile }>('/me/avatar', { method: 'DELETE' }),
    onSuccess,
  });
  const busy = upload.isPending || remove.isPending;
  const failed = upload.error ?? remove.error;

  return (
    <section aria-labelledby="photo-heading" className="flex flex-col gap-3">
      <h2 id="photo-heading" className="text-lg font-semibold">
        Photo
      </h2>
      <div className="flex flex-wrap items-center gap-4">
        <Avatar
          name={profile.name}
          url={profile.avatarUrl}
          size="lg"
          label={profile.avatarUrl ? 'Your photo' : `Your initials, ${profile.name}`}
        />
        <div className="flex min-w-0 flex-1 flex-col gap-2">
          <div className="flex flex-wrap gap-2">
            <Button onClick={() => input.current?.click()} disabled={busy}>
              {profile.avatarUrl ? 'Replace photo' : 'Upload photo'}
            </Button>
            {profile.avatarUrl ? (
              <Button variant="ghost" onClick={() => remove.mutate()} disabled={busy}>
                Remove photo
              </Button>
            ) : null}
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            PNG, JPEG, GIF or WebP up to 5 MB; cropped to a square. Customers see it beside your
            replies.
          </p>
        </div>
        <input
          ref={input}
          type="file"
          accept={ACCEPTED}
          aria-label="Profile photo"
          className="sr-only"
          tabIndex={-1}
          onChange={(event) => {
            const file = event.target.files?.[0];
            event.target.value = '';
            if (file) upload.mutate(file);
          }}
        />
      </div>
      {upload.isPending ? (
        <p className="text-sm text-slate-600 dark:text-slate-400">Uploading…</p>
      ) : null}
      {failed ? <Alert>{errorMessage(failed)}</Alert> : null}
    </section>
  );
}
