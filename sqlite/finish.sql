-- After the rows: the indexes of the joins people run, the full-text
-- indexes (built once, from the rows) and the views. Views use only what
-- SQLite 3.40 parses (Debian 12's sqlite3), so older readers open them too.

CREATE INDEX cables_date ON cables(date);
CREATE INDEX cables_origin ON cables(origin);
CREATE INDEX tags_tag ON tags(tag);
CREATE INDEX refs_cites ON refs(cites);
CREATE INDEX aliases_alias ON aliases(alias);
CREATE INDEX offices_office ON offices(office);
CREATE INDEX mentions_cable ON mentions(cable);
CREATE INDEX mentions_entity ON mentions(type, entity);
CREATE INDEX meetings_cable ON meetings(cable);
CREATE INDEX participants_person ON participants(person, meeting);
CREATE INDEX edges_target ON edges(target, source);

-- full text: cables' subjects and normalized text, meetings' evidence
-- (external content: the text is stored once, in its table)
CREATE VIRTUAL TABLE cables_fts USING fts5(subject, normalized, content='cables', content_rowid='seq');
INSERT INTO cables_fts(cables_fts) VALUES ('rebuild');
CREATE VIRTUAL TABLE meetings_fts USING fts5(evidence, content='meetings', content_rowid='id');
INSERT INTO meetings_fts(meetings_fts) VALUES ('rebuild');

-- every meeting of a person, with the others there and the evidence on
-- one line (meetings.evidence keeps the line breaks the offsets count)
CREATE VIEW person_meetings AS
SELECT p.person AS person, pe.name AS name, m.id AS meeting, m.cable AS cable,
       coalesce(m.date, c.date) AS date, m.kind AS kind, m.place AS place,
       (SELECT group_concat(o.person, ', ') FROM
          (SELECT person FROM participants WHERE meeting = m.id AND person <> p.person ORDER BY person) AS o) AS others,
       replace(replace(m.evidence, char(13), ''), char(10), ' ') AS evidence, c.subject AS subject
FROM participants AS p
JOIN people AS pe ON pe.id = p.person
JOIN meetings AS m ON m.id = p.meeting
JOIN cables AS c ON c.id = m.cable;

-- each edge seen from both ends: the people a person met
CREATE VIEW contacts AS
SELECT source AS person, target AS other, weight, first, last FROM edges
UNION ALL
SELECT target, source, weight, first, last FROM edges;

-- the people who met both a and b (ask with WHERE a = ? AND b = ?)
CREATE VIEW met_both AS
SELECT x.other AS a, y.other AS b, x.person AS person, pe.name AS name,
       x.weight AS meetings_a, y.weight AS meetings_b
FROM contacts AS x
JOIN contacts AS y ON y.person = x.person AND y.other <> x.other
JOIN people AS pe ON pe.id = x.person;

-- which cable cites which (ask with WHERE cites = ?); cited_in_db is 0
-- for a cited cable the database does not hold
CREATE VIEW citations AS
SELECT r.cable AS cable, c.date AS date, c.subject AS subject, r.cites AS cites, r.text AS ref,
       EXISTS (SELECT 1 FROM cables AS k WHERE k.id = r.cites) AS cited_in_db
FROM refs AS r
JOIN cables AS c ON c.id = r.cable
WHERE r.cites IS NOT NULL AND r.cites <> r.cable;
