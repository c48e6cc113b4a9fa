// The SQLite schema as an ordered list of migrations.
//
// Migration N (1-based) takes a database from schema version N-1 to N. Each
// is a fixed SQL script without values; the migration runner in
// sqlite_store.cc applies the pending ones in one transaction each and
// records them in the schema_version table. A released migration is never
// edited: a change to the schema is a new migration appended here.
//
// Thread-safety: constant data.
#ifndef SITREP_STORE_SCHEMA_H_
#define SITREP_STORE_SCHEMA_H_

#include <span>
#include <string_view>

namespace sitrep::store {

// Every migration, in order; element i is the script of version i + 1.
std::span<const std::string_view> Migrations();

}  // namespace sitrep::store

#endif  // SITREP_STORE_SCHEMA_H_
