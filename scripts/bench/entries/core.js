// The whole /core entry (the framework-agnostic wizard session, messages, errors).
export * from 'react-tray-embedded/core';
