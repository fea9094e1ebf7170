/// <reference lib="dom" />
// Callbacks given to page.evaluate and waitForFunction run in the browser.
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES_DIR, PACKAGE_ROOT } from '../../src/paths.js';
import type { MissingParent, PageLayout } from '../../src/store/index.js';
import { spawnCli, exitOf } from '../helpers/cli-process.js';
import { jsonLines, runCli } from '../helpers/cli-run.js';
import { launchChromium } from '../helpers/headless-chromium.js';

const TOKEN = 'e2e-token-0123456789';
const ARTIFACTS = join(PACKAGE_ROOT, 'test-artifacts', 'web');

/**
 * The web workspace end to end: fixtures/samples imported through the real pipeline into a SQLite archive,
 * `vnplan serve` as its own process on 127.0.0.1, headless Chromium clicking through every view.
 */
describe('web workspace in headless Chromium', () => {
  let dir: string;
  let db: string;
  let server: ReturnType<typeof spawnCli>;
  let base: string;
  let closeBrowser: () => Promise<void>;
  let page: Page;
  const ids = new Map<string, string>();
  const pageErrors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'vnplan-e2e-'));
    db = join(dir, 'archive.db');
    mkdirSync(ARTIFACTS, { recursive: true });
    const imported = await runCli(
      'import',
      join(FIXTURES_DIR, 'samples'),
      '--db',
      db,
      '--json',
      '--workers',
      '1',
    );
    expect(imported.code).toBe(0);
    for (const event of jsonLines<{ type: string; path: string; id: string }>(imported.out))
      if (event.type === 'stored') ids.set(event.path.split('/').pop()!, event.id);
    server = spawnCli(
      [
        'serve',
        '--port',
        '0',
        '--db',
        db,
        '--cache-dir',
        join(dir, 'cache'),
        '--import-root',
        dir,
        '--workers',
        '1',
      ],
      { VNPLAN_API_TOKEN: TOKEN },
    );
    for (let i = 0; i < 300 && !/http:\/\/127\.0\.0\.1:\d+/.test(server.output()); i++) {
      if (server.exitCode !== null) throw new Error(`vnplan serve exited: ${server.errors()}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    base = /http:\/\/127\.0\.0\.1:\d+/.exec(server.output())![0];
    const chromium = await launchChromium({ viewport: { width: 1440, height: 900 }, locale: 'vi-VN' });
    closeBrowser = chromium.close;
    page = chromium.context.pages()[0] ?? (await chromium.context.newPage());
    page.on('pageerror', (error) => pageErrors.push(error.message));
  }, 180_000);

  afterAll(async () => {
    await closeBrowser?.();
    if (server && server.exitCode === null) {
      server.kill('SIGTERM');
      await exitOf(server, 30_000);
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const imageLoaded = () =>
    page
      .locator('.page-image img')
      .evaluate((img: HTMLImageElement) =>
        img.complete && img.naturalWidth > 0 ? undefined : new Promise((resolve) => (img.onload = resolve)),
      );
  const shot = (name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

  it('should find a document by accent-insensitive search and list documents with filters', async () => {
    await page.goto(`${base}/#/documents`);
    await page.getByLabel('Tìm trong toàn văn (không cần gõ dấu)').fill('dan van kheo');
    await page.keyboard.press('Enter');
    const hit = page.locator('ol.hits li').first();
    await hit.waitFor();
    await expect(hit.locator('a').textContent()).resolves.toContain('15/KH-UBND');
    const marked = await hit.locator('mark').allTextContents();
    expect(marked.map((m) => m.toLowerCase())).toEqual(expect.arrayContaining(['dân', 'vận', 'khéo']));
    await expect(page.locator('#documents-count').textContent()).resolves.toMatch(/^4 tài liệu/);
    await shot('documents-search');
    await page.getByLabel('Cơ quan ban hành').fill('xa an phu');
    await page.getByRole('button', { name: 'Lọc', exact: true }).click();
    await page.waitForFunction(() =>
      document.querySelector('#documents-count')?.textContent?.startsWith('1 tài liệu'),
    );
    await expect(page.locator('tbody tr td a').first().textContent()).resolves.toBe('15/KH-UBND');
  });

  it('should highlight the line of a selected field on the page image', async () => {
    const id = ids.get('sample-text-layer.pdf')!;
    const layouts = (await (await fetch(`${base}/documents/${id}/pages`)).json()) as { pages: PageLayout[] };
    const record = (await (await fetch(`${base}/documents/${id}`)).json()) as {
      record: { document: { provenance: Record<string, { page: number; line: number }> } };
    };
    const provenance = record.record.document.provenance.title!;
    await page.goto(`${base}/#/document/${id}`);
    await imageLoaded();
    expect(await page.locator('.page-image .box').count()).toBe(0);
    // By keyboard: focus the field and press Enter, as a keyboard user would.
    await page.locator('[data-field="document.title"]').focus();
    await page.keyboard.press('Enter');
    const box = page.locator(`.page-image .box[data-line="${provenance.line}"]`);
    await box.waitFor();
    const layout = layouts.pages[provenance.page - 1]!;
    const bbox = layout.lines[provenance.line - 1]!.bbox!;
    const image = (await page.locator('.page-image img').boundingBox())!;
    const drawn = (await box.boundingBox())!;
    // The box sits where the line is on the rendered page (within 1% of the image size).
    expect(Math.abs(drawn.y - image.y - (bbox.y0 / layout.height!) * image.height)).toBeLessThan(
      image.height / 100,
    );
    expect(Math.abs(drawn.x - image.x - (bbox.x0 / layout.width!) * image.width)).toBeLessThan(
      image.width / 100,
    );
    await expect(page.locator(`.text-line.selected[data-line="${provenance.line}"]`).count()).resolves.toBe(
      1,
    );
    await shot('document-field-highlight');
    // The OCR'd scan too: its page image is turned as OCR turned it.
    await page.goto(`${base}/#/document/${ids.get('sample-scan.pdf')}`);
    await page.locator('[data-field="document.number.text"]').click();
    await page.locator('.page-image .box').waitFor();
    await imageLoaded();
    // The page shown is this document's own (its image, not the previous document's).
    expect(await page.locator('.page-image img').getAttribute('src')).toContain(ids.get('sample-scan.pdf'));
    await shot('document-scan');
  });

  it('should keep a correction across a reload and show it in `vnplan show`', async () => {
    const id = ids.get('sample-scan.pdf')!;
    await page.goto(`${base}/#/document/${id}`);
    await page.getByLabel('Mã truy cập').fill(TOKEN);
    await page.getByRole('button', { name: 'Lưu mã' }).click();
    await page.getByRole('button', { name: 'Sửa hoặc chấp nhận Trích yếu' }).click();
    const corrected = 'Tổ chức phong trào thi đua “Dân vận khéo” năm 2026 (đã duyệt)';
    await page.getByLabel('Giá trị đúng của “Trích yếu”').fill(corrected);
    await page.getByRole('button', { name: 'Lưu sửa' }).click();
    await page.locator('[data-field="document.title"] .badge.corrected').waitFor();
    await page.reload();
    const field = page.locator('[data-field="document.title"]');
    await field.locator('.badge.corrected').waitFor();
    await expect(field.locator('.value').textContent()).resolves.toBe(corrected);
    // A token: the first restored word, corrected in the text.
    const token = page.locator('.text-panel .tok').first();
    const before = (await token.textContent())!;
    await token.click();
    await page.getByRole('button', { name: 'Lưu sửa' }).waitFor();
    await page.locator('.editor input').fill(`${before}!`);
    await page.getByRole('button', { name: 'Lưu sửa' }).click();
    await page.locator('.text-panel .tok.corrected').first().waitFor();
    await page.reload();
    await expect(page.locator('.text-panel .tok.corrected').first().textContent()).resolves.toBe(
      `${before}!`,
    );
    await shot('document-corrected');
    const shown = await runCli('show', id.slice(0, 10), '--db', db);
    expect(shown.out).toMatch(new RegExp(`^title\\s+${corrected.replace(/[()]/g, '\\$&')}$`, 'm'));
    expect(shown.out).toContain(`"${before}" → "${before}!"`);
  });

  it('should import a folder started from the page and show its progress to the end', async () => {
    const incoming = join(dir, 'incoming');
    mkdirSync(incoming);
    copyFileSync(join(FIXTURES_DIR, 'scans', 'ocr-01.text-layer.pdf'), join(incoming, 'ke-hoach.pdf'));
    copyFileSync(
      join(FIXTURES_DIR, 'text', 'ocr-05-quyet-dinh-khen-thuong.txt'),
      join(incoming, 'quyet-dinh.txt'),
    );
    copyFileSync(join(FIXTURES_DIR, 'scans', 'encrypted-user-password.pdf'), join(incoming, 'mat-khau.pdf'));
    // The list of earlier imports answers late (as on a busy server): the import started meanwhile must stay.
    await page.route(`${base}/imports`, async (route) => {
      if (route.request().method() === 'GET') await new Promise((resolve) => setTimeout(resolve, 1500));
      await route.continue();
    });
    await page.goto(`${base}/#/import`);
    await page.getByLabel('Thư mục hoặc tệp trên máy chủ').fill('incoming');
    await page.getByRole('button', { name: 'Nhập thư mục' }).click();
    const progress = page.locator('[data-import-status]').first();
    await progress.waitFor();
    await page.locator('[data-import-status="done"]').waitFor({ timeout: 90_000 });
    await expect(progress.locator('[data-stat="documents"]').textContent()).resolves.toMatch(/^3\s*\/\s*3$/);
    const pages = (await progress.locator('[data-stat="pages"]').textContent())!
      .split('/')
      .map((n) => Number(n.trim()));
    expect(pages[0]).toBe(pages[1]);
    expect(await progress.locator('tr[data-state="stored"]').count()).toBe(2);
    const failed = progress.locator('tr[data-state="failed"]');
    await expect(failed.textContent()).resolves.toMatch(/Tệp PDF có mật khẩu.*encrypted with a password/);
    await shot('import');
    // Retry the failed document: a new import of that one file, which fails again for the same reason.
    await failed.getByRole('button', { name: 'Thử lại' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-import-status]').length === 2);
    const retry = page.locator('[data-import-status]').first();
    await page.locator('[data-import-status="done"]').nth(1).waitFor({ timeout: 60_000 });
    await expect(retry.locator('[data-stat="documents"]').textContent()).resolves.toMatch(/^1\s*\/\s*1$/);
    await expect(retry.locator('tr[data-state="failed"] code').textContent()).resolves.toBe(
      'VNPLAN_E_PDF_ENCRYPTED',
    );
  }, 120_000);

  it('should list the same missing parents as `vnplan refs --missing`, and draw a document graph', async () => {
    const cli = jsonLines<MissingParent>((await runCli('refs', '--missing', '--json', '--db', db)).out);
    expect(cli.length).toBeGreaterThan(0);
    await page.goto(`${base}/#/refs`);
    await page.locator('#missing-parents tbody tr').first().waitFor();
    const rows = await page
      .locator('#missing-parents tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-key'),
          Number(tr.querySelector('[data-cited-by]')?.textContent),
        ]),
      );
    expect(rows).toEqual(cli.map((parent) => [parent.key, parent.citedBy]));
    await shot('references-missing');
    const citing = cli[0]!.citations[0]!.id;
    await page.goto(`${base}/#/refs/${citing}`);
    await page.locator('svg.graph').waitFor();
    await expect(page.locator('svg.graph rect[stroke-dasharray]').count()).resolves.toBeGreaterThan(0);
    await shot('references-graph');
  });

  it('should show deadlines by unit and the overview charts, with no script errors anywhere', async () => {
    await page.goto(`${base}/#/overview`);
    await page.getByLabel('Từ ngày').fill('2026-01-01');
    await page.getByLabel('Đến ngày').fill('2027-12-31');
    await page.getByRole('button', { name: 'Xem' }).click();
    const api = (await (await fetch(`${base}/deadlines?from=2026-01-01&to=2027-12-31`)).json()) as {
      total: number;
      items: { date: string }[];
    };
    expect(api.total).toBeGreaterThan(0);
    await page.waitForFunction(
      (count) => document.querySelectorAll('tr[data-deadline]').length === count,
      Math.min(200, api.total),
    );
    const dates = await page
      .locator('tr[data-deadline]')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-deadline')));
    expect(dates).toEqual(api.items.slice(0, 200).map((item) => item.date));
    await expect(
      page
        .locator('svg[aria-label^="Dòng thời gian"] circle, svg[aria-label^="Dòng thời gian"] rect')
        .count(),
    ).resolves.toBe(Math.min(200, api.total));
    await expect(page.locator('h3', { hasText: 'Tổng quan kho' }).textContent()).resolves.toMatch(
      /\d+ tài liệu/,
    );
    await shot('overview');
    expect(pageErrors).toEqual([]);
  });
});
