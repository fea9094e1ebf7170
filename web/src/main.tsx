import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { api, token } from './api';
import { useRoute } from './router';
import './styles.css';
import { DocumentView } from './views/document-view';
import { DocumentsView } from './views/documents-view';
import { ImportView } from './views/import-view';
import { OverviewView } from './views/overview-view';
import { ReferencesView } from './views/references-view';

const VIEWS = [
  { path: 'documents', label: 'Tài liệu' },
  { path: 'import', label: 'Nhập tài liệu' },
  { path: 'refs', label: 'Tham chiếu' },
  { path: 'overview', label: 'Thời hạn & tổng quan' },
] as const;

/** The bearer token for writes, pasted once and kept in this browser's localStorage. */
function TokenBox({ writable }: { writable: boolean | null }) {
  const [value, setValue] = useState(token.get());
  const [saved, setSaved] = useState(false);
  return (
    <form
      class="token"
      onSubmit={(event) => {
        event.preventDefault();
        token.set(value.trim());
        setSaved(true);
        dispatchEvent(new Event('vnplan-token'));
      }}
    >
      <label class="inline" style={{ color: '#dfe6f3' }}>
        Mã truy cập
        <input
          type="password"
          value={value}
          autoComplete="off"
          placeholder={writable === false ? 'máy chủ chỉ cho đọc' : 'VNPLAN_API_TOKEN'}
          onInput={(event) => {
            setValue(event.currentTarget.value);
            setSaved(false);
          }}
        />
      </label>
      <button type="submit" class="secondary">
        {saved ? 'Đã lưu' : 'Lưu mã'}
      </button>
    </form>
  );
}

function App() {
  const route = useRoute();
  const [writable, setWritable] = useState<boolean | null>(null);
  const [, setTokenVersion] = useState(0);
  useEffect(() => {
    const update = () => setTokenVersion((n) => n + 1);
    addEventListener('vnplan-token', update);
    return () => removeEventListener('vnplan-token', update);
  }, []);
  useEffect(() => {
    api.health().then(
      (health) => setWritable(health.writable),
      () => setWritable(false),
    );
  }, []);
  const [view = 'documents', id] = route.path;
  const active = view === 'document' ? 'documents' : view;
  useEffect(() => {
    const label = VIEWS.find((v) => v.path === active)?.label ?? 'vnplan';
    document.title = `${label} — vnplan`;
  }, [active]);
  let content;
  if (view === 'document' && id) content = <DocumentView id={id} query={route.query} writable={writable} />;
  else if (view === 'import') content = <ImportView writable={writable} />;
  else if (view === 'refs') content = <ReferencesView id={id} />;
  else if (view === 'overview') content = <OverviewView />;
  else content = <DocumentsView query={route.query} />;
  return (
    <>
      <header class="top">
        <h1>vnplan</h1>
        <nav aria-label="Chức năng">
          {VIEWS.map((v) => (
            <a key={v.path} href={`#/${v.path}`} aria-current={active === v.path ? 'page' : undefined}>
              {v.label}
            </a>
          ))}
        </nav>
        <TokenBox writable={writable} />
      </header>
      <main id="main">{content}</main>
    </>
  );
}

render(<App />, document.getElementById('app')!);
