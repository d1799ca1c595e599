// A warm transform server (on unless FGFTC_SERVER=0). A compile through fgftc
// otherwise pays, per translation unit, for loading tree-sitter and the
// pipeline and for a cold JIT; the server keeps them loaded and transforms the
// files fgftc processes send it, one at a time, until it has been idle for a
// while. Started detached by the first client that finds no server:
//   node transform-server.js SOCKET START-LOCK PID-FILE
import { createServer, type Socket } from 'node:net';
import { rmSync, writeFileSync } from 'node:fs';
import { transformWith, loadPipeline, type UnitRequest } from './transform-unit.js';
import { alreadyServed } from './server-address.js';

const IDLE_MS = Number(process.env.FGFTC_SERVER_IDLE_MS ?? 15_000);

async function main([socket, startLock, pidFile]: string[]): Promise<void> {
  const pipeline = await loadPipeline();
  if (await alreadyServed(socket)) return; // another server won the race
  rmSync(socket, { force: true }); // a dead server's socket
  let idle: NodeJS.Timeout;
  const server = createServer((conn) => serve(conn));
  const stop = (): void => {
    server.close();
    rmSync(socket, { force: true });
    rmSync(pidFile, { force: true });
  };
  const touch = (): void => {
    clearTimeout(idle);
    idle = setTimeout(stop, IDLE_MS);
  };

  function serve(conn: Socket): void {
    touch();
    let data = '';
    conn.setEncoding('utf8');
    conn.on('data', (chunk: string) => {
      data += chunk;
      const end = data.indexOf('\n');
      if (end < 0) return;
      let reply: string;
      try {
        const request = JSON.parse(data.slice(0, end)) as UnitRequest & { cwd?: string };
        if (request.cwd) process.chdir(request.cwd); // relative paths mean what they meant to the client
        const result = transformWith(pipeline, request);
        reply = JSON.stringify({ ok: true, result });
      } catch (err) {
        reply = JSON.stringify({ ok: false, message: err instanceof Error ? err.message : String(err) });
      }
      conn.end(reply + '\n');
      touch();
    });
    conn.on('error', () => conn.destroy());
  }

  server.on('error', () => process.exit(0));
  server.listen(socket, () => {
    writeFileSync(pidFile, String(process.pid));
    rmSync(startLock, { force: true });
    touch();
  });
}

main(process.argv.slice(2)).catch(() => process.exit(1));
