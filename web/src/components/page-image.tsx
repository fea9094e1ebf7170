import { useEffect, useRef, useState } from 'preact/hooks';
import { pageImageUrl, type PageLayout } from '../api';

/** The page rendered from its source, with the selected lines' boxes drawn over it. */
export function PageImage({ id, layout, lines }: { id: string; layout: PageLayout; lines: number[] }) {
  const [failed, setFailed] = useState('');
  const firstBox = useRef<HTMLDivElement>(null);
  useEffect(() => setFailed(''), [id, layout.page]);
  useEffect(
    () => firstBox.current?.scrollIntoView({ block: 'nearest', behavior: 'smooth' }),
    [lines.join(',')],
  );
  if (layout.source === 'text-file' || !layout.width || !layout.height)
    return <p class="muted">Tài liệu là tệp văn bản: không có ảnh trang, xem văn bản bên cạnh.</p>;
  const { width, height } = layout;
  const boxes = lines.flatMap((n) => {
    const bbox = layout.lines[n - 1]?.bbox;
    return bbox ? [{ n, bbox }] : [];
  });
  return (
    <div class="page-image">
      {failed ? (
        <p class="error">Không hiển thị được ảnh trang: {failed}</p>
      ) : (
        <img
          // A new element per page: the browser would otherwise keep showing the previous page until the next loads.
          key={`${id}-${layout.page}`}
          src={pageImageUrl(id, layout.page)}
          alt={`Ảnh trang ${layout.page}`}
          onError={() =>
            fetch(pageImageUrl(id, layout.page))
              .then((r) => r.json() as Promise<{ message?: string }>)
              .then((body) => setFailed(body.message ?? 'lỗi không rõ'))
              .catch(() => setFailed('lỗi không rõ'))
          }
        />
      )}
      {boxes.map(({ n, bbox }, index) => (
        <div
          key={n}
          ref={index === 0 ? firstBox : undefined}
          class="box"
          data-line={n}
          role="img"
          aria-label={`Dòng ${n} trên ảnh trang`}
          style={{
            left: `${(bbox.x0 / width) * 100}%`,
            top: `${(bbox.y0 / height) * 100}%`,
            width: `${((bbox.x1 - bbox.x0) / width) * 100}%`,
            height: `${((bbox.y1 - bbox.y0) / height) * 100}%`,
          }}
        />
      ))}
    </div>
  );
}
