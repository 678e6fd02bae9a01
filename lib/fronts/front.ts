/**
 * A front as an editor writes it (`content/fronts/home.md`, `content/fronts/{section}.md`): the lead,
 * the top stories and, on the home front, the order of the section blocks. Each story is named
 * `{section}/{slug}`, as in its URL. Parsing checks the file alone (the names' shape, the sections);
 * whether a named story exists and is public is known only against the content (resolve.ts, check.ts).
 */
import { z } from "zod";
import { isSectionSlug, sectionSlugs } from "@/lib/config/site";
import { readMatter } from "@/lib/content/parse";
import { SLUG_MAX, SLUG_PATTERN } from "@/lib/content/schema";

/** Top stories a front may name (the home page's grid shows up to six). */
export const TOP_MAX = 6;

/** A story named by a front: its section and slug, and where the file names it (1-based line). */
export type FrontRef = { section: string; slug: string; line: number };

export type Front = {
  /** "home", or a section's slug. */
  name: string;
  /** How messages name the file, e.g. fronts/home.md. */
  label: string;
  lead?: FrontRef;
  top: FrontRef[];
  /** The home front's section blocks, in order (a section front has none). */
  sections?: string[];
};

/** A problem in a front file, with its line when one can be pointed at. */
export type FrontProblem = { file: string; line?: number; field?: string; message: string };

export function formatFrontProblem(p: FrontProblem): string {
  const at = p.line === undefined ? p.file : `${p.file}:${p.line}`;
  return p.field ? `${at}: ${p.field}: ${p.message}` : `${at}: ${p.message}`;
}

const REF = /^([a-z0-9-]+)\/([a-z0-9-]+)$/;

const refSchema = z
  .string({ error: 'must be a story named {section}/{slug}, e.g. "world/some-slug"' })
  .trim()
  .regex(REF, { error: 'must be a story named {section}/{slug}, e.g. "world/some-slug"', abort: true })
  .refine((s) => isSectionSlug(s.split("/")[0] ?? ""), {
    error: `names an unknown section: the sections are ${sectionSlugs.join(", ")}`,
    abort: true,
  })
  .refine((s) => SLUG_PATTERN.test(s.split("/")[1] ?? "") && (s.split("/")[1] ?? "").length <= SLUG_MAX, {
    error: "has a slug that is not one: lower-case letters, digits and single hyphens",
  });

const frontSchema = z.strictObject({
  lead: refSchema.optional(),
  top: z
    .array(refSchema, { error: "must be a list of stories, e.g. [world/one, asia/two]" })
    .max(TOP_MAX, { error: `must name at most ${TOP_MAX} stories` })
    .optional(),
  sections: z
    .array(z.enum(sectionSlugs, { error: `must be one of: ${sectionSlugs.join(", ")}` }), {
      error: `must be a list of sections, e.g. [${sectionSlugs.slice(0, 3).join(", ")}]`,
    })
    .refine((s) => new Set(s).size === s.length, { error: "must not repeat a section" })
    .optional(),
});

export type ParsedFront = { ok: true; front: Front } | { ok: false; problems: FrontProblem[] };

/** The front's name from its file name: home.md → "home", world.md → "world"; undefined for others. */
export function frontName(file: string): string | undefined {
  const m = /^([a-z0-9-]+)\.md$/.exec(file);
  const name = m?.[1];
  return name === "home" || (name !== undefined && isSectionSlug(name)) ? name : undefined;
}

/** Parses one front file's text. `label` names it in problems (e.g. fronts/home.md). */
export function parseFront(name: string, label: string, raw: string): ParsedFront {
  // Read as stories are (YAML's core schema, the same messages), one problem at most.
  const problems: FrontProblem[] = [];
  const read = readMatter(raw, (message) => problems.push({ file: label, message }));
  if (!read) return { ok: false, problems };
  const data = read.data;
  const result = frontSchema.safeParse(data);
  if (!result.success) {
    return {
      ok: false,
      problems: result.error.issues.flatMap((issue): FrontProblem[] => {
        if (issue.code === "unrecognized_keys")
          return issue.keys.map((key) => ({
            file: label,
            line: keyLine(raw, key),
            field: key,
            message: "is not a known field: a front has lead, top and (home only) sections",
          }));
        const [key, at] = issue.path;
        const field =
          typeof key === "string" ? (typeof at === "number" ? `${key}[${at + 1}]` : key) : undefined;
        return [
          {
            file: label,
            line: typeof key === "string" ? lineOfItem(raw, key, typeof at === "number" ? at : 0) : undefined,
            ...(field ? { field } : {}),
            message: issue.message,
          },
        ];
      }),
    };
  }
  const fm = result.data;
  if (name !== "home" && fm.sections) {
    return {
      ok: false,
      problems: [
        {
          file: label,
          line: keyLine(raw, "sections"),
          field: "sections",
          message: "is for the home front only",
        },
      ],
    };
  }
  const ref = (s: string, key: string, at = 0): FrontRef => {
    const [section = "", slug = ""] = s.split("/");
    return { section, slug, line: lineOfItem(raw, key, at) ?? 1 };
  };
  return {
    ok: true,
    front: {
      name,
      label,
      ...(fm.lead ? { lead: ref(fm.lead, "lead") } : {}),
      top: (fm.top ?? []).map((t, i) => ref(t, "top", i)),
      ...(fm.sections ? { sections: fm.sections } : {}),
    },
  };
}

/**
 * The 1-based line of the `at`-th value of a field: its key's line for a single value, and for a list
 * the line of that item, written as a block (`- a`) or inline (`[a, b]`, over one line or several).
 * Comments are not values. The key's own line when the items cannot be told apart.
 */
function lineOfItem(raw: string, key: string, at: number): number | undefined {
  const lines = raw.split("\n");
  const start = lines.findIndex((l) => l.startsWith(`${key}:`));
  if (start < 0) return undefined;
  let seen = 0;
  for (let i = start; i < lines.length; i++) {
    const line = lines[i] ?? "";
    // The field ends at the next key (or the closing ---).
    if (i > start && /^(?:[^\s#-]|---)/.test(line)) break;
    const text = (i === start ? line.slice(key.length + 1) : line).replace(/(^|\s)#.*$/, "");
    const items = text
      .replace(/^\s*-\s/, "")
      .split(/[[\],]/)
      .map((t) => t.trim())
      .filter(Boolean);
    if (seen + items.length > at) return i + 1;
    seen += items.length;
  }
  return start + 1;
}

function keyLine(raw: string, key: string): number | undefined {
  const i = raw.split("\n").findIndex((l) => l.startsWith(`${key}:`));
  return i < 0 ? undefined : i + 1;
}
