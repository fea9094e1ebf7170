import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli.js';
import { createContext } from '../../src/cli/context.js';
import { ExitCode } from '../../src/errors/index.js';
import { RestorationEdit } from '../../src/record/restoration-edit.js';
import { fold } from '../../src/vietnamese/tone.js';
import type { PageText } from '../../src/document-text.js';
import {
  doubtedSpans,
  learnDocuments,
  loadRestorer,
  repairDocument,
  restoreText,
} from '../../src/vietnamese/index.js';
import { TCVN3_BYTES } from '../../src/vietnamese/encodings/tables.js';

// Sentences written for these tests (not from any benchmark set).
const CLEAN = [
  'Ủy ban nhân dân tỉnh chỉ đạo các sở, ban, ngành triển khai thực hiện kế hoạch này.',
  'Người dân và doanh nghiệp là trung tâm của quá trình chuyển đổi số.',
  'Các đơn vị báo cáo kết quả thực hiện trước ngày 15 tháng 12 năm 2025.',
  'Sở Y tế phối hợp với Sở Tài chính bảo đảm kinh phí cho các hoạt động.',
  'Tăng cường kiểm tra, giám sát việc thực hiện nhiệm vụ được giao.',
];

function accuracy(truth: string[], output: string[]): number {
  let ok = 0;
  let total = 0;
  truth.forEach((line, i) => {
    const a = line.toLowerCase().split(/\s+/);
    const b = output[i]!.toLowerCase().split(/\s+/);
    a.forEach((w, k) => {
      total++;
      if (w === b[k]) ok++;
    });
  });
  return ok / total;
}

const restorer = loadRestorer();
const tmp = mkdtempSync(join(tmpdir(), 'vnplan-restore-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('diacritics restoration', () => {
  it('should restore stripped sentences', () => {
    const out = restoreText(CLEAN.map(fold).join('\n'), { restorer });
    expect(accuracy(CLEAN, out.text.split('\n'))).toBeGreaterThanOrEqual(0.95);
    expect(out.text).toContain('triển khai thực hiện kế hoạch');
    expect(out.encoding).toBeNull();
  });

  it('should keep UPPER CASE and Title Case', () => {
    const out = restoreText('KE HOACH TRIEN KHAI CHUYEN DOI SO\nTrien khai thuc hien Ke hoach', { restorer });
    expect(out.text.split('\n')).toEqual([
      'KẾ HOẠCH TRIỂN KHAI CHUYỂN ĐỔI SỐ',
      'Triển khai thực hiện Kế hoạch',
    ]);
  });

  it('should leave numbers, document symbols, acronyms, addresses and English words alone', () => {
    const line =
      'So 3520/KH-SYT ngay 24/10/2025 cua UBND tinh va Nghi quyet 57-NQ/TW, lien he vanthu@vinhlong.gov.vn hoac https://vinhlong.gov.vn ve PAR INDEX';
    const out = restoreText(line, { restorer }).text;
    for (const token of [
      '3520/KH-SYT',
      '24/10/2025',
      'UBND',
      '57-NQ/TW',
      'vanthu@vinhlong.gov.vn',
      'https://vinhlong.gov.vn',
      'PAR',
      'INDEX',
    ]) {
      expect(out).toContain(token);
    }
    expect(out).toMatch(/^Số 3520\/KH-SYT ngày/);
  });

  it('should take a capital inside a sentence as evidence for the reading that is written so', () => {
    const out = restoreText('Kinh gui Quy So Tai chinh, can cu quy dinh ve quy che quan ly.', {
      restorer,
      mode: 'stripped',
    }).text;
    expect(out).toBe('Kính gửi Quý Sở Tài chính, căn cứ quy định về quy chế quản lý.');
  });

  it('should keep line breaks exactly, empty lines included', () => {
    const input = '\nke hoach\n\n  thuc hien  \n\nbao cao\n';
    const out = restoreText(input, { restorer }).text;
    expect(out.split('\n')).toHaveLength(input.split('\n').length);
    expect(out).toBe('\nkế hoạch\n\n  thực hiện  \n\nbáo cáo\n');
  });

  it('should leave clean Unicode text unchanged', () => {
    const text = CLEAN.join('\n');
    const out = restoreText(text, { restorer });
    expect(out.text).toBe(text);
    expect(out.edits).toEqual([]);
  });

  it('should normalise tone placement to one style', () => {
    expect(
      restoreText('Cộng hoà xã hội, sức khoẻ của người dân được bảo đảm tốt hơn.', { restorer }).text,
    ).toBe('Cộng hòa xã hội, sức khỏe của người dân được bảo đảm tốt hơn.');
  });

  it('should repair OCR-garbled marks using the garbled letters as evidence', () => {
    const garbled = 'Trién khai thyc hién ké hoach chuyén d6i s6 trong nganh y té';
    const out = restoreText(garbled, { restorer });
    expect(out.text).toBe('Triển khai thực hiện kế hoạch chuyển đổi số trong ngành y tế');
    expect(out.edits.some((e) => e.reason === 'ocr-garble')).toBe(true);
  });
});

