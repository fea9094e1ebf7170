import { useEffect, useState } from 'preact/hooks';
import { api, token, type ImportJobSnapshot } from '../api';
import { FAILURE_REASONS } from '../failure-reasons';
import { href } from '../router';

const STATES: Record<string, string> = {
  reading: 'đang đọc',
  stored: 'đã lưu',
  duplicate: 'đã có trong kho',
  failed: 'lỗi',
};

function Progress({ value, max, label }: { value: number; max: number; label: string }) {
  const percent = max > 0 ? Math.min(100, Math.round((value / max) * 100)) : 0;
  return (
    <div
      class="progress"
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={max}
      aria-valuenow={value}
    >
      <div style={{ width: `${percent}%` }} />
    </div>
  );
}

/** Live progress of one import, polled twice a second until it ends. */
function ImportProgress({ jobId, onRetry }: { jobId: string; onRetry: (path: string) => void }) {
  const [job, setJob] = useState<ImportJobSnapshot | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let stopped = false;
    let timer: number | undefined;
    const poll = () =>
      api.importJob(jobId).then(
        (snapshot) => {
          if (stopped) return;
          setJob(snapshot);
          if (snapshot.status === 'running') timer = window.setTimeout(poll, 500);
        },
        (e: Error) => setError(e.message),
      );
    void poll();
    return () => {
      stopped = true;
      window.clearTimeout(timer);
    };
  }, [jobId]);
  if (error) return <p class="error">{error}</p>;
  if (!job) return <p class="muted">Đang bắt đầu…</p>;
  const status =
    job.status === 'running'
      ? 'Đang nhập…'
      : job.status === 'done'
        ? 'Hoàn tất'
        : `Không chạy được: ${job.error ?? ''}`;
  return (
    <section class="card" aria-live="polite" data-import-status={job.status}>
      <h3>
        {status} <span class="muted">({job.paths.join(', ')})</span>
      </h3>
      <div class="stats">
        <div>
          <strong data-stat="documents">
            {job.documentsDone} / {job.files}
          </strong>
          tài liệu xong
        </div>
        <div>
          <strong data-stat="pages">
            {job.pagesDone} / {job.pagesTotal}
          </strong>
          trang đã đọc
        </div>
        <div>
          <strong>{job.pagesPerMinute}</strong>trang/phút
        </div>
        <div>
          <strong class="ok">{job.stored}</strong>đã lưu
        </div>
        <div>
          <strong>{job.duplicates}</strong>đã có
        </div>
        <div>
          <strong class={job.failed ? 'error' : ''}>{job.failed}</strong>lỗi
        </div>
      </div>
      <Progress value={job.documentsDone} max={job.files} label="Tài liệu đã xong" />
      <table style={{ marginTop: '0.75rem' }}>
        <thead>
          <tr>
            <th scope="col">Tệp</th>
            <th scope="col">Trạng thái</th>
            <th scope="col">Trang</th>
            <th scope="col">Chi tiết</th>
          </tr>
        </thead>
        <tbody>
          {job.documents.map((d) => (
            <tr key={d.path} data-state={d.state}>
              <td>{d.path.split('/').pop()}</td>
              <td class={d.state === 'failed' ? 'error' : d.state === 'stored' ? 'ok' : ''}>
                {STATES[d.state]}
              </td>
              <td class="num">
                {d.pagesDone} / {d.pages}
              </td>
              <td>
                {d.state === 'stored' && d.id ? (
                  <a href={href(`/document/${d.id}`)}>{d.number ?? d.title ?? 'Mở tài liệu'}</a>
                ) : null}
                {d.state === 'failed' ? (
                  <>
                    <strong class="error">
                      {FAILURE_REASONS[d.code ?? ''] ?? 'Không xử lý được tài liệu.'}
                    </strong>{' '}
                    <span class="muted">
                      {d.message} <code>{d.code}</code>
                    </span>{' '}
                    <button type="button" class="secondary" onClick={() => onRetry(d.path)}>
                      Thử lại
                    </button>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}

export function ImportView({ writable }: { writable: boolean | null }) {
  const [path, setPath] = useState('');
  const [force, setForce] = useState(false);
  const [files, setFiles] = useState<File[]>([]);
  const [jobs, setJobs] = useState<string[]>([]);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (writable && token.get())
      api.imports().then(
        // Merged, not replaced: an import started while this answer was on its way must stay on the page.
        (answer) =>
          setJobs((shown) => [
            ...shown,
            ...answer.items
              .slice(0, 5)
              .map((job) => job.id)
              .filter((id) => !shown.includes(id)),
          ]),
        () => undefined,
      );
  }, [writable]);
  const start = async (work: () => Promise<ImportJobSnapshot>) => {
    setBusy(true);
    setError('');
    try {
      const job = await work();
      setJobs((list) => [job.id, ...list.filter((id) => id !== job.id)]);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  if (writable === false)
    return (
      <>
        <h2>Nhập tài liệu</h2>
        <p class="card">
          Máy chủ đang ở chế độ chỉ đọc. Khởi động <code>vnplan serve</code> với biến môi trường{' '}
          <code>VNPLAN_API_TOKEN</code> để nhập tài liệu từ đây.
        </p>
      </>
    );
  return (
    <>
      <h2>Nhập tài liệu</h2>
      {!token.get() ? (
        <p class="card error">Hãy nhập mã truy cập (VNPLAN_API_TOKEN) ở đầu trang trước khi nhập tài liệu.</p>
      ) : null}
      <section class="card">
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            if (path.trim()) void start(() => api.startImport({ paths: [path.trim()], force }));
          }}
        >
          <label style={{ flex: '1 1 28rem' }}>
            Thư mục hoặc tệp trên máy chủ
            <input
              name="path"
              value={path}
              placeholder="ví dụ: luu-tru/2026"
              onInput={(event) => setPath(event.currentTarget.value)}
            />
          </label>
          <label class="inline">
            <input
              type="checkbox"
              checked={force}
              onChange={(event) => setForce(event.currentTarget.checked)}
            />
            Xử lý lại tài liệu đã có
          </label>
          <button type="submit" disabled={busy || !path.trim()}>
            Nhập thư mục
          </button>
        </form>
      </section>
      <section class="card">
        <form
          class="filters"
          onSubmit={(event) => {
            event.preventDefault();
            if (files.length === 0) return;
            void start(async () => {
              let batch: string | undefined;
              for (const file of files) batch = (await api.upload(file, batch)).batch;
              return api.startImport({ upload: batch!, force });
            });
          }}
        >
          <label style={{ flex: '1 1 28rem' }}>
            Tải tệp lên (PDF, ảnh quét, văn bản)
            <input
              type="file"
              name="files"
              multiple
              accept=".pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt"
              onChange={(event) => setFiles([...(event.currentTarget.files ?? [])])}
            />
          </label>
          <button type="submit" disabled={busy || files.length === 0}>
            Tải lên và nhập
          </button>
        </form>
      </section>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {jobs.map((jobId) => (
        <ImportProgress
          key={jobId}
          jobId={jobId}
          onRetry={(file) => void start(() => api.startImport({ paths: [file], force: true }))}
        />
      ))}
    </>
  );
}
