// A minimal Socket.IO v4 client over the browser's WebSocket (Engine.IO v4, websocket
// transport only): one namespace with auth, events, acks and heartbeats. It is a fraction of
// socket.io-client's size; the REST fallback covers networks where WebSockets fail. Events
// are typed by the same event maps the server's namespace uses (lib/contracts).
import type { EventAck, EventPayload, ReceivedEvent } from '../../lib/contracts/customer-events';

export interface SocketHandlers<Listen> {
  connected(): void;
  /** The server refused the namespace connection; `code` is DESIGN §6's error code. */
  refused(code: string): void;
  event(event: ReceivedEvent<Listen>): void;
  /** Called once, whatever ended the socket (including `close()`). */
  closed(): void;
}

/** `error` is set when no acknowledgement came (`disconnected`, `timeout`). */
export type AckCallback<Result> = (error: string | null, result?: Result) => void;

export interface Socket<Emit> {
  isConnected(): boolean;
  emit<Name extends keyof Emit & string>(
    name: Name,
    payload: EventPayload<Emit[Name]>,
    ack?: AckCallback<EventAck<Emit[Name]>>,
    timeoutMs?: number,
  ): void;
  close(): void;
}

const HANDSHAKE_TIMEOUT = 15_000;

export function openSocket<Listen, Emit>(
  base: string,
  namespace: string,
  auth: unknown,
  handlers: SocketHandlers<Listen>,
): Socket<Emit> {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const prefix = `${namespace},`;
  const acks = new Map<number, AckCallback<unknown>>();
  let nextAckId = 0;
  let connected = false;
  let finished = false;
  let heartbeat: ReturnType<typeof setTimeout> | undefined;
  // Engine.IO's defaults until the handshake says otherwise (pingInterval + pingTimeout).
  let silenceLimit = 45_000;

  const finish = () => {
    if (finished) return;
    finished = true;
    connected = false;
    clearTimeout(heartbeat);
    ws.onopen = ws.onmessage = ws.onclose = ws.onerror = null;
    try {
      ws.close();
    } catch {
      // Closing a socket that never opened may throw in some browsers; it is gone either way.
    }
    for (const ack of acks.values()) ack('disconnected');
    acks.clear();
    handlers.closed();
  };

  // A half-open TCP connection never reports an error: silence past the server's ping
  // schedule is the only sign, so treat it as a disconnect.
  const expectTraffic = (ms: number) => {
    clearTimeout(heartbeat);
    heartbeat = setTimeout(finish, ms);
  };

  const onPacket = (packet: string) => {
    const type = packet[0];
    let rest = packet.slice(1);
    if (!rest.startsWith(prefix) && rest !== namespace) return;
    rest = rest.slice(prefix.length);
    const id = /^\d*/.exec(rest)?.[0] ?? '';
    const body = rest.slice(id.length);
    const payload: unknown = body ? JSON.parse(body) : undefined;
    if (type === '0') {
      connected = true;
      handlers.connected();
    } else if (type === '4') {
      handlers.refused(String((payload as { message?: unknown } | undefined)?.message ?? 'error'));
      finish();
    } else if (type === '1') {
      finish();
    } else if (type === '2' && Array.isArray(payload)) {
      handlers.event({ name: String(payload[0]), payload: payload[1] } as ReceivedEvent<Listen>);
    } else if (type === '3' && id) {
      const ack = acks.get(Number(id));
      acks.delete(Number(id));
      ack?.(null, Array.isArray(payload) ? payload[0] : undefined);
    }
  };

  ws.onmessage = (event) => {
    const data = String(event.data);
    expectTraffic(silenceLimit);
    try {
      if (data[0] === '0') {
        const handshake = JSON.parse(data.slice(1)) as {
          pingInterval: number;
          pingTimeout: number;
        };
        silenceLimit = handshake.pingInterval + handshake.pingTimeout;
        expectTraffic(silenceLimit);
        ws.send(`40${prefix}${JSON.stringify(auth)}`);
      } else if (data[0] === '2') {
        ws.send('3');
      } else if (data[0] === '1') {
        finish();
      } else if (data[0] === '4') {
        onPacket(data.slice(1));
      }
    } catch (error) {
      console.warn('Parley: unreadable socket packet', error);
    }
  };
  ws.onclose = finish;
  ws.onerror = finish;
  expectTraffic(HANDSHAKE_TIMEOUT);

  return {
    isConnected: () => connected,
    emit(name, payload, ack, timeoutMs = 10_000) {
      if (!connected) {
        ack?.('disconnected');
        return;
      }
      let id = '';
      if (ack) {
        const ackId = nextAckId++;
        id = String(ackId);
        const timer = setTimeout(() => {
          acks.delete(ackId);
          ack('timeout');
        }, timeoutMs);
        acks.set(ackId, (error, result) => {
          clearTimeout(timer);
          ack(error, result as EventAck<Emit[typeof name]>);
        });
      }
      ws.send(`42${prefix}${id}${JSON.stringify([name, payload])}`);
    },
    close: finish,
  };
}
