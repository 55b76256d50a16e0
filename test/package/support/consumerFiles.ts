/**
 * The throwaway partner app of consumer.test.ts, file by file. Kept as strings (not files
 * under test/) so the repository's own type-check never resolves `react-tray-embedded`
 * to this checkout.
 */

/** Imports every entry with plain Node ESM and reports any browser global our code touched. */
export const IMPORTS_MJS = `
const touched = [];
// Node has no window/document/localStorage; these traps also catch a \`typeof window\` test,
// and count only reads made from the package's own files (peers may probe the environment).
for (const name of ['window', 'document', 'localStorage', 'sessionStorage', 'navigator']) {
  const original = Object.getOwnPropertyDescriptor(globalThis, name);
  Object.defineProperty(globalThis, name, {
    configurable: true,
    get() {
      const stack = new Error().stack ?? '';
      if (stack.includes('/node_modules/react-tray-embedded/')) touched.push(name + ' read ' + stack.split('\\n')[2]?.trim());
      return original?.get ? original.get.call(globalThis) : original?.value;
    },
  });
}
const entries = ['react-tray-embedded', 'react-tray-embedded/core', 'react-tray-embedded/server', 'react-tray-embedded/listing'];
const exports = {};
for (const entry of entries) exports[entry] = Object.keys(await import(entry)).sort();
const css = ['react-tray-embedded/styles.css', 'react-tray-embedded/listing.css'].map((id) => import.meta.resolve(id));
console.log(JSON.stringify({ exports, touched, css }));
`;

/** A CommonJS server requiring the framework-agnostic entries (Node's require(esm), ≥ 20.19). */
export const REQUIRE_CJS = `
const server = require('react-tray-embedded/server');
const core = require('react-tray-embedded/core');
const listing = require('react-tray-embedded/listing');
console.log(JSON.stringify([typeof server.createTrayHandler, typeof core.WizardSession, typeof listing.buildSolutionPatch]));
`;

/** Server-renders the enabler inside the partner's ApolloProvider, as Next.js would. */
export const RENDER_MJS = `
import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import { Observable } from 'rxjs';
import { SolutionInstanceEnabler } from 'react-tray-embedded';

const client = new ApolloClient({ link: new ApolloLink(() => new Observable(() => {})), cache: new InMemoryCache() });
const html = renderToString(
  createElement(ApolloProvider, { client }, createElement(SolutionInstanceEnabler, {
    solutionInstanceId: 'si-1',
    getWizardUrl: async () => 'https://embedded.tray.io/external/solutions/e/configure/si-1?code=c',
  })),
);
console.log(JSON.stringify({ html }));
`;

/**
 * A partner's code against the public types. The @ts-expect-error lines fail the check if
 * the types ever resolve to \`any\` (an unused directive is an error).
 */
export const CONSUMER_TSX = `
import { ApolloClient, ApolloLink, InMemoryCache } from '@apollo/client';
import { ApolloProvider } from '@apollo/client/react';
import {
  SolutionInstanceEnabler,
  TrayEmbeddedProvider,
  createWizardUrlFetcher,
  type SolutionInstanceEnablerProps,
  type TrayEmbeddedErrorCode,
} from 'react-tray-embedded';
import { WizardSession, type WizardState } from 'react-tray-embedded/core';
import { createTrayHandler, toNodeListener, type TrayHandler } from 'react-tray-embedded/server';
import { buildSolutionPatch, type SolutionPatch } from 'react-tray-embedded/listing';

const client = new ApolloClient({ link: ApolloLink.empty(), cache: new InMemoryCache() });
const getWizardUrl = createWizardUrlFetcher({ endpoint: '/api/tray/wizard-url' });

const props: SolutionInstanceEnablerProps = {
  solutionInstanceId: 'si-1',
  onError: (error) => {
    const code: TrayEmbeddedErrorCode = error.code;
    console.warn(code, error.message);
  },
};

export function App() {
  return (
    <ApolloProvider client={client}>
      <TrayEmbeddedProvider getWizardUrl={getWizardUrl}>
        <SolutionInstanceEnabler {...props} onEnabled={(instance) => console.log(instance.id)} />
      </TrayEmbeddedProvider>
    </ApolloProvider>
  );
}

// @ts-expect-error solutionInstanceId is required
export const withoutId = <SolutionInstanceEnabler />;

export const session = new WizardSession({ getWizardUrl: () => getWizardUrl('si-1') });
export const state: WizardState = session.getSnapshot();

export function makeHandler(): TrayHandler {
  return createTrayHandler({ masterToken: 'server-only', embeddedId: 'acme', getUser: () => ({ userId: 'u-1' }) });
}
export const listener = toNodeListener(makeHandler());

// @ts-expect-error masterToken is required
createTrayHandler({ embeddedId: 'acme', getUser: () => null });

export const patch: SolutionPatch | null = buildSolutionPatch({ displayName: 'A' }, { displayName: 'B' });
`;

const compilerOptions = { target: 'ES2022', lib: ['ES2022', 'DOM'], jsx: 'react-jsx', strict: true, noEmit: true, types: [] };

/**
 * Two partner setups: a bundler app, where our own declarations are checked too
 * (skipLibCheck off), and plain Node (node16), where skipLibCheck stays on because a peer's
 * dependency (@wry/caches, under @apollo/client) has extensionless relative imports that
 * node16 rejects; not ours to fix, and our entries still resolve and type the consumer.
 */
export const TSCONFIGS = {
  'tsconfig.bundler.json': {
    compilerOptions: { ...compilerOptions, module: 'ESNext', moduleResolution: 'Bundler', skipLibCheck: false },
    files: ['consumer.tsx'],
  },
  'tsconfig.node16.json': {
    compilerOptions: { ...compilerOptions, module: 'Node16', moduleResolution: 'Node16', skipLibCheck: true },
    files: ['consumer.tsx'],
  },
};
