// The composer's files from added to uploaded, failed, retried and sent.
import { describe, expect, it } from 'vitest';
import type { Attachment } from '@/lib/contracts/dto';
import {
  applyPendingChange,
  attachmentIdsOf,
  isReadyToSend,
  type PendingFile,
  progressOf,
} from './pending';

function pendingFile(key: string, size = 1000): PendingFile<null> {
  return {
    key,
    file: null,
    name: `${key}.pdf`,
    size,
    type: 'application/pdf',
    previewUrl: null,
    status: 'uploading',
    sentBytes: 0,
    attachment: null,
    error: null,
    retryable: true,
  };
}

const attachment = (id: string, size = 1000): Attachment => ({
  id,
  name: `${id}.pdf`,
  type: 'application/pdf',
  size,
  url: `/files/${id}`,
});

describe('applyPendingChange', () => {
  it('tracks progress until the server returns the attachment', () => {
    let state = applyPendingChange([], { kind: 'added', files: [pendingFile('a')] });
    state = applyPendingChange(state, { kind: 'progress', key: 'a', sentBytes: 250 });
    expect(progressOf(state[0]!)).toBe(0.25);
    expect(isReadyToSend(state)).toBe(false);
    state = applyPendingChange(state, { kind: 'uploaded', key: 'a', attachment: attachment('x') });
    expect(state[0]).toMatchObject({ status: 'uploaded', attachment: { id: 'x' } });
    expect(progressOf(state[0]!)).toBe(1);
    expect(isReadyToSend(state)).toBe(true);
    expect(attachmentIdsOf(state)).toEqual(['x']);
  });

  it('holds the message back while a file failed, and a retry starts it over', () => {
    let state = applyPendingChange([], {
      kind: 'added',
      files: [pendingFile('a'), pendingFile('b')],
    });
    state = applyPendingChange(state, { kind: 'uploaded', key: 'a', attachment: attachment('x') });
    state = applyPendingChange(state, { kind: 'progress', key: 'b', sentBytes: 900 });
    state = applyPendingChange(state, {
      kind: 'failed',
      key: 'b',
      error: 'The upload was interrupted',
      retryable: true,
    });
    expect(state[1]).toMatchObject({ status: 'failed', error: 'The upload was interrupted' });
    expect(isReadyToSend(state)).toBe(false);
    expect(attachmentIdsOf(state)).toEqual(['x']);

    state = applyPendingChange(state, { kind: 'retrying', key: 'b' });
    expect(state[1]).toMatchObject({ status: 'uploading', sentBytes: 0, error: null });
    state = applyPendingChange(state, { kind: 'uploaded', key: 'b', attachment: attachment('y') });
    expect(attachmentIdsOf(state)).toEqual(['x', 'y']);
    expect(isReadyToSend(state)).toBe(true);
  });

  it('removing the failed file lets the others go', () => {
    let state = applyPendingChange([], {
      kind: 'added',
      files: [pendingFile('a'), pendingFile('b')],
    });
    state = applyPendingChange(state, { kind: 'uploaded', key: 'a', attachment: attachment('x') });
    state = applyPendingChange(state, {
      kind: 'failed',
      key: 'b',
      error: 'This file type is not allowed',
      retryable: false,
    });
    state = applyPendingChange(state, { kind: 'removed', key: 'b' });
    expect(state.map((entry) => entry.key)).toEqual(['a']);
    expect(isReadyToSend(state)).toBe(true);
    expect(applyPendingChange(state, { kind: 'cleared' })).toEqual([]);
  });
});
