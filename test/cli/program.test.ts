import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { ExitCode } from '../../src/errors/index.js';
import { captureCli } from '../helpers/cli-run.js';

describe('vnplan command line', () => {
  it('should print help and exit 0', async () => {
    const io = captureCli();
    expect(await main(['node', 'vnplan', '--help'], io.ctx)).toBe(ExitCode.Ok);
    expect(io.out()).toContain('Usage: vnplan');
  });

  it('should exit with the usage code on an unknown command', async () => {
    const io = captureCli();
    expect(await main(['node', 'vnplan', 'no-such-command'], io.ctx)).toBe(ExitCode.Usage);
    expect(io.err()).toContain("unknown command 'no-such-command'");
  });

  it('should list the error catalogue as JSON lines', async () => {
    const io = captureCli();
    expect(await main(['node', 'vnplan', 'errors', '--json'], io.ctx)).toBe(ExitCode.Ok);
    const codes = io
      .out()
      .trim()
      .split('\n')
      .map((line) => (JSON.parse(line) as { code: string }).code);
    expect(codes).toContain('VNPLAN_E_PDF_ENCRYPTED');
  });
});
