/**
 * What a failed import means, in Vietnamese, for the codes a reviewer meets; the server's own message
 * (English, with the exact detail) stays beside it.
 */
export const FAILURE_REASONS: Record<string, string> = {
  VNPLAN_E_FILE_NOT_FOUND: 'Không tìm thấy tệp hoặc thư mục.',
  VNPLAN_E_FILE_UNREADABLE: 'Không đọc được tệp: kiểm tra quyền truy cập.',
  VNPLAN_E_FILE_EMPTY: 'Tệp rỗng (0 byte): có thể chưa sao chép hoặc tải xuống hết.',
  VNPLAN_E_FILE_TOO_LARGE: 'Tệp vượt quá giới hạn dung lượng.',
  VNPLAN_E_UNSUPPORTED_TYPE: 'Không phải PDF, ảnh (PNG, JPEG, TIFF) hay tệp văn bản: hãy chuyển sang PDF.',
  VNPLAN_E_SYMLINK_LOOP: 'Liên kết tượng trưng vòng lặp: đã bỏ qua.',
  VNPLAN_E_PDF_CORRUPT: 'Tệp PDF bị hỏng hoặc không đầy đủ: hãy tải hoặc quét lại.',
  VNPLAN_E_PDF_ENCRYPTED: 'Tệp PDF có mật khẩu: hãy gỡ mật khẩu rồi nhập lại.',
  VNPLAN_E_PDF_NO_PAGES: 'Tệp PDF không có trang nào.',
  VNPLAN_E_TOO_MANY_PAGES: 'Tài liệu có quá nhiều trang so với giới hạn.',
  VNPLAN_E_IMAGE_CORRUPT: 'Ảnh bị hỏng, không giải mã được.',
  VNPLAN_E_IMAGE_TOO_LARGE: 'Ảnh trang quá lớn so với giới hạn điểm ảnh.',
  VNPLAN_E_TEXT_UNDECODABLE: 'Không xác định được bảng mã của tệp văn bản.',
  VNPLAN_E_OCR_TIMEOUT: 'Nhận dạng ký tự (OCR) quá thời gian cho phép.',
  VNPLAN_E_OCR_FAILED: 'Nhận dạng ký tự (OCR) thất bại.',
  VNPLAN_E_RENDER_FAILED: 'Không dựng được ảnh trang.',
  VNPLAN_E_RECORD_INVALID: 'Kết quả trích xuất không hợp lệ.',
  VNPLAN_E_FILE_CHANGED: 'Tệp đã thay đổi trong khi xử lý: hãy thử lại.',
  VNPLAN_E_TIMEOUT: 'Một bước xử lý quá thời gian cho phép: hãy thử lại.',
  VNPLAN_E_DB_UNAVAILABLE: 'Không kết nối được cơ sở dữ liệu: hãy thử lại.',
  VNPLAN_E_REDIS_UNAVAILABLE: 'Không kết nối được hàng đợi Redis: hãy thử lại.',
  VNPLAN_E_JOB_LOST: 'Công việc bị mất trên hàng đợi: hãy thử lại.',
  VNPLAN_E_INTERNAL: 'Lỗi nội bộ: hãy báo lại kèm thông báo bên cạnh.',
};
