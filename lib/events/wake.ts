// An in-process wake-up for the dispatcher, fired after every commit that wrote events,
// so delivery starts without waiting for NOTIFY's round trip.
import { EventEmitter } from 'node:events';
import { processSingleton } from '../singleton';

const emitter = () => processSingleton('events.wake', () => new EventEmitter());

export function wakeDispatcher(): void {
  emitter().emit('wake');
}

export function onDispatcherWake(listener: () => void): () => void {
  emitter().on('wake', listener);
  return () => emitter().off('wake', listener);
}
