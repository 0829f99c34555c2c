// The ceiling for the pipeline benchmark: a bare Socket.IO relay with Parley's event names
// and no database. A widget socket joins its conversation's room (its token names it); a
// sent message is acknowledged and relayed to that room and to every agent socket. Prints
// its port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Server } from 'socket.io';

const http = createServer();
const io = new Server(http, { serveClient: false });
const agents = io.of('/agent');
const customers = io.of('/customer');

customers.on('connection', (socket) => {
  const conversationId = String(socket.handshake.auth.token);
  void socket.join(conversationId);
  socket.on(
    'message:send',
    (body: { clientId: string; text: string }, ack: (a: unknown) => void) => {
      const message = { conversationId, clientId: body.clientId, text: body.text };
      ack({ ok: true });
      customers.to(conversationId).emit('message', message);
      agents.emit('message', message);
    },
  );
});

http.listen(0, '127.0.0.1', () => {
  console.log(`relay listening on ${(http.address() as AddressInfo).port}`);
});
