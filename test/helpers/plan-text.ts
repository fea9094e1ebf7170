const UNITS = [
  'Phòng Nghiệp vụ Y',
  'Phòng Kế hoạch - Tài chính',
  'Trung tâm Kiểm soát bệnh tật',
  'Văn phòng Sở',
];
const TOPICS = [
  'chuyển đổi số trong khám bệnh, chữa bệnh',
  'phòng, chống dịch bệnh mùa mưa',
  'nâng cao chất lượng y tế cơ sở',
  'thi đua yêu nước trong ngành y tế',
  'cải cách hành chính',
];

/** A short, well-formed Kế hoạch whose number is `${serial}/KH-SYT`, for pipeline tests. */
export function planText(serial: number): string {
  const topic = TOPICS[serial % TOPICS.length] ?? TOPICS[0];
  const unit = UNITS[serial % UNITS.length] ?? UNITS[0];
  const day = (serial % 27) + 1;
  return [
    'UBND TỈNH VĨNH LONG',
    'SỞ Y TẾ',
    'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
    'Độc lập - Tự do - Hạnh phúc',
    '',
    `Số: ${serial}/KH-SYT`,
    `Vĩnh Long, ngày ${day} tháng 3 năm 2026`,
    '',
    'KẾ HOẠCH',
    `Triển khai ${topic} năm 2026 (đợt ${serial})`,
    '',
    'Căn cứ Quyết định số 1940/QĐ-UBND ngày 20 tháng 10 năm 2025 của Ủy ban nhân dân tỉnh Vĩnh Long;',
    '',
    `Sở Y tế ban hành Kế hoạch triển khai ${topic} như sau:`,
    '',
    'I. MỤC ĐÍCH, YÊU CẦU',
    `1. Nâng cao hiệu quả ${topic} trong toàn ngành.`,
    '2. Bảo đảm đúng tiến độ, thiết thực, hiệu quả.',
    '',
    'II. TỔ CHỨC THỰC HIỆN',
    `${unit} chủ trì, báo cáo kết quả về Sở Y tế trước ngày 15/12/2026.`,
    '',
    'Nơi nhận:',
    '- UBND tỉnh (báo cáo);',
    '- Lưu: VT.',
    'KT. GIÁM ĐỐC',
    'PHÓ GIÁM ĐỐC',
    '',
    'Nguyễn Văn An',
    '',
  ].join('\n');
}
