/**
 * Synthetic archive for the store benchmark: PlanRecords with repaired text, made from a seeded
 * random generator (same seed, same archive). Plans cite each other (by number, in full or short
 * form) and documents outside the archive; deadlines are annual or one-off; awards follow the
 * usual forms. The vocabulary is Vietnamese administrative language, not any one document.
 */
import { seededRandom } from '../scripts/hostile/bytes.js';
import { createHash } from 'node:crypto';
import { referenceKey, type ProcessedDocument, type Reference, type Section } from '../src/record/index.js';

const PROVINCES = [
  'Gia Lai',
  'Quảng Ngãi',
  'Đắk Lắk',
  'Lâm Đồng',
  'Khánh Hòa',
  'Nghệ An',
  'Thanh Hóa',
  'Hà Tĩnh',
  'Quảng Trị',
  'Huế',
  'Đồng Nai',
  'Tây Ninh',
  'An Giang',
  'Cần Thơ',
  'Vĩnh Long',
  'Lào Cai',
  'Tuyên Quang',
  'Thái Nguyên',
  'Phú Thọ',
  'Bắc Ninh',
  'Hưng Yên',
  'Ninh Bình',
  'Hải Phòng',
  'Quảng Ninh',
  'Cao Bằng',
  'Lạng Sơn',
  'Sơn La',
  'Điện Biên',
  'Lai Châu',
  'Cà Mau',
  'Đồng Tháp',
  'Hà Nội',
  'Thành phố Hồ Chí Minh',
  'Đà Nẵng',
];
const DEPARTMENTS: [string, string][] = [
  ['Sở Y tế', 'SYT'],
  ['Sở Giáo dục và Đào tạo', 'SGDĐT'],
  ['Sở Nội vụ', 'SNV'],
  ['Sở Tài chính', 'STC'],
  ['Sở Khoa học và Công nghệ', 'SKHCN'],
  ['Sở Nông nghiệp và Môi trường', 'SNNMT'],
  ['Sở Xây dựng', 'SXD'],
  ['Sở Văn hóa, Thể thao và Du lịch', 'SVHTTDL'],
  ['Sở Công Thương', 'SCT'],
  ['Sở Tư pháp', 'STP'],
];
const MOVEMENTS = [
  'Đổi mới sáng tạo và chuyển đổi số',
  'Cả nước chung tay vì người nghèo',
  'Dân vận khéo',
  'Chung sức xây dựng nông thôn mới',
  'Cải cách hành chính',
  'Thi đua yêu nước',
  'Học tập suốt đời',
  'Toàn dân đoàn kết xây dựng đời sống văn hóa',
  'Bảo vệ môi trường và ứng phó biến đổi khí hậu',
];
const TOPICS = [
  'chuyển đổi số',
  'cải cách hành chính',
  'xây dựng nông thôn mới',
  'phòng, chống thiên tai',
  'an toàn vệ sinh thực phẩm',
  'bình đẳng giới',
  'phòng, chống tham nhũng',
  'phát triển du lịch cộng đồng',
  'chăm sóc sức khỏe ban đầu',
  'giáo dục nghề nghiệp',
  'kinh tế số',
  'chính quyền số',
  'bảo hiểm y tế toàn dân',
  'giảm nghèo bền vững',
  'phổ biến, giáo dục pháp luật',
  'quản lý đất đai',
  'bảo tồn di sản văn hóa',
];
const TASKS = [
  'triển khai dịch vụ công trực tuyến toàn trình',
  'số hóa hồ sơ, kết quả giải quyết thủ tục hành chính',
  'tổ chức tập huấn cho cán bộ, công chức cấp xã',
  'kiểm tra, giám sát việc thực hiện tại cơ sở',
  'tuyên truyền sâu rộng trong cán bộ, đảng viên và nhân dân',
  'xây dựng mô hình điểm tại các thôn, tổ dân phố',
  'rà soát, đánh giá kết quả thực hiện các chỉ tiêu',
  'bố trí kinh phí từ nguồn ngân sách địa phương',
  'phối hợp với Ủy ban Mặt trận Tổ quốc Việt Nam cùng cấp',
  'biểu dương, nhân rộng điển hình tiên tiến',
  'ứng dụng nền tảng số trong quản lý, điều hành',
  'nâng cao chỉ số hài lòng của người dân',
];
const AWARDS: [string, string][] = [
  ['Bằng khen', 'Chủ tịch Ủy ban nhân dân tỉnh'],
  ['Giấy khen', 'Giám đốc Sở'],
  ['Cờ thi đua', 'Ủy ban nhân dân tỉnh'],
  ['Huân chương Lao động', 'Chủ tịch nước'],
  ['Bằng khen', 'Thủ tướng Chính phủ'],
  ['Chiến sĩ thi đua cấp tỉnh', 'Chủ tịch Ủy ban nhân dân tỉnh'],
  ['Giấy khen', 'Chủ tịch Ủy ban nhân dân xã'],
];
const NATIONAL: { text: string; type: string; number: string; iso: string; issuer: string }[] = [
  {
    text: 'Nghị định số 98/2023/NĐ-CP ngày 31 tháng 12 năm 2023 của Chính phủ',
    type: 'Nghị định',
    number: '98/2023/NĐ-CP',
    iso: '2023-12-31',
    issuer: 'Chính phủ',
  },
  {
    text: 'Quyết định số 749/QĐ-TTg ngày 03 tháng 6 năm 2020 của Thủ tướng Chính phủ',
    type: 'Quyết định',
    number: '749/QĐ-TTg',
    iso: '2020-06-03',
    issuer: 'Thủ tướng Chính phủ',
  },
  {
    text: 'Quyết định số 131/QĐ-TTg ngày 25/01/2022 của Thủ tướng Chính phủ',
    type: 'Quyết định',
    number: '131/QĐ-TTg',
    iso: '2022-01-25',
    issuer: 'Thủ tướng Chính phủ',
  },
  {
    text: 'Nghị quyết số 57-NQ/TW ngày 22/12/2024 của Bộ Chính trị',
    type: 'Nghị quyết',
    number: '57-NQ/TW',
    iso: '2024-12-22',
    issuer: 'Bộ Chính trị',
  },
  {
    text: 'Chỉ thị số 41/CT-TTg ngày 15/11/2025 của Thủ tướng Chính phủ',
    type: 'Chỉ thị',
    number: '41/CT-TTg',
    iso: '2025-11-15',
    issuer: 'Thủ tướng Chính phủ',
  },
];

