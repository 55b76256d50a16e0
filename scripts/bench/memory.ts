import { execFileSync } from 'node:child_process';
import type { BenchRow } from '../bench.js';

/** Mount → open the wizard → unmount, 6 × 1,000 times (in a child process that may call gc()). */
export default async function bench(): Promise<BenchRow[]> {
  const out = execFileSync(process.execPath, ['--expose-gc', '--import', 'tsx', 'scripts/bench/_memoryChild.ts'], {
    encoding: 'utf8',
    timeout: 240_000,
    // React's act() exists only in its development build; a Vite build earlier in the same
    // bench run sets NODE_ENV=production, which the child would otherwise inherit.
    env: { ...process.env, NODE_ENV: 'development' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const r = JSON.parse(out.trim().split('\n').at(-1)!) as { heaps: number[]; liveListeners: number; liveIntervals: number; openedListeners: number };
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(0)} KB`;
  const growth = r.heaps.slice(1).map((h, i) => kb(h - r.heaps[i]!));
  return [
    { name: 'enabler mount/open/unmount, heap growth per block of 1,000 (6 blocks)', value: growth.join(', '), target: 'last blocks ≈ noise' },
    { name: 'enabler ×1000: message listeners while the wizard was open', value: String(r.openedListeners) },
    { name: 'enabler ×1000: message listeners / intervals left after unmount', value: `${r.liveListeners} / ${r.liveIntervals}`, target: '0 / 0' },
  ];
}
