import { describe, expect, it } from 'vitest';
import { PlanRecord } from '../../src/record/index.js';
import { scoreRecord, type Gold } from '../../bench/lib/score.js';
import { extractFixture, extractText, goldFixtures } from '../helpers/extract-fixtures.js';

describe('extractRecord', () => {
  const fixtures = goldFixtures();

  it('should produce a schema-valid record for every fixture', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(22);
    for (const { gold } of fixtures) {
      const record = extractFixture(gold.source);
      expect(() => PlanRecord.parse(record), gold.source).not.toThrow();
    }
  });

  it('should agree with the hand-written gold on every scored field (soft match)', () => {
    const misses: string[] = [];
    for (const { set, gold } of fixtures) {
      const score = scoreRecord(gold as unknown as Gold, extractFixture(gold.source), 'soft');
      for (const [field, { counts }] of score.byField) {
        if (counts.fp > 0 || counts.fn > 0) misses.push(`${set}/${gold.source} ${field}`);
      }
    }
    expect(misses).toEqual([]);
  });

  it('should read the header fields of a two-column scan header', () => {
    const { document } = extractText(
      'UBND TỈNH VĨNH LONG   CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nSỞ Y TẾ Độc lập - Tự do - Hạnh phúc\nSố: 3520/KH-SYT Vĩnh Long, ngày 24 tháng 10 năm 2025\nKẾ HOẠCH\nTriển khai thực hiện Phong trào thi đua “Đổi mới sáng tạo”\ntrong ngành y tế tỉnh Vĩnh Long\n',
    );
    expect(document.type).toBe('Kế hoạch');
    expect(document.typeCode).toBe('KH');
    expect(document.number).toEqual({ text: '3520/KH-SYT', serial: '3520', symbol: 'KH-SYT' });
    expect(document.issuer).toEqual({ name: 'SỞ Y TẾ', parent: 'UBND TỈNH VĨNH LONG' });
    expect(document.place).toBe('Vĩnh Long');
    expect(document.issuedDate).toMatchObject({ iso: '2025-10-24', precision: 'day' });
    expect(document.title).toBe(
      'Triển khai thực hiện Phong trào thi đua “Đổi mới sáng tạo” trong ngành y tế tỉnh Vĩnh Long',
    );
    expect(document.movement).toBe('Đổi mới sáng tạo');
    expect(document.provenance.number).toMatchObject({ page: 1, line: 3 });
    expect(document.provenance.title).toMatchObject({ page: 1, line: 5, endLine: 6 });
  });

  it('should give provenance that points at the printed line of each value', () => {
    for (const source of ['text/seeds/004_e88242b58531eeac.txt', 'text/realscans/real_nq_115_ba_vi.txt']) {
      const record = extractFixture(source);
      for (const reference of record.references) {
        const serial = reference.number?.serial;
        if (serial) expect(reference.provenance?.text, reference.text).toContain(serial);
      }
      for (const recipient of record.recipients)
        expect(recipient.provenance?.text).toContain(recipient.text.slice(0, 8));
    }
  });

  it('should resolve short names to the full reference instead of adding new ones', () => {
    const record = extractFixture('text/seeds/004_e88242b58531eeac.txt');
    const resolution = record.references.find((reference) => reference.key === '57-nq/tw@2024');
    expect(resolution?.shortNames).toEqual(['Nghị quyết số 57']);
    expect(record.references.filter((reference) => reference.number?.serial === '57')).toHaveLength(1);
    expect(record.references.every((reference) => reference.number?.symbol !== null)).toBe(true);
  });

  it('should merge two citations of one document and keep the strongest relation', () => {
    const record = extractText(
      'KẾ HOẠCH\nThử nghiệm\nCăn cứ Kế hoạch số 12/KH-UBND ngày 05/01/2026 của UBND tỉnh về cải cách;\nI. NỘI DUNG\n1. Thực hiện Kế hoạch số 12/KH-UBND nêu trên và Quyết định số 7/QĐ-UBND ngày 02/02/2026.\n',
    );
    expect(record.references.map((reference) => [reference.key, reference.relation])).toEqual([
      ['12/kh-ubnd@2026', 'basis'],
      ['7/qd-ubnd@2026', 'cites'],
    ]);
  });

  it('should read deadlines of each kind', () => {
    const record = extractText(
      'CÔNG VĂN\nI. NỘI DUNG\n- Định kỳ hằng năm, trước ngày 05/11, gửi báo cáo về Sở Y tế.\n- Nộp hồ sơ trước 14 giờ 00 ngày 29/7/2020.\n- Hoàn thành trong quý 1/2019.\n- Phản hồi chậm nhất 05 ngày làm việc kể từ ngày nhận.\n',
    );
    expect(record.deadlines.map((deadline) => [deadline.kind, deadline.date])).toEqual([
      ['annual', { month: 11, day: 5 }],
      ['once', { iso: '2020-07-29', year: 2020, month: 7, day: 29, time: '14:00' }],
      ['once', { year: 2019, quarter: 1 }],
      ['relative', { amount: 5, unit: 'working-day' }],
    ]);
    expect(record.deadlines[0]!.action).toContain('gửi báo cáo về Sở Y tế');
  });

  it('should read responsibilities and targets from the body', () => {
    const record = extractFixture('text/seeds/000_3dcb5ec48acec8a3.txt');
    expect(record.responsibilities[0]).toMatchObject({ unit: 'Phòng Tổ chức cán bộ, Sở Y tế' });
    expect(record.responsibilities[0]!.tasks[0]).toContain('Chủ trì tham mưu');
    const targets = extractFixture('text/seeds/001_3d22959c1eb04f9e.txt').targets;
    expect(targets.find((target) => target.text === 'đạt từ 99% trở lên')).toMatchObject({
      value: 99,
      unit: '%',
    });
    expect(record.document.phases.map((phase) => [phase.name, phase.from?.iso, phase.to?.iso])).toEqual([
      ['Giai đoạn 1', '2026', '2027'],
      ['Giai đoạn 2', '2028', '2030'],
    ]);
  });

  it('should yield a valid record and a finding for text that is not an administrative document', () => {
    const inputs = [
      '',
      '\n\n\n',
      'Cách nấu phở bò Hà Nội\n\nPhở là món ăn truyền thống.',
      '\u0000\u0001☃'.repeat(500),
      'Số:\nngày tháng năm\nKT.\n-\n',
    ];
    for (const text of inputs) {
      const record = extractText(text);
      expect(() => PlanRecord.parse(record)).not.toThrow();
    }
    const recipe = extractText(inputs[2]!);
    expect(recipe.findings.map((finding) => finding.code)).toContain('not-administrative');
    expect(recipe.document.type).toBeNull();
  });

  it('should stay fast on pathological lines (no regular-expression blow-up)', () => {
    const lines = [
      '_'.repeat(5000),
      '—'.repeat(3000) + ' x',
      'ngày '.repeat(2000),
      'Số: ' + '1/'.repeat(3000),
      'A '.repeat(5000),
      '- ' + 'ỦY BAN '.repeat(1000),
      'Căn cứ ' + 'Luật Xây dựng, '.repeat(1000),
      'KT. ' + 'GIÁM ĐỐC '.repeat(1000),
      'Nơi nhận: ' + '- Sở Y tế; '.repeat(1000),
    ];
    const started = performance.now();
    for (const line of lines)
      expect(() => PlanRecord.parse(extractText(`KẾ HOẠCH\n${line}\n${line}`))).not.toThrow();
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('should report list markers it repaired from OCR noise', () => {
    const record = extractFixture('text/synthetic/syn05_bc_ocr_nhieu.txt');
    const repaired = record.findings.filter((finding) => finding.code === 'marker-repaired');
    expect(repaired.map((finding) => [finding.expected, finding.place?.line])).toEqual([
      ['II.', 16],
      ['7.', 26],
    ]);
  });

  it('should report blank numbers and dates as findings', () => {
    const record = extractFixture('text/realscans/real_hanoi_tb_453_flag.txt');
    expect(record.document.number).toEqual({ text: '/TB-UBND', serial: null, symbol: 'TB-UBND' });
    expect(record.findings.map((finding) => finding.code)).toEqual(
      expect.arrayContaining(['number-blank', 'date-blank']),
    );
  });
});
