/** What the bin loads once the flags are read: the mock Tray's servers and its seed, as one chunk. */
export { startMockTray } from '../server.js';
export { SEED_IDS } from '../seed.js';
