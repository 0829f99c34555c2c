// Object URLs for pictures that exist only in this browser (in the tray, or waiting to be
// uploaded), made once per file and revoked when the file is gone.
import { useEffect, useState } from 'preact/hooks';
import { isImageType } from '../../../lib/contracts/attachments';
import type { FileRef } from '../files';
import { getBlob } from './blobs';

const urls = new Map<string, string>();

export function usePreview(file: FileRef): string | null {
  const [url, setUrl] = useState(urls.get(file.key) ?? null);
  useEffect(() => {
    if (url || !isImageType(file.type)) return;
    let live = true;
    void getBlob(file.key).then((blob) => {
      if (!blob || !live) return;
      const made = urls.get(file.key) ?? URL.createObjectURL(blob);
      urls.set(file.key, made);
      setUrl(made);
    });
    return () => {
      live = false;
    };
  }, [file.key, file.type, url]);
  return url;
}

export function forgetPreview(key: string): void {
  const url = urls.get(key);
  if (url) URL.revokeObjectURL(url);
  urls.delete(key);
}
