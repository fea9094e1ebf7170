import { useEffect, useState } from 'preact/hooks';

/**
 * Loads data whenever `deps` change. Only the newest request's answer is kept: an older one that arrives
 * late (a slow server, a quick change of filters) never overwrites it. With `keep`, the previous answer
 * stays on screen while the next loads (a table being sorted keeps its place and the keyboard focus).
 */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[], keep = false) {
  const [data, setData] = useState<T | null>(null);
  const [error, setError] = useState('');
  useEffect(() => {
    let current = true;
    if (!keep) setData(null);
    setError('');
    load().then(
      (answer) => current && setData(answer),
      (e: Error) => current && setError(e.message),
    );
    return () => {
      current = false;
    };
  }, deps);
  return { data, error, setData };
}
