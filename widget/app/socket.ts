// A minimal Socket.IO v4 client over the browser's WebSocket (Engine.IO v4, websocket
// transport only): one namespace with auth, events, acks and heartbeats. It is a fraction of
// socket.io-client's size; the REST fallback covers networks where WebSockets fail.

export interface SocketHandlers {
  connected(): void;
  /** The server refused the namespace connection; `code` is DESIGN §6's error code. */
  refused(code: string): void;
  event(name: string, payload: unknown): void;
  /** Called once, whatever ended the socket (including `close()`). */
  closed(): void;
}

export type AckCallback = (error: string | null, result?: unknown) => void;

export interface Socket {
  isConnected(): boolean;
  emit(name: string, payload: unknown, ack?: AckCallback, timeoutMs?: number): void;
  close(): void;
}

const HANDSHAKE_TIMEOUT = 15_000;

export function openSocket(
  base: string,
  namespace: string,
  auth: unknown,
  handlers: SocketHandlers,
): Socket {
  const ws = new WebSocket(`${base.replace(/^http/, 'ws')}/socket.io/?EIO=4&transport=websocket`);
  const prefix = `${namespace},`;
  const acks = new Map<number, AckCallback>();
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
      handlers.event(String(payload[0]), payload[1]);
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
          ack(error, result);
        });
      }
      ws.send(`42${prefix}${id}${JSON.stringify([name, payload])}`);
    },
    close: finish,
  };
}
