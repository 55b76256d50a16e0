import { useEffect, useState } from 'react';
import { DEMO_CONFIG_URL, type DemoConfig } from './config.js';

/**
 * Asks the demo backend what it runs (mock or real Tray). A static build has no backend: the
 * page then starts the mock Tray and our handler inside itself (loaded only in that case).
 */
export function useDemoConfig(): DemoConfig | null {
  const [config, setConfig] = useState<DemoConfig | null>(null);
  useEffect(() => {
    let live = true;
    fetch(DEMO_CONFIG_URL)
      .then((r) => (r.ok ? (r.json() as Promise<DemoConfig>) : Promise.reject(new Error(String(r.status)))))
      .catch(() => import('./static/inBrowserTray.js').then((m) => m.startInBrowserTray()))
      .then((c) => live && setConfig(c));
    return () => {
      live = false;
    };
  }, []);
  return config;
}
