import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** A private redis-server on a free port, so tests never touch a Redis they did not start. */
export class PrivateRedis {
  private process: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'vnplan-redis-'));

  private constructor(readonly port: number) {}

  static async start(options: { appendOnly?: boolean } = {}): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort());
    await redis.launch(options.appendOnly ?? false);
    return redis;
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  private appendOnly = false;

  private async launch(appendOnly: boolean): Promise<void> {
    this.appendOnly = appendOnly;
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--dir', this.dir];
    args.push('--appendonly', appendOnly ? 'yes' : 'no', '--maxmemory-policy', 'noeviction');
    const child = spawn('redis-server', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const timer = setTimeout(() => reject(new Error(`redis-server did not start: ${output}`)), 10_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += String(chunk);
        if (output.includes('Ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}: ${output}`));
      });
    });
  }

  /** Restarts the server on the same port, as a service restart does (it reloads its AOF, when on). */
  async restart(downMs = 1000): Promise<void> {
    await this.stop(false, 'SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, downMs));
    await this.launch(this.appendOnly);
  }

  async stop(removeDir = true, signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const child = this.process;
    this.process = undefined;
    if (child && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill(signal);
      await exited;
    }
    if (removeDir) rmSync(this.dir, { recursive: true, force: true });
  }
}
