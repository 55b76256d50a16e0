import express from 'express';
import { createTrayHandler, toNodeListener } from 'react-tray-embedded/server';

const tray = createTrayHandler({
  masterToken: process.env.TRAY_MASTER_TOKEN, // stays on your server
  embeddedId: process.env.TRAY_EMBEDDED_ID, // Tray dashboard's "Embedded ID", not a solution id
  graphqlUrl: process.env.TRAY_GRAPHQL_URL, // the sandbox's; for real Tray leave out, set region
  wizardHost: process.env.TRAY_WIZARD_HOST, // the sandbox's wizard origin; likewise
  getUser: () => ({ userId: process.env.TRAY_USER_ID }), // your sign-in decides who this is
});
express().use('/api/tray', toNodeListener(tray)).listen(process.env.PORT ?? 3001, '127.0.0.1');