describe('repairDocument', () => {
  it('should convert a .VnTime line, restore the rest and log every edit with its place', () => {
    const tcvn = new Map([...TCVN3_BYTES].map(([b, ch]) => [ch, String.fromCharCode(b)]));
    const legacy = [...'kế hoạch triển khai thực hiện'].map((c) => tcvn.get(c) ?? c).join('');
    const doc = {
      pages: [
        {
          page: 1,
          source: 'text-layer' as const,
          findings: [],
          lines: [{ text: legacy, fontName: 'ABCDEF+.VnTime' }],
        },
        {
          page: 2,
          source: 'ocr' as const,
          findings: [],
          lines: [{ text: 'Cac don vi bao cao ket qua' }, { text: 'UBND tinh' }],
        },
      ],
    };
    const out = repairDocument(doc, { restorer, lowConfidenceThreshold: 0.99 });
    expect(out.encoding).toBe('tcvn3');
    expect(out.text.pages[0]!.lines[0]!.text).toBe('kế hoạch triển khai thực hiện');
    expect(out.text.pages[1]!.lines.map((l) => l.text)).toEqual(['Các đơn vị báo cáo kết quả', 'UBND tỉnh']);
    expect(out.edits.length).toBeGreaterThan(5);
    for (const edit of out.edits) {
      expect(() => RestorationEdit.parse(edit)).not.toThrow();
      expect(edit.alternatives.length).toBeLessThanOrEqual(3);
      expect(edit.lowConfidence).toBe(edit.confidence < 0.99);
    }
    const cac = out.edits.find((e) => e.original === 'Cac')!;
    expect(cac).toMatchObject({ page: 2, line: 1, column: 1, restored: 'Các', reason: 'diacritics' });
    expect(out.edits.filter((e) => e.page === 1).every((e) => e.reason === 'encoding')).toBe(true);
  });
});

/** An OCR page line from words and their confidences (boxes are placeholders: the pass ignores them). */
function ocrLine(words: [string, number][]): PageText['lines'][number] {
  return {
    text: words.map(([w]) => w).join(' '),
    words: words.map(([text, confidence], i) => ({
      text,
      confidence,
      bbox: { x0: i * 100, y0: 0, x1: i * 100 + 90, y1: 40 },
    })),
  };
}

function ocrPage(lines: [string, number][][]): { pages: PageText[] } {
  return { pages: [{ page: 1, source: 'ocr', findings: [], lines: lines.map(ocrLine) }] };
}

