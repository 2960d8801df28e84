-- cablegraph.db: the tables, then (after the rows are in) the indexes,
-- the full-text indexes and the views. Ids are those of cables.jsonl and
-- the graph exports: a cable's refid, a person's id.

CREATE TABLE cables (
  seq INTEGER PRIMARY KEY,          -- position in cables.jsonl (1, 2, ...)
  id TEXT NOT NULL UNIQUE,          -- refid: "09BAGHDAD323"
  date TEXT,                        -- YYYY-MM-DD
  datetime TEXT,                    -- RFC 3339, UTC
  date_source TEXT,                 -- dtg or release
  dtg TEXT,
  origin TEXT,
  classification TEXT,
  subject TEXT,
  classified_by TEXT,               -- the classifier's name
  classified_by_office TEXT,
  classified_by_reasons TEXT,
  classified_by_text TEXT,          -- the line as written
  signer TEXT,
  signers TEXT,                     -- JSON array
  addressees TEXT,                  -- JSON array
  warnings TEXT,                    -- JSON array
  source_file TEXT,
  source_line INTEGER,
  source_row INTEGER,
  format TEXT,
  all_caps INTEGER NOT NULL,
  text TEXT,                        -- as read (a run with --with-text)
  normalized TEXT                   -- normalized body (a run with --with-text)
);

CREATE TABLE tags (
  cable TEXT NOT NULL REFERENCES cables(id),
  pos INTEGER NOT NULL,             -- order in the TAGS line, from 0
  tag TEXT NOT NULL,
  PRIMARY KEY (cable, pos)
);

-- a cable's REF field: each reference as written, and the cable it names
CREATE TABLE refs (
  cable TEXT NOT NULL REFERENCES cables(id),
  pos INTEGER NOT NULL,
  text TEXT NOT NULL,
  cites TEXT,                       -- the refid named; may be a cable not in the database
  PRIMARY KEY (cable, pos)
);

CREATE TABLE people (
  id TEXT PRIMARY KEY,              -- "ryan-crocker"
  name TEXT NOT NULL,               -- the fullest name seen
  cables INTEGER NOT NULL,          -- cables naming the person
  first TEXT,                       -- first and last date of those cables
  last TEXT
);

CREATE TABLE aliases (
  person TEXT NOT NULL REFERENCES people(id),
  alias TEXT NOT NULL,
  PRIMARY KEY (person, alias)
);

CREATE TABLE offices (
  person TEXT NOT NULL REFERENCES people(id),
  office TEXT NOT NULL,
  PRIMARY KEY (person, office)
);

CREATE TABLE places (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  cables INTEGER NOT NULL
);

CREATE TABLE organizations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  cables INTEGER NOT NULL
);

-- every mention of a person, place or organization; start and end are
-- byte offsets into the cable as read (cables.text)
CREATE TABLE mentions (
  id INTEGER PRIMARY KEY,
  cable TEXT NOT NULL REFERENCES cables(id),
  type TEXT NOT NULL,               -- person, place or organization
  entity TEXT NOT NULL,             -- people.id, places.id or organizations.id
  start INTEGER NOT NULL,
  end INTEGER NOT NULL,
  text TEXT NOT NULL,
  tagger TEXT                       -- rules, or nlp
);

CREATE TABLE meetings (
  id INTEGER PRIMARY KEY,
  cable TEXT NOT NULL REFERENCES cables(id),
  pos INTEGER NOT NULL,             -- order in the cable, from 0
  kind TEXT NOT NULL,               -- meeting or call
  date TEXT,                        -- the meeting's own date, when the cable gives it
  place TEXT,
  evidence_start INTEGER NOT NULL,
  evidence_end INTEGER NOT NULL,
  evidence TEXT NOT NULL            -- the sentence that says so
);

CREATE TABLE participants (
  meeting INTEGER NOT NULL REFERENCES meetings(id),
  person TEXT NOT NULL REFERENCES people(id),
  PRIMARY KEY (meeting, person)
) WITHOUT ROWID;

-- the graph's edges: every meeting of a pair (source < target), as in
-- edges.csv
CREATE TABLE edges (
  source TEXT NOT NULL REFERENCES people(id),
  target TEXT NOT NULL REFERENCES people(id),
  weight INTEGER NOT NULL,          -- meetings
  kinds TEXT NOT NULL,              -- comma-separated
  first TEXT,
  last TEXT,
  cables INTEGER NOT NULL,
  PRIMARY KEY (source, target)
) WITHOUT ROWID;
