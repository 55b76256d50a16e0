// The whole /server entry (runs on the partner's server; never in the browser bundle).
export * from 'react-tray-embedded/server';