describe('OCR pass (pages from an engine that knows Vietnamese)', () => {
  // Sentences written for these tests, with the kind of wrong tones tesseract's vie model leaves.
  const sure: [string, number][] = [
    ['Các', 96],
    ['cơ', 95],
    ['quan', 96],
    ['tăng', 94],
    ['cường', 95],
    ['công', 96],
    ['tác', 95],
  ];
  const lines = (phoConfidence: number): [string, number][][] => [
    [...sure, ['phố', phoConfidence], ['biến', 93], ['giáo', 95], ['dục', 94], ['pháp', 96], ['luật', 95]],
    [
      ['Toàn', 95],
      ['dân', 96],
      ['bảo', 95],
      ['vệ', 94],
      ['Tô', 58],
      ['quôc', 91],
      ['và', 96],
      ['xây', 95],
      ['dựng', 94],
      ['đất', 95],
      ['nước', 96],
    ],
  ];

  it('should re-decode doubted and impossible-tone words and log them as diacritics edits', () => {
    const out = repairDocument(ocrPage(lines(61)), { restorer });
    const text = out.text.pages[0]!.lines.map((l) => l.text);
    expect(text[0]).toBe('Các cơ quan tăng cường công tác phổ biến giáo dục pháp luật');
    expect(text[1]).toBe('Toàn dân bảo vệ Tổ quốc và xây dựng đất nước');
    const column = ocrLine(lines(61)[0]!).text.indexOf('phố') + 1;
    const pho = out.edits.find((e) => e.original === 'phố')!;
    expect(pho).toMatchObject({ page: 1, line: 1, column, restored: 'phổ', reason: 'diacritics' });
    expect(out.edits.find((e) => e.original === 'quôc')).toMatchObject({
      restored: 'quốc',
      reason: 'diacritics',
    });
    expect(out.edits.every((e) => e.reason === 'diacritics')).toBe(true);
  });

  it('should leave a word as it is when its confidence is at or over ocrLowConfidence', () => {
    const out = repairDocument(ocrPage(lines(97)), { restorer, ocrLowConfidence: 90 });
    expect(out.text.pages[0]!.lines[0]!.text).toContain(' phố biến ');
    expect(out.edits.some((e) => e.original === 'phố')).toBe(false);
    // By default even a confident reading is reconsidered: the context clearly prefers "phổ biến".
    const byDefault = repairDocument(ocrPage(lines(97)), { restorer });
    expect(byDefault.text.pages[0]!.lines[0]!.text).toContain(' phổ biến ');
  });

  it('should change the letters of a word only when the engine was unsure of them', () => {
    const title = (confidence: number): [string, number][][] => [
      [
        ['Về', 95],
        ['viện', confidence],
        ['ban', 96],
        ['hành', 95],
        ['quy', 96],
        ['chế', 95],
        ['làm', 96],
        ['việc', 95],
      ],
    ];
    const unsure = repairDocument(ocrPage(title(27)), { restorer });
    expect(unsure.text.pages[0]!.lines[0]!.text).toBe('Về việc ban hành quy chế làm việc');
    expect(unsure.edits.find((e) => e.original === 'viện')).toMatchObject({ restored: 'việc' });
    // Read surely, the word keeps its letters (only its marks could change); so with the option off.
    for (const out of [
      repairDocument(ocrPage(title(80)), { restorer }),
      repairDocument(ocrPage(title(27)), { restorer, ocrLetterDoubt: 0 }),
    ])
      expect(out.text.pages[0]!.lines[0]!.text).toMatch(/^Về vi[^c ]*n ban hành/u);
  });

  it('should keep every word of a confident line that is already right', () => {
    const page = ocrPage([[...sure, ['phổ', 70], ['biến', 70]]]);
    const out = repairDocument(page, { restorer });
    expect(out.text.pages[0]!.lines[0]!.text).toBe(page.pages[0]!.lines[0]!.text);
    expect(out.edits).toEqual([]);
  });

  it('should map OCR words to the spans of their line', () => {
    const line = ocrLine([
      ['Sở', 95],
      ['Tài', 40],
      ['chính', 96],
      ['Tài', 30],
    ]);
    expect(doubtedSpans(line, 90)).toEqual([
      { start: 3, end: 6 },
      { start: 13, end: 16 },
    ]);
    expect(doubtedSpans({ text: 'no words' }, 90)).toEqual([]);
  });
});