const random = seededRandom;

interface Made {
  number: string;
  iso: string;
  issuer: string;
  province: string;
}

const pad = (n: number): string => String(n).padStart(2, '0');

export function generateArchive(count: number, seed = 20260420): ProcessedDocument[] {
  const rand = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  const int = (lo: number, hi: number): number => lo + Math.floor(rand() * (hi - lo + 1));
  const made: Made[] = [];
  const docs: ProcessedDocument[] = [];
  for (let i = 0; i < count; i++) {
    const province = pick(PROVINCES);
    const byProvince = rand() < 0.35;
    const [department, code] = pick(DEPARTMENTS);
    const issuer = byProvince ? `Ủy ban nhân dân tỉnh ${province}` : department;
    const parent = byProvince ? null : `Ủy ban nhân dân tỉnh ${province}`;
    const symbol = `KH-${byProvince ? 'UBND' : code}`;
    const year = int(2019, 2027);
    const month = int(1, 12);
    const day = int(1, 28);
    const iso = `${year}-${pad(month)}-${pad(day)}`;
    const serial = String(int(1, 4999));
    const number = `${serial}/${symbol}`;
    const topic = pick(TOPICS);
    const movement = rand() < 0.4 ? pick(MOVEMENTS) : null;
    const multiYear = rand() < 0.3;
    const period = multiYear
      ? { from: year, to: year + 4, text: `giai đoạn ${year} - ${year + 4}` }
      : { from: year, to: year, text: `năm ${year}` };
    const title = movement
      ? `Phát động phong trào thi đua "${movement}" gắn với ${topic} ${period.text}`
      : `Thực hiện công tác ${topic} ${period.text}`;

    const references: Reference[] = [];
    const basis: string[] = [];
    const cite = (
      text: string,
      type: string | null,
      num: string,
      date: string | null,
      citedIssuer: string | null,
      relation: Reference['relation'],
    ) => {
      const [s, ...rest] = num.split('/');
      const numberField = { text: num, serial: s ?? null, symbol: rest.at(-1) ?? null };
      references.push({
        text,
        type,
        number: numberField,
        date: date ? { iso: date, precision: 'day' } : null,
        issuer: citedIssuer,
        title: null,
        relation,
        key: referenceKey({ type, number: numberField, year: date ? Number(date.slice(0, 4)) : null }),
      });
      basis.push(`Căn cứ ${text};`);
    };
    const national = pick(NATIONAL);
    cite(national.text, national.type, national.number, national.iso, national.issuer, 'basis');
    if (made.length > 0 && rand() < 0.7) {
      const parentDoc = made[Math.floor(rand() * made.length)]!;
      const [y, m, d] = parentDoc.iso.split('-');
      const short = rand() < 0.4;
      const text = short
        ? `KH ${parentDoc.number} (${Number(d)}/${Number(m)}/${y})`
        : `Kế hoạch số ${parentDoc.number} ngày ${Number(d)} tháng ${Number(m)} năm ${y} của ${parentDoc.issuer}`;
      cite(text, 'Kế hoạch', parentDoc.number, parentDoc.iso, short ? null : parentDoc.issuer, 'implements');
    }
    if (rand() < 0.3) {
      const missingSerial = int(1, 300);
      cite(
        `Quyết định số ${missingSerial}/QĐ-UBND ngày 15/01/${year} của Ủy ban nhân dân tỉnh ${province}`,
        'Quyết định',
        `${missingSerial}/QĐ-UBND`,
        `${year}-01-15`,
        `Ủy ban nhân dân tỉnh ${province}`,
        'basis',
      );
    }

    const deadlines: ProcessedDocument['record']['deadlines'] = [];
    const deadlineLines: string[] = [];
    const annualDay = int(1, 28);
    const annualMonth = int(1, 12);
    const annualText = `trước ngày ${annualDay} tháng ${annualMonth} hằng năm`;
    deadlines.push({
      text: annualText,
      kind: 'annual',
      date: { month: annualMonth, day: annualDay },
      action: 'báo cáo kết quả thực hiện',
      responsible: 'Các cơ quan, đơn vị',
    });
    deadlineLines.push(`Các cơ quan, đơn vị báo cáo kết quả thực hiện ${annualText}.`);
    for (let k = int(0, 2); k > 0; k--) {
      const dy = year + int(0, 1);
      const dm = int(1, 12);
      const dd = int(1, 28);
      const text = `trước ngày ${dd}/${dm}/${dy}`;
      deadlines.push({
        text,
        kind: 'once',
        date: { iso: `${dy}-${pad(dm)}-${pad(dd)}`, year: dy, month: dm, day: dd },
        action: pick(TASKS),
        responsible: null,
      });
      deadlineLines.push(`Hoàn thành việc ${pick(TASKS)} ${text}.`);
    }

    const awards: ProcessedDocument['record']['awards'] = [];
    const awardLines: string[] = [];
    for (let k = int(1, 3); k > 0; k--) {
      const [form, by] = pick(AWARDS);
      awards.push({
        text: `${by} tặng ${form}`,
        form,
        conferredBy: by,
        occasion: pick(['annual', 'interim', 'final'] as const),
      });
      awardLines.push(`${by} tặng ${form} cho các tập thể, cá nhân có thành tích xuất sắc.`);
    }

    // Lay the text out as sections, 24 lines a page.
    const lines: string[] = [];
    const sections: Section[] = [];
    const at = (n: number) => ({ page: Math.floor((n - 1) / 24) + 1, line: ((n - 1) % 24) + 1 });
    const block = (kind: Section['kind'], label: string | null, heading: string | null, body: string[]) => {
      const first = lines.length + 1;
      if (heading) lines.push(`${label ?? ''} ${heading}`.trim());
      lines.push(...body);
      const start = at(first);
      const end = at(lines.length);
      sections.push({
        kind,
        label,
        heading,
        level: kind === 'section' ? 1 : 0,
        span: { page: start.page, line: start.line, endPage: end.page, endLine: end.line },
        children: [],
      });
    };
    block('issuer', null, null, [
      byProvince ? `ỦY BAN NHÂN DÂN TỈNH ${province.toUpperCase()}` : `${department.toUpperCase()}`,
    ]);
    block('number', null, null, [`Số: ${number}`]);
    block('place-date', null, null, [`${province}, ngày ${day} tháng ${month} năm ${year}`]);
    block('type', null, null, ['KẾ HOẠCH']);
    block('title', null, null, [title]);
    block('basis', null, null, basis);
    block('section', 'I.', 'MỤC ĐÍCH, YÊU CẦU', [
      `Nâng cao hiệu quả công tác ${topic} trên địa bàn tỉnh ${province}.`,
      `Phấn đấu ${pick(TASKS)}.`,
    ]);
    block(
      'section',
      'II.',
      'NỘI DUNG',
      Array.from(
        { length: int(4, 10) },
        () => `- ${pick(TASKS)[0]!.toUpperCase()}${pick(TASKS).slice(1)}; ${pick(TASKS)}.`,
      ),
    );
    block('section', 'III.', 'KHEN THƯỞNG', awardLines);
    block('section', 'IV.', 'TỔ CHỨC THỰC HIỆN', deadlineLines);
    block('signature', null, null, ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']);
    const pages = [];
    for (let start = 0; start < lines.length; start += 24)
      pages.push({
        page: start / 24 + 1,
        source: 'text-layer' as const,
        lines: lines.slice(start, start + 24).map((text) => ({ text })),
        findings: [],
      });

    const id = createHash('sha256').update(`${seed}:${i}`).digest('hex');
    made.push({ number, iso, issuer, province });
    docs.push({
      record: {
        schemaVersion: 1,
        id,
        source: { path: `generated/${i}.pdf`, kind: 'pdf', pages: pages.length, textSource: 'text-layer' },
        document: {
          type: 'Kế hoạch',
          typeCode: 'KH',
          number: { text: number, serial, symbol },
          issuer: { name: issuer, parent },
          place: province,
          issuedDate: { iso, precision: 'day' },
          title,
          movement,
          period,
          phases: [],
          signer: null,
          provenance: {},
        },
        references,
        deadlines,
        awards,
        recipients: [],
        responsibilities: [],
        targets: [],
        sections,
        findings: [],
        quality: {
          textSource: 'text-layer',
          ocrConfidence: null,
          tokensRestored: 0,
          lowConfidenceTokens: 0,
          encoding: null,
        },
      },
      text: { pages },
      edits: [],
    });
  }
  return docs;
}
