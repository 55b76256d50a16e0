import { ApolloProvider, useMutation } from '@apollo/client/react';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { UPDATE_SOLUTION_INSTANCE, useSolutionInstance } from '../../index.js';
import type { StoryContext } from '../types.js';

/** The seeded Slack instance whose required "Slack channel" is empty. */
const INSTANCE_ID = 'si-slack-missing-values';

/**
 * The seed's "custom form experience": the partner's own form instead of Tray's wizard.
 * It saves the values with updateSolutionInstance, then enables through our hook, which
 * always sends errorOnEnablingWithMissingValues: true.
 */
function SlackForm({ context }: { context: StoryContext }) {
  const { instance, enable, disable, state, error } = useSolutionInstance(INSTANCE_ID);
  const [save, saving] = useMutation(UPDATE_SOLUTION_INSTANCE);
  const [channel, setChannel] = useState('');
  const [fieldError, setFieldError] = useState('');
  const channelId = useId();
  const { ready } = context;
  useEffect(() => {
    if (instance) ready(); // the instance loaded: its status is on screen
  }, [instance, ready]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (channel.trim() !== '' && !/^#[a-z0-9_-]{1,80}$/.test(channel.trim())) {
      setFieldError('A channel starts with # and uses lowercase letters, digits, - or _.');
      return;
    }
    setFieldError('');
    if (channel.trim()) {
      const value = JSON.stringify(channel.trim());
      await save({ variables: { input: { solutionInstanceId: INSTANCE_ID, configValues: [{ externalId: 'slack_channel', value }] } } });
    }
    const enabled = await enable();
    context.log(enabled ? 'enabled' : 'enable refused', enabled ?? error?.code);
  };

  return (
    <form className="demo-custom-form" onSubmit={(e) => void submit(e)} noValidate>
      <p role="status">
        Slack alerts: <strong>{state === 'loading' ? 'Loading…' : instance?.enabled ? 'Enabled' : 'Disabled'}</strong>
      </p>
      <label htmlFor={channelId}>Slack channel</label>
      <input id={channelId} value={channel} onChange={(e) => setChannel(e.target.value)} placeholder="#alerts" aria-describedby={fieldError ? `${channelId}-error` : undefined} />
      {fieldError && <p id={`${channelId}-error`} role="alert">{fieldError}</p>}
      {error && <p role="alert">{error.code === 'missing_values' ? 'Fill in the Slack channel before enabling.' : error.message}</p>}
      {saving.error && <p role="alert">Could not save: {saving.error.message}</p>}
      <div className="rte-actions">
        <button type="submit" className="rte-button rte-button--primary" disabled={state === 'enabling' || saving.loading}>
          Save and enable
        </button>
        {instance?.enabled && (
          <button type="button" className="rte-button" onClick={() => void disable()}>
            Disable
          </button>
        )}
      </div>
    </form>
  );
}

export function CustomFormStory({ context }: { context: StoryContext }) {
  return (
    <ApolloProvider client={context.liveClient}>
      <SlackForm context={context} />
    </ApolloProvider>
  );
}
