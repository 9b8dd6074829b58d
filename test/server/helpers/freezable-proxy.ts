import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP proxy in front of a database that can be frozen: while frozen it forwards nothing in either
 * direction and leaves new connections hanging — what a database server stopped with SIGSTOP, or a
 * network partition without resets, looks like to its clients.
 */
export interface FreezableProxy {
  readonly port: number;
  freeze(): void;
  thaw(): void;
  close(): Promise<void>;
}

export async function startFreezableProxy(target: { host: string; port: number }): Promise<FreezableProxy> {
  let frozen = false;
  const pairs = new Set<{ client: Socket; upstream?: Socket }>();
  const waiting: (() => void)[] = [];
  const server: Server = createServer((client) => {
    const pair: { client: Socket; upstream?: Socket } = { client };
    pairs.add(pair);
    client.on('error', () => undefined);
    client.on('close', () => {
      pair.upstream?.destroy();
      pairs.delete(pair);
    });
    const open = () => {
      const upstream = connect(target);
      pair.upstream = upstream;
      upstream.on('error', () => client.destroy());
      upstream.on('close', () => client.destroy());
      client.pipe(upstream);
      upstream.pipe(client);
      if (frozen) pause(pair);
    };
    if (frozen) waiting.push(open);
    else open();
  });
  const pause = (pair: { client: Socket; upstream?: Socket }) => {
    pair.client.pause();
    pair.upstream?.pause();
    pair.client.unpipe();
    pair.upstream?.unpipe();
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    freeze: () => {
      frozen = true;
      pairs.forEach(pause);
    },
    thaw: () => {
      frozen = false;
      for (const pair of pairs) {
        if (!pair.upstream) continue;
        pair.client.pipe(pair.upstream);
        pair.upstream.pipe(pair.client);
        pair.client.resume();
        pair.upstream.resume();
      }
      waiting.splice(0).forEach((open) => open());
    },
    close: async () => {
      for (const pair of pairs) {
        pair.client.destroy();
        pair.upstream?.destroy();
      }
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
