import { ScriptedEnabler } from '../scripted/ScriptedEnabler.js';
import type { Story } from '../types.js';

const baseProps = { solutionInstanceId: 'si-demo', getWizardUrl: '(id) => fetch wizard URL from your backend' };
const finish = { wizard: { type: 'tray.configPopup.finish' } };

/** Every state of the enabler, each on a scripted server so it looks the same every time. */
export const enablerStories: Story[] = [
  {
    id: 'enabler-disabled',
    title: 'Disabled (idle)',
    group: 'Enabler',
    description: 'A configured-or-not instance that is not enabled. Configure opens Tray’s wizard; Enable is the fallback.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} shows="Disabled" />,
  },
  {
    id: 'enabler-waiting',
    title: 'Waiting for the wizard',
    group: 'Enabler',
    description: 'The wizard popup is open; the widget waits for its finish, cancel or error message.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} popup="fake" play={[{ click: 'Configure' }]} shows="Waiting for the wizard…" />,
  },
  {
    id: 'enabler-enabling',
    title: 'Enabling…',
    group: 'Enabler',
    description: 'The wizard finished; updateSolutionInstance(enabled: true, errorOnEnablingWithMissingValues: true) is in flight.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} popup="fake" mutation="hold" play={[{ click: 'Configure' }, finish]} shows="Enabling…" />,
  },
  {
    id: 'enabler-enabled',
    title: 'Enabled',
    group: 'Enabler',
    description: 'The server confirmed enabled: true. Reconfigure reopens the wizard; Disable turns it off.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} popup="fake" play={[{ click: 'Configure' }, finish]} shows="Enabled" />,
  },
  {
    id: 'enabler-disabled-after',
    title: 'Disabled again',
    group: 'Enabler',
    description: 'An enabled instance, disabled by the user.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} enabled play={[{ click: 'Disable' }]} shows="Disabled" />,
  },
  {
    id: 'enabler-missing-values',
    title: 'Missing values',
    group: 'Enabler',
    description: 'Tray refused to enable because required settings are empty. The status stays Disabled; Finish setup reopens the wizard.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} popup="fake" mutation="missing-values" play={[{ click: 'Configure' }, finish]} shows="Some required settings are missing." />,
  },
  {
    id: 'enabler-popup-blocked',
    title: 'Popup blocked',
    group: 'Enabler',
    description: 'The browser blocked the wizard window. The user can allow pop-ups, or use Enable.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} popup="blocked" play={[{ click: 'Configure' }]} shows="The setup window was blocked." />,
  },
  {
    id: 'enabler-wizard-error',
    title: 'Wizard error',
    group: 'Enabler',
    description: 'The wizard posted tray.configPopup.error; its data.err is shown after our words.',
    props: baseProps,
    render: (context) => (
      <ScriptedEnabler
        context={context}
        popup="fake"
        play={[{ click: 'Configure' }, { wizard: { type: 'tray.configPopup.error', err: 'Slack authentication failed: token revoked' } }]}
        shows="Slack authentication failed: token revoked"
      />
    ),
  },
  {
    id: 'enabler-cancelled',
    title: 'Wizard cancelled',
    group: 'Enabler',
    description: 'The user pressed Cancel in the wizard: nothing changes, and the status says so.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} popup="fake" play={[{ click: 'Configure' }, { wizard: { type: 'tray.configPopup.cancel' } }]} shows="Setup was cancelled." />,
  },
  {
    id: 'enabler-network-error',
    title: 'Network error',
    group: 'Enabler',
    description: 'The enable request never reached the server. Try again repeats it.',
    props: baseProps,
    render: (context) => <ScriptedEnabler context={context} mutation="network-error" play={[{ click: 'Enable' }]} shows="Could not reach the server." />,
  },
  {
    id: 'enabler-custom-labels',
    title: 'Custom labels',
    group: 'Enabler',
    description: 'Every visible string can be replaced through labels (here in German).',
    props: { ...baseProps, labels: { configure: 'Einrichten', enable: 'Aktivieren', disabled: 'Deaktiviert' } },
    render: (context) => (
      <ScriptedEnabler context={context} shows="Deaktiviert" props={{ labels: { configure: 'Einrichten', enable: 'Aktivieren', disable: 'Deaktivieren', enabled: 'Aktiviert', disabled: 'Deaktiviert', reconfigure: 'Neu einrichten' } }} />
    ),
  },
];
