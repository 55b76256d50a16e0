/**
 * Bundles an entry file the way a partner's production build would ship it: Vite (Rolldown),
 * minified, ES module, the partner's own packages external, then without the pure annotations
 * a library build keeps for tree-shaking (the partner's minifier drops them). Used for our
 * entries (against the built package) and for the peer packages alike, so both get the same
 * bundler and the same settings.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build, type Rolldown } from 'vite';

/** Both spellings bundlers emit, with or without spaces: `/*#__PURE__*\/`, `/* @__PURE__ *\/`. */
const ANNOTATION = /\/\*\s*[#@]__(?:PURE|NO_SIDE_EFFECTS)__\s*\*\/ ?/g;

export function stripPureAnnotations(code: string): string {
  // `return/* @__PURE__ */ e(…)` must become `return e(…)`, not `returne(…)`: where the
  // annotation stood between two word characters, a space stays.
  const stripped = code.replace(ANNOTATION, (match, offset: number) =>
    /\w/.test(code[offset - 1] ?? '') && /\w/.test(code[offset + match.length] ?? '') ? ' ' : '',
  );
  // A form the pattern misses would be counted as shipped bytes; fail rather than miscount.
  const left = /\/\*[^*]*__(?:PURE|NO_SIDE_EFFECTS)__[^*]*\*\//.exec(stripped);
  if (left) throw new Error(`partnerBundle: an annotation survived stripping: ${left[0]}`);
  return stripped;
}

export interface PartnerBundle {
  /**
   * What the partner's page loads up front, minified, annotations stripped: the entry chunk
   * and every chunk it imports statically.
   */
  code: string;
  /** Each chunk loaded only on demand, through `import()` (our in-page dialog), as shipped. */
  onDemand: string[];
  /** Every module the bundle holds (absolute paths): shows which build of a package resolved. */
  moduleIds: string[];
}

/** `external` matches the import specifiers the partner's app already has (its peers). */
export async function bundleLikeAPartner(entryFile: string, external: RegExp): Promise<PartnerBundle> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      minify: true,
      lib: { entry: entryFile, formats: ['es'], fileName: 'entry' },
      rolldownOptions: { external: (id: string) => external.test(id), output: { minify: true } },
    },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs
    .flatMap((o) => o.output)
    .filter((chunk): chunk is Rolldown.OutputChunk => chunk.type === 'chunk');
  // Up front: the entries and what they import statically, however deep; the rest is fetched
  // only when an `import()` runs, so a page that never runs it never pays for it.
  const byFile = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
  const upFront = new Set<Rolldown.OutputChunk>();
  const load = (chunk: Rolldown.OutputChunk | undefined) => {
    if (!chunk || upFront.has(chunk)) return;
    upFront.add(chunk);
    chunk.imports.forEach((file) => load(byFile.get(file)));
  };
  chunks.filter((chunk) => chunk.isEntry).forEach(load);
  return {
    code: stripPureAnnotations([...upFront].map((chunk) => chunk.code).join('')),
    onDemand: chunks.filter((chunk) => !upFront.has(chunk)).map((chunk) => stripPureAnnotations(chunk.code)),
    moduleIds: chunks.flatMap((chunk) => chunk.moduleIds),
  };
}

export const gzipBytes = (code: string | Buffer) => gzipSync(code, { level: 9 }).length;
export const brotliBytes = (code: string | Buffer) =>
  brotliCompressSync(code, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** `4.00 KB (4092 B)`: KB for reading, bytes for comparing with a budget. */
export const formatBytes = (bytes: number) => `${(bytes / 1024).toFixed(2)} KB (${bytes} B)`;
