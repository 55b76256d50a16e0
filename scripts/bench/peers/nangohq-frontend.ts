// Nango's frontend SDK: its default export, the Nango class (openConnectUI, auth).
export { default as Nango } from '@nangohq/frontend';
