/**
 * A TCP relay between the packaged desk and the real server that the test can cut: while cut, every
 * open connection (the poke stream included) is dropped and every new one is closed at once, as
 * when the desk PC's network goes away. The server itself keeps running for the test's own checks.
 */
import { createServer, connect, type Socket } from 'node:net';

export interface SwitchableProxy {
  /** What the desk is configured with as its server: this relay. */
  url: string;
  cut(): void;
  restore(): void;
  close(): Promise<void>;
}

export async function startSwitchableProxy(target: string): Promise<SwitchableProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let cut = false;
  const track = (socket: Socket) => {
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  };
  const relay = createServer((client) => {
    track(client);
    if (cut) return void client.destroy();
    const upstream = connect(Number(port), hostname);
    track(upstream);
    client.pipe(upstream).pipe(client);
    const drop = () => {
      client.destroy();
      upstream.destroy();
    };
    client.once('error', drop);
    upstream.once('error', drop);
    client.once('close', drop);
    upstream.once('close', drop);
  });
  await new Promise<void>((resolveListen) => relay.listen(0, '127.0.0.1', resolveListen));
  const address = relay.address();
  if (address === null || typeof address === 'string') throw new Error('the relay has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    cut() {
      cut = true;
      for (const socket of open) socket.destroy();
    },
    restore() {
      cut = false;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        for (const socket of open) socket.destroy();
        relay.close(() => resolveClose());
      }),
  };
}
