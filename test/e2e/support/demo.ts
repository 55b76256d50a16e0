import type { FrameLocator, Page, Request } from 'playwright-core';
import { startDemo, type RunningDemo } from '../../../src/demo/server/startDemo';
import { E2E_DEMO_DIR } from './globalSetup';

/** The built demo (see globalSetup), our handler and a fresh mock Tray, on free loopback ports. */
export function startE2EDemo(options: { extraInstances?: number } = {}): Promise<RunningDemo> {
  return startDemo({ mode: 'preview', port: 0, apiPort: 0, wizardPort: 0, build: false, outDir: E2E_DEMO_DIR, ...options });
}

export interface GraphqlCall {
  operationName: string | undefined;
  query: string;
  variables: Record<string, any>;
}

/** Every GraphQL request the page sends to our handler, in order. */
export function recordGraphql(page: Page): GraphqlCall[] {
  const calls: GraphqlCall[] = [];
  page.on('request', (request: Request) => {
    if (request.method() !== 'POST' || !request.url().endsWith('/api/tray/graphql')) return;
    const body = request.postDataJSON() as { operationName?: string; query: string; variables?: Record<string, any> };
    calls.push({ operationName: body.operationName, query: body.query, variables: body.variables ?? {} });
  });
  return calls;
}

export const enableCalls = (calls: GraphqlCall[]) => calls.filter((c) => c.query.includes('updateSolutionInstance'));

/**
 * Fills the mock wizard (labels as given, matched loosely) step by step and presses Finish, in
 * its popup or in the in-page dialog's frame. Returns once Finish was pressed; the wizard then
 * saves and posts tray.configPopup.finish. Auth steps keep the account the wizard preselects.
 */
export async function completeWizard(popup: Page | FrameLocator, fill: Record<string, string> = {}): Promise<void> {
  await popup.locator('#form:not([hidden])').waitFor();
  for (let step = 0; step < 10; step += 1) {
    for (const [label, value] of Object.entries(fill)) {
      const input = popup.getByLabel(label, { exact: false });
      if (await input.isVisible().catch(() => false)) await input.fill(value);
    }
    const next = popup.locator('#next');
    const text = await next.innerText();
    await next.click();
    if (/finish/i.test(text)) return;
  }
  throw new Error('The wizard never showed Finish.');
}
