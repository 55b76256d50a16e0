import { ApolloProvider } from '@apollo/client/react';
import { useEffect, useRef, useState } from 'react';
import { SolutionInstanceEnabler, type SolutionInstanceEnablerProps } from '../../index.js';
import type { StoryContext } from '../types.js';
import { createScriptedClient, type MutationScript } from './scriptedClient.js';
import { installFakePopup, SCRIPTED_WIZARD_URL, type FakePopupControl } from './fakePopup.js';

/** A step a story plays after mounting: click a button by its name, or post a wizard message. */
export type PlayStep = { click: string } | { wizard: unknown };

export interface ScriptedEnablerProps {
  context: StoryContext;
  enabled?: boolean;
  mutation?: MutationScript;
  popup?: 'fake' | 'blocked';
  play?: PlayStep[];
  props?: Partial<SolutionInstanceEnablerProps>;
}

/** The real SolutionInstanceEnabler on a scripted server, driven into one state. */
export function ScriptedEnabler({ context, enabled = false, mutation = 'ok', popup, play = [], props }: ScriptedEnablerProps) {
  const [client] = useState(() => createScriptedClient({ id: 'si-demo', name: 'Slack alerts', enabled }, mutation));
  const box = useRef<HTMLDivElement>(null);
  const fake = useRef<FakePopupControl | null>(null);
  const played = useRef(false);

  useEffect(() => {
    if (popup) fake.current = installFakePopup({ blocked: popup === 'blocked' });
    return () => fake.current?.restore();
  }, [popup]);

  useEffect(() => {
    // StrictMode mounts twice in development; the steps play once.
    if (played.current) return;
    played.current = true;
    void (async () => {
      for (const step of play) {
        await waitFor(() => ('click' in step ? findButton(box.current, step.click) : box.current?.dataset['ready'] ?? true));
        if ('click' in step) findButton(box.current, step.click)?.click();
        else fake.current?.post(step.wizard);
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    })();
  }, [play]);

  return (
    <ApolloProvider client={client}>
      <div ref={box}>
        <SolutionInstanceEnabler
          solutionInstanceId="si-demo"
          getWizardUrl={() => SCRIPTED_WIZARD_URL}
          onEnabled={(instance) => context.log('onEnabled', instance)}
          onDisabled={(instance) => context.log('onDisabled', instance)}
          onCancel={() => context.log('onCancel')}
          onError={(error) => context.log('onError', { code: error.code, message: error.message })}
          {...props}
        />
      </div>
    </ApolloProvider>
  );
}

function findButton(root: HTMLElement | null, name: string): HTMLButtonElement | undefined {
  return [...(root?.querySelectorAll('button') ?? [])].find((b) => b.textContent === name && !b.disabled);
}

async function waitFor(check: () => unknown, timeoutMs = 3000): Promise<void> {
  const started = Date.now();
  while (!check() && Date.now() - started < timeoutMs) await new Promise((resolve) => setTimeout(resolve, 20));
}
