/**
 * Mail through nodemailer: SMTP when SMTP_URL is set; otherwise each message is written as an .eml
 * file to the outbox folder and its name is logged; its links (they carry tokens) only with
 * MAIL_LOG_LINKS=1 or in development, so a fresh machine can confirm a signup. Logs never contain an
 * address.
 */
import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";

export type Mail = {
  to: string;
  subject: string;
  text: string;
  html: string;
  headers: Record<string, string>;
};

export type Mailer = { send(mail: Mail): Promise<void> };

/**
 * How long a signup waits on a mail server before telling the reader it could not send. nodemailer's
 * defaults (2 minutes to connect, 10 minutes on a silent socket) held requests open that long when the
 * SMTP server hung.
 */
export const SMTP_TIMEOUTS = { connectionTimeout: 15_000, greetingTimeout: 15_000, socketTimeout: 20_000 };

export function createMailer(opts: {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  timeouts?: Partial<typeof SMTP_TIMEOUTS>;
  /** Print outbox links (they carry tokens) to the log: development only. */
  logLinks?: boolean;
}): Mailer {
  return smtpOrOutbox({
    ...opts,
    smtp: { ...SMTP_TIMEOUTS, ...opts.timeouts },
    onOutbox: (name, mail) => {
      // Links carry tokens that confirm or end a subscription: logged only when asked for.
      const links = opts.logLinks ? (mail.text.match(/https?:\/\/\S+\/newsletter\/\S+/g) ?? []) : [];
      console.info(
        `newsletter: wrote ${name} to the outbox (no SMTP_URL set)${links.length ? `; links: ${links.join(" ")}` : ""}`,
      );
    },
  });
}

/**
 * Where mail goes, for signups (createMailer) and newsletters (bulk-transport.ts) alike: SMTP with the
 * given nodemailer settings when SMTP_URL is set, else the outbox folder.
 */
export function smtpOrOutbox<M extends Mail & { messageId?: string }>(opts: {
  smtpUrl?: string;
  outboxDir: string;
  from: string;
  smtp: Record<string, unknown>;
  onOutbox?: (name: string, mail: M) => void;
}): { send(mail: M): Promise<void>; close(): void } {
  if (opts.smtpUrl) {
    const transport = nodemailer.createTransport({ url: opts.smtpUrl, ...opts.smtp });
    return {
      async send(mail) {
        await transport.sendMail({ from: opts.from, ...mail });
      },
      close: () => transport.close(),
    };
  }
  const outbox = createOutbox(opts.outboxDir, opts.from);
  return {
    async send(mail) {
      const name = await outbox(mail);
      opts.onOutbox?.(name, mail);
    },
    close: () => undefined,
  };
}

/** Writes each message as an .eml file in the outbox folder; returns the file's name. */
function createOutbox(
  outboxDir: string,
  from: string,
): (mail: Mail & { messageId?: string }) => Promise<string> {
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return async (mail) => {
    const info = await transport.sendMail({ from, ...mail });
    await fs.mkdir(outboxDir, { recursive: true });
    const name = `${new Date().toISOString().replace(/[:.]/g, "-")}-${randomBytes(4).toString("hex")}.eml`;
    await fs.writeFile(path.join(outboxDir, name), info.message);
    return name;
  };
}
