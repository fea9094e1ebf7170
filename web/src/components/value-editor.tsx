import { useState } from 'preact/hooks';

/** Accept the machine's value or save a corrected one; errors from the server are shown in place. */
export function ValueEditor({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  onSave: (action: 'accept' | 'correct', value: string) => Promise<void>;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(initial);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const save = (action: 'accept' | 'correct') => {
    setBusy(true);
    setError('');
    onSave(action, value).catch((e: Error) => {
      setError(e.message);
      setBusy(false);
    });
  };
  return (
    <form
      class="editor"
      onSubmit={(event) => {
        event.preventDefault();
        save('correct');
      }}
      onKeyDown={(event) => event.key === 'Escape' && onCancel()}
    >
      <label style={{ flex: '1 1 14rem' }}>
        {label}
        <input value={value} autoFocus onInput={(event) => setValue(event.currentTarget.value)} />
      </label>
      <button type="submit" disabled={busy}>
        Lưu sửa
      </button>
      <button type="button" class="secondary" disabled={busy} onClick={() => save('accept')}>
        Chấp nhận giá trị máy
      </button>
      <button type="button" class="secondary" onClick={onCancel}>
        Huỷ
      </button>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
    </form>
  );
}