describe('vnplan restore and learn', () => {
  function capture() {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    const out: string[] = [];
    const err: string[] = [];
    stdout.on('data', (c) => out.push(String(c)));
    stderr.on('data', (c) => err.push(String(c)));
    return { ctx: createContext(stdout, stderr), out: () => out.join(''), err: () => err.join('') };
  }

  it('should print the repaired text, or JSON with the edit log', async () => {
    const file = join(tmp, 'in.txt');
    writeFileSync(file, 'Trien khai ke hoach\nUBND tinh\n');
    const io = capture();
    expect(await main(['node', 'vnplan', 'restore', file], io.ctx)).toBe(ExitCode.Ok);
    expect(io.out()).toBe('Triển khai kế hoạch\nUBND tỉnh\n');
    const json = capture();
    expect(
      await main(['node', 'vnplan', 'restore', '--json', '--low-confidence', '0.9', file], json.ctx),
    ).toBe(ExitCode.Ok);
    const parsed = JSON.parse(json.out()) as {
      text: string;
      encoding: string | null;
      edits: RestorationEdit[];
    };
    expect(parsed.text).toBe('Triển khai kế hoạch\nUBND tỉnh\n');
    expect(parsed.encoding).toBeNull();
    expect(parsed.edits.map((e) => e.restored)).toEqual(['Triển', 'kế', 'hoạch', 'tỉnh']);
    for (const e of parsed.edits) RestorationEdit.parse(e);
  });

  it('should convert a TCVN3 file and log the conversion', async () => {
    const tcvn = new Map([...TCVN3_BYTES].map(([b, ch]) => [ch, b]));
    const text = `${CLEAN[1]}\n${CLEAN[2]}\n`;
    const file = join(tmp, 'tcvn3.txt');
    writeFileSync(file, Buffer.from([...text].map((ch) => tcvn.get(ch) ?? ch.charCodeAt(0))));
    const io = capture();
    expect(await main(['node', 'vnplan', 'restore', '--json', file], io.ctx)).toBe(ExitCode.Ok);
    const parsed = JSON.parse(io.out()) as { text: string; encoding: string; edits: RestorationEdit[] };
    expect(parsed.text).toBe(text);
    expect(parsed.encoding).toBe('tcvn3');
    expect(parsed.edits.length).toBeGreaterThan(10);
    expect(parsed.edits.every((e) => e.reason === 'encoding')).toBe(true);
  });

  it('should fail with a typed error for a missing file', async () => {
    const io = capture();
    expect(await main(['node', 'vnplan', 'restore', join(tmp, 'nope.txt')], io.ctx)).not.toBe(ExitCode.Ok);
    expect(io.err()).toContain('VNPLAN_E_FILE_NOT_FOUND');
  });

  it('should learn clean documents into an overlay beside the database, and refuse stripped text', async () => {
    const db = join(tmp, 'archive', 'plans.db');
    const clean = join(tmp, 'clean.txt');
    writeFileSync(
      clean,
      `${CLEAN.join('\n')}\nHợp tác xã Nông nghiệp Hòa Bình Xanh tổ chức hội chợ nông sản sạch.\n`,
    );
    const io = capture();
    expect(await main(['node', 'vnplan', 'learn', '--db', db, clean], io.ctx)).toBe(ExitCode.Ok);
    expect(io.out()).toContain('learned 1 document');
    const stripped = join(tmp, 'stripped.txt');
    writeFileSync(stripped, fold(CLEAN.join('\n')));
    const bad = capture();
    expect(await main(['node', 'vnplan', 'learn', '--db', db, stripped], bad.ctx)).not.toBe(ExitCode.Ok);
    expect(bad.err()).toContain('VNPLAN_E_NOT_CLEAN_TEXT');
    const overlay = loadRestorer({ overlayDir: join(tmp, 'archive', 'vnplan.learn') });
    const out = restoreText('Hop tac xa Nong nghiep Hoa Binh Xanh to chuc hoi cho nong san sach', {
      restorer: overlay,
    });
    expect(out.text).toBe('Hợp tác xã Nông nghiệp Hòa Bình Xanh tổ chức hội chợ nông sản sạch');
  });

  it('should keep learning as plain data: learnDocuments reports what it holds', () => {
    const dir = join(tmp, 'direct');
    const file = join(tmp, 'clean2.txt');
    writeFileSync(file, CLEAN.join('\n'));
    expect(learnDocuments([file], dir)).toMatchObject({ added: 1, documents: 1 });
  });
});
