// A group's calls are spent as Telegram counts them: a quiet group gets its reservoir at once
// (a short spacing apart), never more than the reservoir in any window, the same across
// instances taking slots at the same time, and nothing before a 429's pause has passed.
import { describe, expect, it } from 'vitest';
import { db } from '../db/client';
import {
  isReservoirLow,
  PRIVATE_CHAT_PACE,
  paceFor,
  paceOf,
  pauseChat,
  RESERVOIR,
  reserveSlot,
} from './pacing';

const TELEGRAM_PACE = paceFor(20);

let nextChat = -1001000000000;
const chat = () => nextChat--;

async function slotsInTurn(chatId: number, count: number): Promise<number[]> {
  const slots: number[] = [];
  for (let i = 0; i < count; i++) slots.push(await reserveSlot(db(), chatId, TELEGRAM_PACE));
  return slots;
}

describe('Telegram pacing', () => {
  it('spends 20 calls a minute as a burst half a second apart, then waits out the window', async () => {
    expect(TELEGRAM_PACE).toEqual({ windowMs: 63_000, spacingMs: 500 });
    const before = Date.now();
    const slots = await slotsInTurn(chat(), RESERVOIR + 5);
    // The first goes at once, the burst half a second apart: the 20th is 9.5 s after the
    // first, where a fixed 3 s slot would have put it 57 s later.
    expect(Math.abs(slots[0]! - before)).toBeLessThan(1000);
    for (let i = 1; i < RESERVOIR; i++) expect(slots[i]! - slots[i - 1]!).toBeCloseTo(500, 0);
    // The 21st waits until the first has left the window, and so on.
    for (let i = RESERVOIR; i < slots.length; i++) {
      expect(slots[i]! - slots[i - RESERVOIR]!).toBeCloseTo(TELEGRAM_PACE.windowMs, 0);
    }
  });

  it('gives instances taking slots together distinct ones, spaced, within the reservoir', async () => {
    const chatId = chat();
    const slots = (
      await Promise.all(Array.from({ length: 30 }, () => reserveSlot(db(), chatId, TELEGRAM_PACE)))
    ).sort((a, b) => a - b);
    for (let i = 1; i < slots.length; i++) {
      expect(slots[i]! - slots[i - 1]!).toBeGreaterThanOrEqual(TELEGRAM_PACE.spacingMs - 1);
    }
    for (let i = RESERVOIR; i < slots.length; i++) {
      expect(slots[i]! - slots[i - RESERVOIR]!).toBeGreaterThanOrEqual(TELEGRAM_PACE.windowMs - 1);
    }
  });

  it('says when half the reservoir is spent, so customer messages wait to be merged', async () => {
    const chatId = chat();
    expect(await isReservoirLow(db(), chatId, TELEGRAM_PACE)).toBe(false);
    await slotsInTurn(chatId, RESERVOIR / 2 - 1);
    expect(await isReservoirLow(db(), chatId, TELEGRAM_PACE)).toBe(false);
    await slotsInTurn(chatId, 1);
    expect(await isReservoirLow(db(), chatId, TELEGRAM_PACE)).toBe(true);
  });

  it('puts nothing before the end of a 429 pause, then resumes the burst', async () => {
    const chatId = chat();
    const [first] = await slotsInTurn(chatId, 1);
    await pauseChat(db(), chatId, 30);
    const [afterPause, next] = await slotsInTurn(chatId, 2);
    expect(afterPause! - first!).toBeGreaterThanOrEqual(29_000);
    expect(next! - afterPause!).toBeCloseTo(500, 0);
  });

  it('scales the window with the configured rate, never spacing calls more than 0.5 s', () => {
    expect(paceFor(600)).toEqual({ windowMs: 2100, spacingMs: 100 });
    expect(paceFor(6).spacingMs).toBe(500);
    expect(paceFor(6).windowMs).toBeCloseTo(210_000, 6);
  });

  it("spaces a customer's private chat a second apart, apart from the groups' budget", async () => {
    const privateChat = 7_000_000 + Math.floor(Math.random() * 1_000_000);
    expect(paceOf(privateChat, 100_000)).toBe(PRIVATE_CHAT_PACE);
    expect(paceOf(-1001234567890, 20)).toEqual(paceFor(20));
    const group = chat();
    const slots: number[] = [];
    for (let i = 0; i < 4; i++) {
      slots.push(await reserveSlot(db(), privateChat, paceOf(privateChat, 20)));
      // A group's calls at the same time take nothing from the private chat's pace.
      await reserveSlot(db(), group, paceOf(group, 20));
    }
    for (let i = 1; i < slots.length; i++) expect(slots[i]! - slots[i - 1]!).toBeCloseTo(1000, 0);
  });
});
