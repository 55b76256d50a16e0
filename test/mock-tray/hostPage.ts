import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A stand-in for the partner's page, on its own origin: it opens the wizard as a popup (or in
 * an iframe with our dialog's sandbox), records every message it receives (origin, whether it
 * came from that window, data), answers `tray.configPopup.validate` with whatever
 * `window.validationErrors` returns (`null`: no answer), and `tray.authpopup.accountIdRequest`
 * with `window.accountId` when set.
 */
const hostScript = `
  window.received = [];
  window.validateRequests = [];
  window.validationErrors = function () { return {}; };
  window.addEventListener('message', function (event) {
    window.received.push({ origin: event.origin, fromPopup: event.source === window.popup, data: event.data });
    if (event.source === window.popup && event.data && event.data.type === 'tray.authpopup.accountIdRequest' && window.accountId !== undefined) {
      window.popup.postMessage({ type: 'tray.authpopup.accountIdRequest', data: window.accountId }, event.origin);
    }
    if (event.source !== window.popup || !event.data || event.data.type !== 'tray.configPopup.validate') return;
    window.validateRequests.push(event.data.data);
    var errors = window.validationErrors(event.data.data);
    if (errors === null) return;
    var reply = function (data) { window.popup.postMessage({ type: 'tray.configPopup.client.validation', data: data }, event.origin); };
    reply({ inProgress: true });
    setTimeout(function () { reply({ inProgress: false, errors: errors }); }, 0);
  });
  window.openWizard = function (url) { window.popup = window.open(url, 'tray-wizard', 'width=640,height=720'); return Boolean(window.popup); };
  window.frameWizard = function (url, sandbox) {
    var frame = document.createElement('iframe');
    frame.title = 'Wizard';
    frame.setAttribute('sandbox', sandbox);
    frame.style.width = '640px';
    frame.style.height = '720px';
    document.body.appendChild(frame);
    window.popup = frame.contentWindow;
    frame.src = url;
  };
`;

function page(noReferrer: boolean): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8">${noReferrer ? '<meta name="referrer" content="no-referrer">' : ''}
<title>Host</title></head><body><h1>Host app</h1><script>${hostScript}</script></body></html>`;
}

export interface HostPage {
  origin: string;
  close(): Promise<void>;
}

/** Serves `/` (sends a referrer) and `/no-referrer` on 127.0.0.1, a free port. */
export async function startHostPage(): Promise<HostPage> {
  const server: Server = createServer((request, response) => {
    const noReferrer = request.url === '/no-referrer';
    if (request.url !== '/' && !noReferrer) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(page(noReferrer));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
