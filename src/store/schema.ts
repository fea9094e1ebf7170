/**
 * Schema version 1, shared by both backends. `AUTO_ID` is replaced by each backend's auto-increment
 * key and `BYTE_ORDERED_TEXT` by text that sorts by bytes (prefix ranges can then use the index on
 * PostgreSQL too, whatever the database's locale); the full-text index is created by the backend's own
 * migration step after these tables.
 */
export const SCHEMA_V1 = `
CREATE TABLE documents (
  id TEXT PRIMARY KEY,
  number TEXT,
  number_folded TEXT,
  serial TEXT,
  symbol_folded TEXT,
  type TEXT,
  type_folded TEXT,
  type_code_folded TEXT,
  issuer TEXT,
  issuer_folded TEXT,
  issued_date TEXT,
  issued_start TEXT,
  issued_end TEXT,
  title TEXT,
  period_from INTEGER,
  period_to INTEGER,
  source_path TEXT NOT NULL,
  run_id TEXT,
  stored_at TEXT NOT NULL
);
CREATE INDEX documents_number ON documents (number_folded);
CREATE INDEX documents_serial ON documents (serial);
CREATE INDEX documents_symbol ON documents (symbol_folded);
CREATE INDEX documents_type ON documents (type_folded);
CREATE INDEX documents_issued ON documents (issued_start, issued_end);
CREATE INDEX documents_period ON documents (period_from, period_to);
CREATE INDEX documents_run ON documents (run_id);

-- The full record lives apart so that scans of documents read only the narrow indexed columns.
CREATE TABLE document_records (
  document_id TEXT PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
  record_json TEXT NOT NULL
);

CREATE TABLE document_keys (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  key TEXT NOT NULL,
  PRIMARY KEY (document_id, key)
);
CREATE INDEX document_keys_key ON document_keys (key);

CREATE TABLE doc_references (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  key TEXT NOT NULL,
  relation TEXT NOT NULL,
  type TEXT,
  number TEXT,
  number_folded TEXT,
  issuer TEXT,
  issuer_folded TEXT,
  date TEXT,
  title TEXT,
  text TEXT NOT NULL,
  target_id TEXT,
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX doc_references_key ON doc_references (key);
CREATE INDEX doc_references_target ON doc_references (target_id, key, document_id);
CREATE INDEX doc_references_number ON doc_references (number_folded);

CREATE TABLE deadlines (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  kind TEXT NOT NULL,
  start_date TEXT,
  end_date TEXT,
  start_day TEXT,
  end_day TEXT,
  action TEXT,
  responsible TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX deadlines_once ON deadlines (start_date, end_date);
CREATE INDEX deadlines_annual ON deadlines (start_day, end_day);

CREATE TABLE awards (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  form TEXT NOT NULL,
  form_folded BYTE_ORDERED_TEXT NOT NULL,
  conferred_by TEXT,
  occasion TEXT,
  text TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX awards_form ON awards (form_folded);

CREATE TABLE sections (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  parent_ord INTEGER,
  kind TEXT NOT NULL,
  label TEXT,
  heading TEXT,
  level INTEGER NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  end_page INTEGER NOT NULL,
  end_line INTEGER NOT NULL,
  PRIMARY KEY (document_id, ord)
);

-- The repaired text, one row per section and page (lines outside any section have no section_ord),
-- a section's text is the chunks of it and its subsections, so no text is stored twice.
CREATE TABLE chunks (
  id AUTO_ID,
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  section_ord INTEGER,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX chunks_document ON chunks (document_id);

CREATE TABLE restoration_edits (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  page INTEGER NOT NULL,
  line INTEGER NOT NULL,
  edit_json TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
);

CREATE TABLE findings (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  ord INTEGER NOT NULL,
  stage TEXT NOT NULL,
  code TEXT NOT NULL,
  severity TEXT NOT NULL,
  page INTEGER,
  finding_json TEXT NOT NULL,
  PRIMARY KEY (document_id, ord)
);
CREATE INDEX findings_code ON findings (code);

CREATE TABLE import_runs (
  id TEXT PRIMARY KEY,
  label TEXT,
  started_at TEXT NOT NULL,
  finished_at TEXT,
  status TEXT NOT NULL
);

CREATE TABLE failed_imports (
  id AUTO_ID,
  run_id TEXT,
  file TEXT NOT NULL,
  code TEXT NOT NULL,
  message TEXT NOT NULL,
  at TEXT NOT NULL
);
CREATE INDEX failed_imports_run ON failed_imports (run_id);
`;

/**
 * Schema version 2: the page geometry the web workspace draws line boxes from, and reviewers'
 * corrections. Corrections are a layer over the machine output and have no foreign key on purpose: they
 * outlive a re-import of their document (deleting the document deletes them explicitly).
 */
export const SCHEMA_V2 = `
CREATE TABLE page_layouts (
  document_id TEXT NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
  page INTEGER NOT NULL,
  source TEXT NOT NULL,
  width REAL,
  height REAL,
  dpi REAL,
  rotation INTEGER,
  skew REAL,
  lines_json TEXT NOT NULL,
  PRIMARY KEY (document_id, page)
);

CREATE TABLE corrections (
  id AUTO_ID,
  document_id TEXT NOT NULL,
  target TEXT NOT NULL,
  path TEXT,
  page INTEGER,
  line INTEGER,
  col INTEGER,
  original TEXT,
  value TEXT,
  action TEXT NOT NULL,
  reviewer TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX corrections_document ON corrections (document_id, id);
`;

/** Version of the newest schema this code writes. */
export const SCHEMA_VERSION = 2;
