// Getting an agent's attention: a short chime and a desktop notification (once allowed).
let audio: AudioContext | undefined;

export function chime(): void {
  try {
    audio ??= new AudioContext();
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.08, audio.currentTime);
    gain.gain.exponentialRampToValueAtTime(0.0001, audio.currentTime + 0.25);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start();
    oscillator.stop(audio.currentTime + 0.25);
  } catch {
    // No audio (autoplay policy before any click, or no device): the notification remains.
  }
}

export function canNotify(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'granted';
}

export function notificationsUndecided(): boolean {
  return typeof Notification !== 'undefined' && Notification.permission === 'default';
}

export function alertAgent(title: string, body: string, onClick?: () => void): void {
  chime();
  if (!canNotify() || document.visibilityState === 'visible') return;
  const notification = new Notification(title, { body: body.slice(0, 140), tag: title });
  notification.onclick = () => {
    window.focus();
    onClick?.();
    notification.close();
  };
}
