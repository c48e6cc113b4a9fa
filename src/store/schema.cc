#include "store/schema.h"

#include <array>

#include "sitrep/store.h"

namespace sitrep {
namespace store {
namespace {

// Version 1: everything. Dates are ISO text "YYYY-MM-DD" (NULL = unknown) so
// that plain SQL over the file reads well and sorts by date; enumerations are
// their lower-case names (see docs/data-model.md).
constexpr std::string_view kVersion1 = R"sql(
CREATE TABLE schema_version (
  version    INTEGER PRIMARY KEY,
  applied_at TEXT NOT NULL
);

CREATE TABLE reports (
  id          TEXT PRIMARY KEY NOT NULL,
  url         TEXT NOT NULL,
  outlet      TEXT NOT NULL,
  published   TEXT,
  title       TEXT NOT NULL,
  language    TEXT NOT NULL,
  text        TEXT NOT NULL,
  ingested_at TEXT NOT NULL,
  origin      TEXT NOT NULL
);
CREATE INDEX reports_by_published ON reports (published, id);

CREATE TABLE sentences (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  PRIMARY KEY (report_id, start, "end")
) WITHOUT ROWID;

CREATE TABLE events (
  id              TEXT PRIMARY KEY NOT NULL,
  date            TEXT,
  date_precision  TEXT NOT NULL,
  start_date      TEXT,
  start_precision TEXT NOT NULL,
  cameo           TEXT NOT NULL,
  action          TEXT NOT NULL,
  plover          TEXT NOT NULL,
  plover_mode     TEXT NOT NULL,
  acled_type      TEXT NOT NULL,
  acled_subtype   TEXT NOT NULL,
  effect          TEXT NOT NULL,
  actor           TEXT NOT NULL,
  actor_code      TEXT NOT NULL,
  target          TEXT NOT NULL,
  target_code     TEXT NOT NULL,
  object          TEXT NOT NULL,
  geonameid       INTEGER,
  place_name      TEXT NOT NULL,
  place_kind      TEXT NOT NULL,
  admin1          TEXT NOT NULL,
  country         TEXT NOT NULL,
  lat             REAL NOT NULL,
  lon             REAL NOT NULL,
  precision       TEXT NOT NULL,
  place_text      TEXT NOT NULL,
  facility        TEXT NOT NULL,
  claim           TEXT NOT NULL,
  claimant        TEXT NOT NULL,
  quantities      TEXT NOT NULL,
  confidence      REAL NOT NULL
);
CREATE INDEX events_by_date ON events (date, id);
CREATE INDEX events_by_place_date ON events (geonameid, date);
CREATE INDEX events_by_cameo ON events (cameo);

CREATE TABLE event_sources (
  event_id  TEXT NOT NULL REFERENCES events (id) ON DELETE CASCADE,
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL,
  sentence  TEXT NOT NULL,
  claim     TEXT NOT NULL,
  claimant  TEXT NOT NULL,
  UNIQUE (event_id, report_id, start, "end")
);
CREATE INDEX event_sources_by_report ON event_sources (report_id);

CREATE TABLE figures (
  report_id TEXT NOT NULL REFERENCES reports (id) ON DELETE CASCADE,
  what      TEXT NOT NULL,
  value     REAL NOT NULL,
  unit      TEXT NOT NULL,
  text      TEXT NOT NULL,
  subject   TEXT NOT NULL,
  claimant  TEXT NOT NULL,
  start     INTEGER NOT NULL,
  "end"     INTEGER NOT NULL
);
CREATE INDEX figures_by_report ON figures (report_id);

CREATE TABLE control_intervals (
  geonameid  INTEGER NOT NULL,
  place_name TEXT NOT NULL,
  holder     TEXT NOT NULL,
  challenger TEXT NOT NULL,
  status     TEXT NOT NULL,
  "from"     TEXT,
  "to"       TEXT,
  evidence   TEXT NOT NULL
);
CREATE INDEX control_by_place ON control_intervals (geonameid, "from");
CREATE INDEX control_by_from ON control_intervals ("from", "to");
-- Covers ControlAsOf: the open intervals and those ending after a day are
-- two ranges of it, read without touching the table.
CREATE INDEX control_by_to ON control_intervals
  ("to", "from", geonameid, place_name, holder, challenger, status, evidence);
)sql";

constexpr std::array<std::string_view, 1> kMigrations{kVersion1};

}  // namespace

std::span<const std::string_view> Migrations() { return kMigrations; }

}  // namespace store

int CurrentSchemaVersion() { return static_cast<int>(store::Migrations().size()); }

}  // namespace sitrep
