import { buildDemo } from '../../../src/demo/server/startDemo';
import { chromiumPath } from './browser';

export const E2E_DEMO_DIR = 'dist-demo-e2e';

/** Once per run: fail early and clearly without Chromium, and build the demo the tests serve. */
export default async function setup(): Promise<void> {
  chromiumPath();
  await buildDemo(E2E_DEMO_DIR);
}
