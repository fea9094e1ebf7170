/** A search snippet: the store marks matched words with [brackets]; they become <mark>. */
export function Snippet({ text }: { text: string }) {
  const parts = text.split(/(\[[^\]]*\])/g).filter(Boolean);
  return (
    <span class="snippet">
      {parts.map((part, index) =>
        part.startsWith('[') && part.endsWith(']') ? <mark key={index}>{part.slice(1, -1)}</mark> : part,
      )}
    </span>
  );
}
