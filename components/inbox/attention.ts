// Getting an agent's attention: a short chime and a desktop notification (once allowed),
// and who is called first for new work: a department's members at once, everyone else once
// the first unclaimed reminder fires.

/** What the inbox knows about the departments, for deciding whom new work alerts. */
export interface DepartmentAttention {
  /** The departments this agent belongs to. */
  myDepartmentIds: readonly string[];
  /** Departments that have at least one member. */
  staffedDepartmentIds: readonly string[];
}

/** Unclaimed work the agent might be alerted of. */
export interface UnclaimedWork {
  departmentId: string | null;
  /** How many unclaimed reminders have fired (0: none yet). */
  reminderLevel: number;
}

/**
 * Whether new, unclaimed work alerts this agent now. A department's members hear of its
 * conversations at once; the others only after the first reminder, so the right people
 * get the first chance. Without a department, or in a department nobody belongs to, every
 * agent is alerted at once. Not knowing the departments yet alerts too: better twice
 * than never.
 */
export function alertsNow(work: UnclaimedWork, departments: DepartmentAttention | null): boolean {
  if (work.reminderLevel > 0 || !departments || work.departmentId === null) return true;
  if (!departments.staffedDepartmentIds.includes(work.departmentId)) return true;
  return departments.myDepartmentIds.includes(work.departmentId);
}

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
