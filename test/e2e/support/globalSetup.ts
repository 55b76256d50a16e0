import { buildDemo } from '../../../src/demo/server/startDemo';
import { chromiumExecutable } from '../../support/chromium';

export const E2E_DEMO_DIR = 'dist-demo-e2e';

/** Once per run: fail early and clearly without Chromium, and build the demo the tests serve. */
export default async function setup(): Promise<void> {
  chromiumExecutable();
  await buildDemo(E2E_DEMO_DIR);
}
