// The SMTP connection (nodemailer) and what its failures mean: a short cause for /readyz and
// the console (never the server's own text, which may name hosts and users), and whether a
// failure is worth retrying.
import nodemailer, { type Transporter } from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport';

export type Mailer = Transporter<SMTPTransport.SentMessageInfo>;

const TIMEOUT_MS = 15_000;

export function createMailer(smtpUrl: string): Mailer {
  const url = new URL(smtpUrl);
  return nodemailer.createTransport({
    host: url.hostname,
    port: url.port ? Number(url.port) : url.protocol === 'smtps:' ? 465 : 587,
    secure: url.protocol === 'smtps:',
    auth: url.username
      ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
      : undefined,
    // A server on a private network (or a test's) may offer no STARTTLS; public ones do.
    ignoreTLS: url.searchParams.get('tls') === 'off',
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
}

interface SmtpError {
  code?: string;
  responseCode?: number;
}

const smtpError = (error: unknown): SmtpError =>
  typeof error === 'object' && error !== null ? (error as SmtpError) : {};

/** A short sentence for people: what kind of failure, without the server's words. */
export function describeSmtpProblem(error: unknown): string {
  const { code, responseCode } = smtpError(error);
  if (code === 'EAUTH') return 'SMTP authentication failed';
  if (code === 'ECONNECTION' || code === 'ESOCKET' || code === 'ETIMEDOUT' || code === 'EDNS') {
    return 'SMTP server not answering';
  }
  if (code === 'ETLS') return 'SMTP TLS handshake failed';
  if (responseCode && responseCode >= 500) return `SMTP server refused the email (${responseCode})`;
  if (responseCode && responseCode >= 400)
    return `SMTP server deferred the email (${responseCode})`;
  return 'SMTP error';
}

/** Failures of the server or the connection rather than of one message. */
const SERVER_CODES = new Set(['EAUTH', 'ECONNECTION', 'ESOCKET', 'ETIMEDOUT', 'EDNS', 'ETLS']);

/**
 * A refusal of this message that retrying will not change (a 5xx for its sender or
 * recipient). Anything else (the server down, a 4xx, bad credentials) is retried.
 */
export function isPermanentRefusal(error: unknown): boolean {
  const { code, responseCode } = smtpError(error);
  return (responseCode ?? 0) >= 500 && !SERVER_CODES.has(code ?? '');
}
