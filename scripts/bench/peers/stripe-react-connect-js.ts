// Stripe Connect embedded components as their docs wire them: the provider and the onboarding
// component from @stripe/react-connect-js, and the loader from its peer @stripe/connect-js
// (which the partner installs too, so it is counted here, not external).
export { ConnectAccountOnboarding, ConnectComponentsProvider } from '@stripe/react-connect-js';
export { loadConnectAndInitialize } from '@stripe/connect-js';
