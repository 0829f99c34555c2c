// One holder at a time: a lease is taken when free or expired, kept by renewing it, and
// handed over at once when released.
import { describe, expect, it } from 'vitest';
import { db } from './client';
import { Lease } from './lease';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('Lease', () => {
  it('is held by one holder until it expires or is released', async () => {
    const first = new Lease(db(), 'test-lease', 300, 'first');
    const second = new Lease(db(), 'test-lease', 300, 'second');
    expect(await first.acquire()).toBe(true);
    expect(await second.acquire()).toBe(false);
    expect(await first.acquire()).toBe(true); // renewed
    expect(await first.currentHolder()).toBe('first');

    await sleep(400); // not renewed: expired
    expect(await first.currentHolder()).toBeNull();
    expect(await second.acquire()).toBe(true);
    expect(await first.acquire()).toBe(false);

    await second.release();
    expect(await first.acquire()).toBe(true);
    await first.release();
    await first.release(); // releasing twice is harmless
    expect(await second.currentHolder()).toBeNull();
  });

  it('keeps separate names apart', async () => {
    const poller = new Lease(db(), 'lease-a', 5000, 'one');
    const syncer = new Lease(db(), 'lease-b', 5000, 'two');
    expect(await poller.acquire()).toBe(true);
    expect(await syncer.acquire()).toBe(true);
    await Promise.all([poller.release(), syncer.release()]);
  });
});
