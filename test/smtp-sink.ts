/**
 * A real SMTP server on loopback (smtp-server) for newsletter tests: counts what it accepts by
 * recipient and Message-ID, and answers chosen recipients with 550 (permanent) or 451 (temporary).
 */
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type SmtpSink = {
  port: number;
  url: string;
  /** "recipient|message-id" → times accepted. */
  accepted: Map<string, number>;
  /** Messages accepted per recipient. */
  byRecipient: Map<string, number>;
  /** Recipients to refuse, and how: 550 always, or 451 for the first `times` tries. */
  refuse: Map<string, { code: 550 } | { code: 451; times: number }>;
  /** Whole messages, when `keepMessages` is on: envelope recipients and the data. */
  received: { to: string[]; data: string }[];
  keepMessages: boolean;
  close(): Promise<void>;
};

export function startSmtpSink(options: { keepMessages?: boolean } = {}): Promise<SmtpSink> {
  const sink: SmtpSink = {
    port: 0,
    url: "",
    close: () => new Promise((done) => server.close(() => done())),
    accepted: new Map(),
    byRecipient: new Map(),
    refuse: new Map(),
    received: [],
    keepMessages: options.keepMessages ?? false,
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    size: 1024 * 1024,
    onRcptTo(address, _session, callback) {
      const rule = sink.refuse.get(address.address);
      if (!rule) return callback();
      if (rule.code === 451 && rule.times <= 0) return callback();
      if (rule.code === 451) rule.times--;
      const error = Object.assign(new Error(rule.code === 550 ? "no such mailbox" : "try again later"), {
        responseCode: rule.code,
      });
      callback(error);
    },
    onData(stream, session, callback) {
      let data = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => (data += chunk));
      stream.on("end", () => {
        const id = /^Message-ID:\s*(.+)$/im.exec(data)?.[1]?.trim() ?? "(none)";
        for (const r of session.envelope.rcptTo) {
          const key = `${r.address}|${id}`;
          sink.accepted.set(key, (sink.accepted.get(key) ?? 0) + 1);
          sink.byRecipient.set(r.address, (sink.byRecipient.get(r.address) ?? 0) + 1);
        }
        // Kept with header lines unfolded and quoted-printable soft breaks and "=" undone, so tests
        // read each header and link whole.
        if (sink.keepMessages)
          sink.received.push({
            to: session.envelope.rcptTo.map((r) => r.address),
            data: data
              .replace(/=\r\n/g, "")
              .replace(/=3D/g, "=")
              .replace(/\r\n[ \t]+/g, " "),
          });
        callback();
      });
    },
  });
  // A client killed mid-message resets its connection: expected here, not a test failure.
  server.on("error", () => undefined);
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      const address: AddressInfo | string | null = server.server.address();
      sink.port = typeof address === "object" && address ? address.port : 0;
      sink.url = `smtp://127.0.0.1:${sink.port}`;
      resolve(sink);
    });
  });
}
