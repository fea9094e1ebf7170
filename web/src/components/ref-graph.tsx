import type { DocumentRefs } from '../api';
import { shortId } from '../format';
import { href } from '../router';

type Edge = DocumentRefs['parents'][number];

const RELATIONS: Record<string, string> = { basis: 'căn cứ', implements: 'thực hiện', cites: 'trích dẫn' };
const NODE_W = 230;
const NODE_H = 34;
const GAP = 12;
const WIDTH = 860;

const cut = (text: string, max = 34) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
const labelOf = (edge: Edge) =>
  edge.document ? (edge.document.number ?? edge.document.title ?? shortId(edge.document.id)) : edge.text;

function Node({ x, y, edge }: { x: number; y: number; edge: Edge }) {
  const box = (
    <>
      <rect
        x={x}
        y={y}
        width={NODE_W}
        height={NODE_H}
        rx={5}
        fill={edge.document ? '#e3ecfa' : '#fff'}
        stroke={edge.document ? '#1f5fbf' : '#b3261e'}
        stroke-dasharray={edge.document ? undefined : '5 3'}
      />
      <text x={x + 8} y={y + 21}>
        {cut(labelOf(edge))}
      </text>
      <title>
        {edge.document
          ? `${edge.document.type ?? ''} ${edge.document.title ?? ''}`
          : `Chưa lưu trữ: ${edge.text}`}
      </title>
    </>
  );
  return edge.document ? <a href={href(`/refs/${edge.document.id}`)}>{box}</a> : <g>{box}</g>;
}

/** A document between its parents (left: what it cites) and its children (right: archived documents citing it). */
export function RefGraph({ refs, label }: { refs: DocumentRefs; label: string }) {
  const rows = Math.max(refs.parents.length, refs.children.length, 1);
  const height = rows * (NODE_H + GAP) + 40;
  const centreX = (WIDTH - NODE_W) / 2;
  const centreY = height / 2 - NODE_H / 2;
  const yOf = (index: number, count: number) =>
    height / 2 - (count * (NODE_H + GAP) - GAP) / 2 + index * (NODE_H + GAP);
  return (
    <svg
      class="graph"
      viewBox={`0 0 ${WIDTH} ${height}`}
      width="100%"
      role="img"
      aria-label={`Đồ thị tham chiếu: ${refs.parents.length} văn bản được trích dẫn, ${refs.children.length} văn bản trích dẫn văn bản này`}
    >
      <text x={10} y={16} class="muted">
        Văn bản được trích dẫn
      </text>
      <text x={WIDTH - NODE_W - 10} y={16}>
        Văn bản trích dẫn văn bản này
      </text>
      {refs.parents.map((edge, i) => {
        const y = yOf(i, refs.parents.length);
        return (
          <g key={`p${i}`}>
            <line class="axis" x1={10 + NODE_W} y1={y + NODE_H / 2} x2={centreX} y2={centreY + NODE_H / 2} />
            <text
              x={(10 + NODE_W + centreX) / 2 - 24}
              y={(y + centreY + NODE_H) / 2 - 4}
              style={{ fontSize: '11px' }}
            >
              {RELATIONS[edge.relation] ?? edge.relation}
            </text>
            <Node x={10} y={y} edge={edge} />
          </g>
        );
      })}
      {refs.children.map((edge, i) => {
        const y = yOf(i, refs.children.length);
        return (
          <g key={`c${i}`}>
            <line
              class="axis"
              x1={centreX + NODE_W}
              y1={centreY + NODE_H / 2}
              x2={WIDTH - NODE_W - 10}
              y2={y + NODE_H / 2}
            />
            <Node x={WIDTH - NODE_W - 10} y={y} edge={edge} />
          </g>
        );
      })}
      <rect x={centreX} y={centreY} width={NODE_W} height={NODE_H} rx={5} fill="#17233b" />
      <text x={centreX + 8} y={centreY + 21} style={{ fill: '#fff', fontWeight: 600 }}>
        {cut(label)}
      </text>
    </svg>
  );
}
