/**
 * The search index's writer (lib/search/engine.ts), on a worker thread: turns stories' Markdown into
 * plain text and writes them to the SQLite FTS5 table, one transaction per message. The server's own
 * thread only reads the table (WAL: it sees each committed batch, never half of one). At 100k
 * stories the first build took ~20 s of the server's thread and every page waited behind it
 * (issue 26).
 *
 * Plain JavaScript, loaded by path at run time (Next.js does not bundle worker files).
 */
import SQLite from "better-sqlite3";
import { setPriority } from "node:os";
import { parentPort, workerData } from "node:worker_threads";
import { inflateRawSync } from "node:zlib";
import { markdownToText } from "./plain-text.mjs";

// Far below the server's own thread (on Linux, setpriority on the calling thread touches only that
// thread): when the two cores are short, pages come first and indexing waits. Nice 19, the lowest: at
// nice 10 the first index build still cost the first minute of pages a third of their throughput
// at 100k stories (bench:scale: 138-178 req/s against 229 steady; at 19: 199-261 against 233).
try {
  setPriority(19);
} catch {
  // Not permitted here: it runs at the server's priority.
}

const { file, createSql, insertSql, windowBits } = workerData;
const db = new SQLite(file);
// WAL: the reader on the server's thread sees the last committed batch while this one writes.
db.pragma("journal_mode = WAL");
db.pragma("synchronous = OFF");
db.exec(createSql);
const remove = db.prepare("DELETE FROM docs WHERE rowid = ?");
const insert = db.prepare(insertSql);
// A live story's updates, one row each (created with the table: engine.ts's createSql).
const updatesOf = db.prepare("SELECT rowid FROM update_ids WHERE story = ?").pluck();
const removeUpdateText = db.prepare("DELETE FROM updates WHERE rowid = ?");
const removeUpdateIds = db.prepare("DELETE FROM update_ids WHERE story = ?");
const insertUpdateId = db.prepare("INSERT INTO update_ids(story, id) VALUES (?, ?)");
const insertUpdateText = db.prepare("INSERT INTO updates(rowid, text) VALUES (?, ?)");

/** A body that does not inflate (damaged bytes) is indexed without its text, not the whole batch lost. */
function unpack(packed) {
  try {
    return inflateRawSync(packed, { windowBits }).toString("utf8");
  } catch {
    return "";
  }
}

/** One message: rows to delete, then rows to write, in one transaction. */
const write = db.transaction((removed, added) => {
  for (const rowid of removed) {
    remove.run(BigInt(rowid));
    for (const u of updatesOf.all(BigInt(rowid))) removeUpdateText.run(u);
    removeUpdateIds.run(BigInt(rowid));
  }
  for (const d of added) {
    // A packed body (lib/content/body.ts) is inflated here, not on the server's thread.
    const texts = d.packed ? [unpack(d.packed), ...d.texts] : d.texts;
    insert.run(BigInt(d.rowid), d.title, d.standfirst, texts.map(markdownToText).join("\n"), d.topics);
    for (const u of d.updates ?? []) {
      const { lastInsertRowid } = insertUpdateId.run(BigInt(d.rowid), u.id);
      insertUpdateText.run(BigInt(lastInsertRowid), markdownToText(u.text));
    }
  }
});

parentPort.on("message", ({ id, removed, added }) => {
  try {
    write(removed, added);
    parentPort.postMessage({ id });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error) });
  }
});
parentPort.postMessage({ ready: true });
