import { afterEach, describe, expect, it } from "vitest";
import { createBulkTransport, type BulkMail } from "./bulk-transport";
import { startSmtpSink, type SmtpSink } from "@/test/smtp-sink";

const message = (n: number) => ({
  to: `reader${n}@example.com`,
  subject: "Brief",
  text: "Text",
  html: "<p>Text</p>",
  headers: {},
  messageId: `<brief-${n}@example.com>`,
});

describe("the SMTP bulk transport", () => {
  let sink: SmtpSink | undefined;
  let transport: BulkMail | undefined;
  afterEach(async () => {
    transport?.close();
    await sink?.close();
  });

  it("holds the send rate to ratePerSecond however many messages are queued at once", async () => {
    sink = await startSmtpSink();
    const bulk = createBulkTransport({
      smtpUrl: sink.url,
      outboxDir: "",
      from: "Dispatch <news@example.com>",
      maxConnections: 3,
      ratePerSecond: 5,
    });
    transport = bulk;
    const accepted: number[] = [];
    const started = Date.now();
    // Fifteen at once: five go in the first second, five in the next, five in the third.
    await Promise.all(
      Array.from({ length: 15 }, (_, n) =>
        bulk.send(message(n)).then(() => accepted.push(Date.now() - started)),
      ),
    );
    expect(sink.byRecipient.size).toBe(15);
    accepted.sort((a, b) => a - b);
    // Uncapped, all fifteen land within a few hundred milliseconds on loopback.
    expect(accepted[5]).toBeGreaterThanOrEqual(950);
    expect(accepted[10]).toBeGreaterThanOrEqual(1950);
  }, 20_000);
});
