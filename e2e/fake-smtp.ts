// A real SMTP server on a loopback port (the smtp-server package) that keeps every email it
// receives, parsed: what Parley sends by email is checked as a mail client would see it.
// It can be stopped and started again on the same port, as a mail server that goes away.
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface ReceivedEmail {
  to: string[];
  from: string;
  subject: string;
  text: string;
  html: string;
  replyTo: string | null;
  /** A header as it was sent (unfolded), by its name in any case; null when absent. */
  header(name: string): string | null;
}

export class FakeSmtp {
  readonly received: ReceivedEmail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = 0): Promise<void> {
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, _session, callback) => {
        simpleParser(stream).then(
          (mail) => {
            this.received.push(toReceived(mail));
            callback();
          },
          (error: Error) => callback(error),
        );
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => resolve());
    });
    this.port = (server.server.address() as { port: number }).port;
    this.server = server;
  }

  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  get url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }

  to(address: string): ReceivedEmail[] {
    return this.received.filter((mail) => mail.to.includes(address));
  }
}

function toReceived(mail: ParsedMail): ReceivedEmail {
  const addresses = (field: ParsedMail['to']) =>
    (Array.isArray(field) ? field : field ? [field] : []).flatMap((group) =>
      group.value.map((a) => a.address ?? ''),
    );
  return {
    to: addresses(mail.to),
    from: mail.from?.value[0]?.address ?? '',
    subject: mail.subject ?? '',
    text: mail.text ?? '',
    html: typeof mail.html === 'string' ? mail.html : '',
    replyTo: mail.replyTo?.value[0]?.address ?? null,
    header: (name) => {
      const line = mail.headerLines.find((h) => h.key === name.toLowerCase())?.line;
      return line
        ? line
            .slice(line.indexOf(':') + 1)
            .replace(/\r?\n\s+/g, ' ')
            .trim()
        : null;
    },
  };
}

/** The "Open the chat" link of an email. */
export const chatLinkOf = (mail: ReceivedEmail) =>
  /Open the chat: (\S+)/.exec(mail.text)?.[1] ?? null;
