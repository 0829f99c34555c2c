// A short chime and a buzz for new agent messages, made with Web Audio so that no sound
// file is downloaded. Browsers only allow audio after a user gesture: `unlockSound` is
// called from one (opening the panel). The chime itself comes with the conversation chunk
// (agents' messages only arrive in a conversation), played on the app's unlocked audio.

let context: AudioContext | undefined;

export function unlockSound(): void {
  try {
    context ??= new AudioContext();
    void context.resume();
  } catch {
    context = undefined;
  }
}

/** The audio, once a gesture unlocked it. */
export function unlockedSound(): AudioContext | undefined {
  return context?.state === 'running' ? context : undefined;
}

export function chime(sound: AudioContext | undefined): void {
  navigator.vibrate?.([60, 40, 60]);
  if (!sound) return;
  const start = sound.currentTime;
  const oscillator = sound.createOscillator();
  const gain = sound.createGain();
  oscillator.frequency.setValueAtTime(880, start);
  oscillator.frequency.setValueAtTime(1320, start + 0.09);
  gain.gain.setValueAtTime(0.0001, start);
  gain.gain.exponentialRampToValueAtTime(0.12, start + 0.02);
  gain.gain.exponentialRampToValueAtTime(0.0001, start + 0.3);
  oscillator.connect(gain).connect(sound.destination);
  oscillator.start(start);
  oscillator.stop(start + 0.32);
}
