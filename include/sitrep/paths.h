// Where sitrep finds its data files when the user names none.
//
// Thread-safety: reads the environment; call before starting threads that
// change it (none in sitrep do).
#ifndef SITREP_PATHS_H_
#define SITREP_PATHS_H_

#include <string>

namespace sitrep {

// Folder holding dict/, aliases.tsv and profiles/: $SITREP_DATA if set, else
// the source tree's data/ folder compiled in at build time.
std::string DefaultDataDir();

}  // namespace sitrep

#endif  // SITREP_PATHS_H_
