/**
 * Starts the HTTP + websocket server on a port (0 = ephemeral) and returns its URL and a graceful
 * `close()`: stop accepting, close chat sockets, finish turns in progress, then close the database.
 * Used by `main.ts`, the integration tests and the UI team's browser tests.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadSettings, type Settings } from '../../config/settings.ts';
import { composeSystem, type ComposeOverrides } from './compose.ts';
import { attachChatSocket } from './ws/chat-socket.ts';
import type { Services } from './services/services.ts';

/** The groups of settings that `mergeSettings` merges key by key. */
type MergedGroup = 'embedder' | 'limits' | 'cases' | 'store' | 'server' | 'safety' | 'uploads' | 'ocr';

/** Settings to put over the environment's: any top-level value, or some keys of a merged group. */
export type SettingsOverride = Partial<Omit<Settings, MergedGroup>> & {
  [Group in MergedGroup]?: Partial<Settings[Group]>;
};

export interface StartOptions extends ComposeOverrides {
  settings?: SettingsOverride;
  port?: number;
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
  services: Services;
}

/** Settings from the environment with `override` on top; nested groups are merged, not replaced. */
export function mergeSettings(base: Settings, override: SettingsOverride = {}): Settings {
  return {
    ...base,
    ...override,
    embedder: { ...base.embedder, ...override.embedder },
    limits: { ...base.limits, ...override.limits },
    cases: { ...base.cases, ...override.cases },
    store: { ...base.store, ...override.store },
    server: { ...base.server, ...override.server },
    safety: { ...base.safety, ...override.safety },
    uploads: { ...base.uploads, ...override.uploads },
    ocr: { ...base.ocr, ...override.ocr },
  };
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const settings = mergeSettings(loadSettings(), options.settings);
  const system = await composeSystem(settings, options);
  const server = http.createServer({ requestTimeout: 30_000, headersTimeout: 10_000 }, system.app);
  const chat = attachChatSocket(server, system.services, system.registry);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? settings.port, settings.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  system.services.logger.info('server listening', { url });

  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // The console's live channels are long responses: ended now, so the server can stop.
      system.services.staffStreams.closeAll();
      await chat.close();
      server.closeIdleConnections();
      await system.services.conversations.idle();
      // Requests still open after the grace period are cut; their turns were finished above.
      const grace = setTimeout(() => server.closeAllConnections(), 5000);
      await stopped;
      clearTimeout(grace);
      system.close();
      system.services.logger.info('server stopped');
    })();
    return closing;
  };
  return { url, close, services: system.services };
}
